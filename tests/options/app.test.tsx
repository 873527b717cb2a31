// The options page as a whole: its sections in order, and the settings.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type OptionsAppProps } from '../../src/options/App';
import type { SettingsValue } from '../../src/options/settings-section';
import { I18nProvider } from '../../src/ui/i18n';
import { fakeActions, sourceView } from '../support/options';
import { TODAY } from '../support/test-date';
import { i18n, renderWithI18n } from '../support/ui';

afterEach(cleanup);

const defaults: SettingsValue = { badge: true, schedule: 'daily', notifications: true };

function renderOptions(overrides: Partial<OptionsAppProps> = {}) {
  const props: OptionsAppProps = {
    settings: defaults,
    onSaveSettings: vi.fn(async (partial) => ({ ...defaults, ...partial })),
    sources: [sourceView()],
    bundledIds: ['dovetail'],
    problem: null,
    history: [],
    actions: fakeActions(),
    today: TODAY,
    ...overrides,
  };
  return { props, ...renderWithI18n(<App {...props} />) };
}

const settingsStatus = () =>
  screen.getByRole('region', { name: 'Settings' }).querySelector('[role="status"]')?.textContent;

describe('options page', () => {
  it('has settings, sources, objection windows, history and export, each a labelled region, in that order', () => {
    renderOptions();
    expect(screen.getByRole('heading', { level: 1, name: 'Subprocessor Lens' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the register' }).getAttribute('href')).toBe(
      'register.html',
    );
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(regions.map((id) => document.getElementById(id ?? '')?.textContent)).toEqual([
      'Settings',
      'Sources',
      'Objection windows',
      'What changed',
      'Export',
    ]);
  });
});

describe('options: settings', () => {
  it('shows the badge setting as a labelled checkbox with its explanation', () => {
    renderOptions({ settings: { ...defaults, badge: false } });
    const box = screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    expect(box).toHaveProperty('checked', false);
    expect(screen.getByText(/Marks the toolbar button/)).toBeTruthy();
  });

  it('saves a change at once and confirms it', async () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' }));
    expect(props.onSaveSettings).toHaveBeenCalledWith({ badge: false });
    await waitFor(() => expect(settingsStatus()).toBe('Saved.'));
    expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('puts the box back and says why when saving fails', async () => {
    renderOptions({
      onSaveSettings: vi.fn(async () => {
        throw new Error('quota exceeded');
      }),
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' }));
    await waitFor(() => expect(settingsStatus()).toBe('Could not save the setting: quota exceeded'));
    expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('offers the schedule as a labelled select, daily by default, and saves a choice', async () => {
    const { props } = renderOptions();
    const select = screen.getByRole('combobox', { name: 'Check the lists for changes' }) as HTMLSelectElement;
    expect(select.value).toBe('daily');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['daily', 'Every day'],
      ['weekly', 'Every week'],
      ['off', 'Only when I ask'],
    ]);
    expect(select.getAttribute('aria-describedby')).toBe('setting-schedule-hint');
    expect(document.getElementById('setting-schedule-hint')?.textContent).toMatch(
      /even with this page closed/,
    );
    fireEvent.change(select, { target: { value: 'weekly' } });
    expect(props.onSaveSettings).toHaveBeenCalledWith({ schedule: 'weekly' });
    await waitFor(() => expect(settingsStatus()).toBe('Saved.'));
    expect(select.value).toBe('weekly');
  });

  it('turns notifications off and on', async () => {
    const { props } = renderOptions({ settings: { ...defaults, notifications: false } });
    const box = screen.getByRole('checkbox', { name: 'Notify me when a list changes' });
    expect(box).toHaveProperty('checked', false);
    fireEvent.click(box);
    expect(props.onSaveSettings).toHaveBeenCalledWith({ notifications: true });
    await waitFor(() => expect(box).toHaveProperty('checked', true));
  });

  it('follows settings changed elsewhere', () => {
    const view = renderOptions();
    view.rerender(
      <I18nProvider value={i18n}>
        <App {...view.props} settings={{ badge: false, schedule: 'off', notifications: false }} />
      </I18nProvider>,
    );
    expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
      'checked',
      false,
    );
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('off');
  });
});

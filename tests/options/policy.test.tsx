// What the organisation's policy sets, as the options page shows it: locked settings that say who
// set them and cannot be changed, and followed sources without a Remove button.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type OptionsAppProps } from '../../src/options/App';
import type { SettingsValue } from '../../src/options/settings-section';
import { fakeActions, sourceView } from '../support/options';
import { TODAY } from '../support/test-date';
import { renderWithI18n, visible } from '../support/ui';

afterEach(cleanup);

const defaults: SettingsValue = { badge: false, schedule: 'weekly', notifications: true };
const team = sourceView({
  id: 'northwind',
  title: 'Northwind register',
  url: 'https://privacy.northwind.example/register.json',
  origin: 'fetched',
  vendorCount: 2340,
  managed: true,
});
const acme = sourceView({ id: 'acme', title: 'Acme', url: 'https://acme.example/sub', origin: 'fetched' });

function renderOptions(overrides: Partial<OptionsAppProps> = {}) {
  const props: OptionsAppProps = {
    settings: defaults,
    lockedSettings: ['badge', 'schedule'],
    onSaveSettings: vi.fn(async (partial) => ({ ...defaults, ...partial })),
    sources: [sourceView(), team, acme],
    bundledIds: ['dovetail'],
    problem: null,
    history: [],
    actions: fakeActions(),
    today: TODAY,
    ...overrides,
  };
  return { props, ...renderWithI18n(<App {...props} />) };
}

const description = (element: HTMLElement) =>
  visible(
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe('settings set by the organisation', () => {
  it('show their value, cannot be changed, and say who set them', () => {
    const { props } = renderOptions();
    const badge = screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    expect(badge).toHaveProperty('checked', false);
    expect(badge).toHaveProperty('disabled', true);
    expect(description(badge)).toMatch(/^Set by your organisation Your organisation’s policy sets this/);
    const schedule = screen.getByRole('combobox');
    expect(schedule).toHaveProperty('value', 'weekly');
    expect(schedule).toHaveProperty('disabled', true);
    expect(description(schedule)).toMatch(/^Set by your organisation /);
    fireEvent.click(badge);
    fireEvent.change(schedule, { target: { value: 'off' } });
    expect(props.onSaveSettings).not.toHaveBeenCalled();
  });

  it('leave the other settings to the user', () => {
    const { props } = renderOptions();
    const notifications = screen.getByRole('checkbox', { name: 'Notify me when a list changes' });
    expect(notifications).toHaveProperty('disabled', false);
    expect(description(notifications)).not.toMatch(/organisation/);
    fireEvent.click(notifications);
    expect(props.onSaveSettings).toHaveBeenCalledWith({ notifications: false });
    expect(screen.getAllByText('Set by your organisation')).toHaveLength(3); // two settings, one source
  });
});

describe('sources followed by the organisation', () => {
  const card = (name: string) => {
    const heading = screen.getByRole('heading', { level: 3, name });
    return heading.closest('li') as HTMLElement;
  };

  it('say so and have no Remove button, while the user’s own sources keep theirs', () => {
    renderOptions();
    const northwind = card('Northwind register');
    expect(within(northwind).getByText('Set by your organisation')).toBeTruthy();
    expect(visible(northwind.querySelector('.managed')?.textContent ?? '')).toBe(
      'Set by your organisation Your organisation’s policy follows this list; it cannot be removed here.',
    );
    expect(within(northwind).getByRole('button', { name: /^Refresh/ })).toBeTruthy();
    expect(within(northwind).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(within(card('Acme')).getByRole('button', { name: /^Remove/ })).toBeTruthy();
    expect(within(card('Acme')).queryByText('Set by your organisation')).toBeNull();
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, type OptionsAppProps } from '../../src/options/App';
import type { SourceInfo } from '../../src/options/sources-section';
import { renderWithI18n, seedList } from '../support/ui';

afterEach(cleanup);

const bundled = (): SourceInfo => ({ list: seedList(), origin: 'bundled', fetchedAt: null, problem: null });

function renderOptions(overrides: Partial<OptionsAppProps> = {}) {
  const props: OptionsAppProps = {
    settings: { badge: true },
    onSaveSettings: vi.fn(async (partial) => ({ badge: true, ...partial })),
    sources: [bundled()],
    ...overrides,
  };
  return { props, ...renderWithI18n(<App {...props} />) };
}

/** The <dd> of a source fact, by its label. */
function fact(label: string): string {
  const dt = screen.getAllByText(label).find((el) => el.tagName === 'DT');
  return dt?.nextElementSibling?.textContent ?? '';
}

describe('options: settings', () => {
  it('shows the badge setting as a labelled checkbox with its explanation', () => {
    renderOptions({ settings: { badge: false } });
    const box = screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    expect(box).toHaveProperty('checked', false);
    expect(screen.getByText(/Marks the toolbar button/)).toBeTruthy();
  });

  it('saves a change at once and confirms it', async () => {
    const { props } = renderOptions();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' }));
    expect(props.onSaveSettings).toHaveBeenCalledWith({ badge: false });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(screen.getByRole('checkbox')).toHaveProperty('checked', false);
  });

  it('puts the box back and says why when saving fails', async () => {
    renderOptions({
      onSaveSettings: vi.fn(async () => {
        throw new Error('quota exceeded');
      }),
    });
    fireEvent.click(screen.getByRole('checkbox'));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not save the setting: quota exceeded'),
    );
    expect(screen.getByRole('checkbox')).toHaveProperty('checked', true);
  });

  it('follows settings changed elsewhere', () => {
    const view = renderOptions();
    view.rerender(<App {...view.props} settings={{ badge: false }} />);
    expect(screen.getByRole('checkbox')).toHaveProperty('checked', false);
  });
});

describe('options: sources', () => {
  it('shows the bundled Dovetail list with its date, vendor count, address and origin', () => {
    renderOptions();
    const sources = screen.getByRole('region', { name: 'Sources' });
    expect(within(sources).getByRole('heading', { level: 3, name: 'Dovetail' })).toBeTruthy();
    expect(fact('Updated')).toBe('8 Oct 2018');
    expect(fact('Vendors')).toBe('7');
    const link = within(sources).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://dovetailapp.com/legal/data-subprocessors');
    expect(link.textContent).toContain('https://dovetailapp.com/legal/data-subprocessors');
    expect(fact('Copy in use')).toBe('Bundled with the extension');
    expect(screen.queryByText('Last fetched')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a stored copy with its fetch time, and a problem clearly', () => {
    renderOptions({
      sources: [
        {
          ...bundled(),
          origin: 'stored',
          fetchedAt: '2026-11-20T08:15:00Z',
          problem: 'Your saved lists could not be read (not an object), so the bundled list is in use.',
        },
      ],
    });
    expect(fact('Copy in use')).toBe('Downloaded and stored in this browser');
    expect(fact('Last fetched')).toContain('2026');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Problem: ');
    expect(alert.textContent).toContain('could not be read (not an object)');
    expect(alert.textContent).toContain('The last good copy stays in use.');
  });

  it('never links a source address that is not http(s)', () => {
    const list = seedList();
    renderOptions({
      sources: [{ ...bundled(), list: { ...list, source: { ...list.source, url: 'javascript:alert(1)' } } }],
    });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });
});

describe('options: the refresh slot', () => {
  it('renders what the data-refresh feature plugs in, after the sources', () => {
    const { container } = renderOptions({ refresh: <h2>Refresh and history</h2> });
    const slot = container.querySelector('[data-slot="refresh"]');
    expect(slot?.textContent).toBe('Refresh and history');
    const sections = [...container.querySelectorAll('section')];
    expect(sections.indexOf(slot as HTMLElement)).toBe(sections.length - 1);
  });

  it('renders no empty section when nothing is plugged in', () => {
    const { container } = renderOptions();
    expect(container.querySelector('[data-slot="refresh"]')).toBeNull();
  });
});

// The history of applied changes: newest first with dates, each vendor added, removed and changed
// field by field; an empty history; a long one shown a page at a time.
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/parse';
import type { HistoryEntry } from '../../src/core/register/history-schema';
import { HistoryEntrySchema } from '../../src/core/register/history-schema';
import { HISTORY_PAGE, HISTORY_VENDORS, HistorySection } from '../../src/options/history-section';
import { DOVETAIL_URL, entryFor, seedWith } from '../support/options';
import { TODAY } from '../support/test-date';
import { renderWithI18n, seedList, visible } from '../support/ui';

afterEach(cleanup);

function refreshed() {
  const result = parse(readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8'), {
    url: DOVETAIL_URL,
    title: 'Dovetail',
    today: TODAY,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const entries = () => screen.queryAllByRole('listitem').filter((li) => li.classList.contains('change'));
const group = (entry: HTMLElement, label: string) =>
  [...entry.querySelectorAll('.change__group')].find((g) => g.querySelector('h4')?.textContent === label) as
    | HTMLElement
    | undefined;
const items = (el: HTMLElement | undefined) =>
  [...(el?.querySelector('ul')?.children ?? [])].map((li) => visible(li.textContent));

describe('history', () => {
  it('says so when nothing has changed yet', () => {
    renderWithI18n(<HistorySection history={[]} />);
    expect(screen.getByRole('heading', { level: 2, name: 'What changed' })).toBeTruthy();
    expect(screen.getByText(/No changes yet/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a refresh of Dovetail: the date, the counts, who came, who went and what changed', () => {
    const entry = entryFor(seedList(), refreshed(), `${TODAY}T14:02:00Z`);
    renderWithI18n(<HistorySection history={[entry]} />);
    const [el] = entries() as [HTMLElement];
    expect(visible(within(el).getByRole('heading', { level: 3 }).textContent)).toBe(
      '27 Nov 2026, 14:02 · , Dovetail',
    );
    expect(el.querySelector('time')?.getAttribute('datetime')).toBe(`${TODAY}T14:02:00Z`);
    expect(el.querySelector('.change__summary')?.textContent).toBe(
      '1 vendor added, 1 vendor removed, 1 vendor changed',
    );
    expect(visible(el.textContent)).toContain("The list's date: 8 Oct 2018 → 2 Nov 2026");
    expect(items(group(el, 'Added'))).toEqual([expect.stringMatching(/^Rev\.ai/)]);
    expect(items(group(el, 'Removed'))).toEqual(['Heroku']);
    const changed = items(group(el, 'Changed'));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^Stripe/);
    expect(changed[0]).toContain('Location: San Francisco, United States →');
  });

  it('words each kind of field change', () => {
    const after = seedWith('Amazon Web Services', (v) => ({
      ...v,
      certifications: [
        ...v.certifications.filter((c) => c.id !== 'privacy-shield'),
        { id: 'soc2-type2', label: 'SOC 2 Type 2', text: 'SOC 2 Type II' },
      ],
      dpa: { status: 'signed', date: '2026-11-01', text: 'Signed 1 Nov 2026' },
      dataProcessed: [...v.dataProcessed, 'Email address'],
      use: v.use.slice(1),
    }));
    renderWithI18n(<HistorySection history={[entryFor(seedList(), after, `${TODAY}T14:02:00Z`)]} />);
    const fields = [...document.querySelectorAll('.change__fields li')].map((li) => visible(li.textContent));
    expect(fields).toEqual([
      'Certifications: added SOC 2 Type 2; removed EU-US Privacy Shield',
      'Data processed: added Email address',
      'Use: removed Encrypted data storage and backups',
      'DPA: Incorporated into the terms → Signed, 1 Nov 2026',
    ]);
  });

  it('lists entries newest first as given, and marks one the user confirmed', () => {
    const newer = { ...entryFor(seedList(), refreshed(), `${TODAY}T14:02:00Z`), confirmed: true };
    const older = { ...entryFor(seedList(), refreshed(), '2026-10-01T09:00:00Z'), listTitle: 'Acme Notes' };
    renderWithI18n(<HistorySection history={[newer, older]} />);
    expect(entries().map((el) => visible(el.querySelector('h3')?.textContent))).toEqual([
      '27 Nov 2026, 14:02 · , Dovetail',
      '1 Oct 2026, 09:00 · , Acme Notes',
    ]);
    expect(entries()[0]?.textContent).toContain('(applied after your confirmation)');
    expect(entries()[1]?.textContent).not.toContain('confirmation');
  });

  it('shows a long history a page at a time, moving focus to the first entry revealed', () => {
    const base = entryFor(seedList(), refreshed(), `${TODAY}T14:02:00Z`);
    const history: HistoryEntry[] = Array.from({ length: 23 }, (_, i) => ({
      ...base,
      at: new Date(Date.parse(TODAY) - i * 86_400_000).toISOString(),
    }));
    renderWithI18n(<HistorySection history={history} />);
    expect(entries()).toHaveLength(HISTORY_PAGE);
    const more = screen.getByRole('button', { name: 'Show 10 more (13 older)' });
    fireEvent.click(more);
    expect(entries()).toHaveLength(2 * HISTORY_PAGE);
    expect(document.activeElement).toBe(entries()[HISTORY_PAGE]?.querySelector('h3'));
    fireEvent.click(screen.getByRole('button', { name: 'Show 3 more (3 older)' }));
    expect(entries()).toHaveLength(23);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names at most a few dozen vendors per entry and counts the rest', () => {
    const list = seedList();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...list.vendors[0], name: `Vendor ${i}` }));
    const after = { ...list, vendors: [...list.vendors, ...many] } as typeof list;
    renderWithI18n(<HistorySection history={[entryFor(list, after, `${TODAY}T14:02:00Z`)]} />);
    const added = items(group(entries()[0] as HTMLElement, 'Added'));
    expect(added).toHaveLength(HISTORY_VENDORS + 1);
    expect(added.at(-1)).toBe(`${60 - HISTORY_VENDORS} more`);
    expect(entries()[0]?.querySelector('.change__summary')?.textContent).toBe('60 vendors added');
  });

  it('reads a damaged stored entry without breaking', () => {
    const entry = entryFor(seedList(), refreshed(), `${TODAY}T14:02:00Z`);
    // As the store reads it: through the entry's schema, which the page then trusts.
    const damaged = v.parse(HistoryEntrySchema, {
      ...entry,
      changed: [{ name: 'Stripe', changes: [{ field: 'location', before: 42, after: null }] }],
    });
    renderWithI18n(<HistorySection history={[damaged]} />);
    expect(visible(document.querySelector('.change__fields li')?.textContent)).toBe('Location: reworded');
  });
});

import { describe, expect, it } from 'vitest';
import type { SubprocessorList } from '../../../src/core/list';
import { objectionIndex, windowOpen, windowUntil } from '../../../src/core/objection-window';
import type { HistoryEntry } from '../../../src/core/register/history-schema';
import { mergeLists } from '../../../src/core/register/merge';
import { registerOverview } from '../../../src/core/register/overview';
import { emptyReview, reviewLookup, withReview } from '../../../src/core/register/review-state';
import { buildRows, filterChoices, NO_FILTER, sortOrder, visibleRows } from '../../../src/core/register/rows';
import { buildSearchIndex } from '../../../src/core/search/search';
import { transferBasisOf } from '../../../src/core/transfer-basis';
import { seedList } from '../../support/ui';

const dovetail = seedList();

function acmeList(): SubprocessorList {
  const stripe = dovetail.vendors.find((v) => v.name === 'Stripe');
  if (!stripe) throw new Error('no Stripe');
  return {
    format: 'subprocessor-list/v1',
    source: { title: 'Acme', url: null, updated: '2024-01-01' },
    vendors: [
      { ...stripe, name: 'Stripe, Inc.', dpa: { status: 'not-signed', date: null, text: '' } },
      {
        ...stripe,
        name: 'Zeta Mail GmbH',
        website: 'https://zeta.example',
        domains: ['zeta.example'],
        location: { text: 'Berlin, Germany', country: 'DE' },
        flags: [],
      },
    ],
  };
}

function addition(sourceId: string, name: string, website: string | null, at: string): HistoryEntry {
  return {
    at,
    sourceId,
    listTitle: sourceId,
    summary: {
      listTitle: sourceId,
      added: { count: 1, names: [name], more: 0 },
      removed: { count: 0, names: [], more: 0 },
      changed: { count: 2, names: [], more: 0 },
      notable: true,
      text: '',
    },
    added: [{ name, website, location: '' }],
    removed: [],
    changed: [],
    updated: null,
    confirmed: false,
  };
}

const register = mergeLists([
  { sourceId: 'dovetail', list: dovetail },
  { sourceId: 'acme', list: acmeList() },
]);
const TODAY = '2026-12-10';
const history = [
  addition('acme', 'Zeta Mail GmbH', 'https://zeta.example', '2026-12-02T09:00:00Z'),
  addition('dovetail', 'Mixpanel', 'https://mixpanel.com', '2026-10-01T09:00:00Z'),
];
const days = (id: string) => (id === 'acme' ? 30 : 14);

describe('the register rows', () => {
  const rows = buildRows(register, reviewLookup({}), objectionIndex(history, days));
  const row = (name: string) => rows.find((r) => r.vendor.name === name);

  it('say which lists name a vendor (the fourth-party view) and its transfer basis from its findings', () => {
    expect(row('Stripe')?.sourceIds).toEqual(['dovetail', 'acme']);
    expect(row('Zeta Mail GmbH')?.sourceIds).toEqual(['acme']);
    expect(row('Zeta Mail GmbH')?.transfer).toBe('eea');
    const us = rows.filter((r) => r.vendor.location.country === 'US');
    expect(us.length).toBeGreaterThan(0);
    for (const r of us) expect(['dpf', 'safeguards']).toContain(r.transfer);
    expect(transferBasisOf({ flags: [], location: { text: 'somewhere', country: null } })).toBe('unknown');
    expect(
      transferBasisOf({
        flags: [{ id: 'transfer-adequate', severity: 'info' }],
        location: { text: 'Tokyo', country: 'JP' },
      }),
    ).toBe('adequacy');
  });

  it('give a vendor a refresh added its objection window, per source', () => {
    expect(row('Zeta Mail GmbH')?.window).toEqual({
      sourceId: 'acme',
      addedOn: '2026-12-02',
      until: '2027-01-01',
    });
    expect(windowOpen(row('Zeta Mail GmbH')?.window ?? null, TODAY)).toBe(true);
    // Dovetail's window is 14 days: closed by now.
    expect(row('Mixpanel')?.window?.until).toBe('2026-10-15');
    expect(windowOpen(row('Mixpanel')?.window ?? null, TODAY)).toBe(false);
    expect(row('Stripe')?.window).toBeNull();
    expect(windowUntil('not a date', 30)).toBeNull();
  });

  it('sort by any column, ties in register order, and reverse', () => {
    const names = (
      column: Parameters<typeof sortOrder>[1]['column'],
      direction: 'ascending' | 'descending' = 'ascending',
    ) => sortOrder(rows, { column, direction }, 'en').map((i) => rows[i]?.vendor.name);
    const byName = names('vendor');
    expect(byName).toEqual(
      [...byName].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'en', { sensitivity: 'base' })),
    );
    expect(names('vendor', 'descending')).toEqual([...byName].reverse());
    expect(names('order')).toEqual(rows.map((r) => r.vendor.name));
    expect(names('listedBy', 'descending')[0]).toBe('Stripe');
    expect(names('added', 'descending')[0]).toBe('Zeta Mail GmbH');
    // Most serious findings first: a vendor with a risk comes before any without.
    const first = rows[sortOrder(rows, { column: 'findings', direction: 'descending' }, 'en')[0] ?? 0];
    expect(
      first?.flags.some((f) => f.severity === 'risk') ||
        rows.every((r) => !r.flags.some((f) => f.severity === 'risk')),
    ).toBe(true);
  });

  it('filter by source, country, finding, status, open window and search, together', () => {
    const order = sortOrder(rows, { column: 'order', direction: 'ascending' }, 'en');
    const shown = (filter: Partial<typeof NO_FILTER>, matches: number[] | null = null) =>
      visibleRows(rows, order, { ...NO_FILTER, ...filter }, matches, TODAY).map((r) => r.vendor.name);
    expect(shown({})).toHaveLength(rows.length);
    expect(shown({ source: 'acme' })).toEqual(['Stripe', 'Zeta Mail GmbH']);
    expect(shown({ country: 'DE' })).toEqual(['ChartMogul', 'Zeta Mail GmbH']);
    expect(shown({ windowOpen: true })).toEqual(['Zeta Mail GmbH']);
    const finding = row('Stripe')?.flags[0]?.id ?? '';
    expect(shown({ finding })).toContain('Stripe');
    expect(shown({ status: 'approved' })).toEqual([]);
    const index = buildSearchIndex(register.vendors);
    expect(shown({}, index.matching('strpe'))).toEqual(['Stripe']);
    expect(shown({ source: 'acme' }, index.matching('zeta'))).toEqual(['Zeta Mail GmbH']);
    expect(shown({ source: 'dovetail' }, index.matching('zeta'))).toEqual([]);
    expect(index.matching('   ')).toBeNull();
    expect(filterChoices(rows).countries).toContain('DE');
  });

  it('carry my status, and the overview counts what the table holds', () => {
    const stripe = register.vendors.find((v) => v.name === 'Stripe');
    if (!stripe) throw new Error('no Stripe');
    const reviews = withReview(
      {},
      stripe,
      { ...emptyReview(stripe), status: 'approved' },
      '2026-12-01T00:00:00Z',
    );
    const reviewed = buildRows(register, reviewLookup(reviews), objectionIndex(history, days));
    expect(reviewed.find((r) => r.vendor.name === 'Stripe')?.status).toBe('approved');
    const overview = registerOverview({
      rows: reviewed,
      sources: [dovetail.source, acmeList().source],
      history,
      today: TODAY,
      months: 3,
    });
    expect(overview.vendors).toBe(register.vendors.length);
    expect(overview.sources).toBe(2);
    expect(overview.notReviewed).toBe(register.vendors.length - 1);
    // Dovetail's list dates from 2018, Acme's from January 2024: both more than a year old.
    expect(overview.staleLists).toBe(2);
    const flags = register.vendors.flatMap((v) => v.flags);
    expect(overview.findings.risk).toBe(flags.filter((f) => f.severity === 'risk').length);
    expect(overview.byCountry.reduce((s, b) => s + b.count, 0)).toBe(register.vendors.length);
    expect(overview.byTransfer.reduce((s, b) => s + b.count, 0)).toBe(register.vendors.length);
    expect(overview.dpa.reduce((s, b) => s + b.count, 0)).toBe(register.vendors.length);
    expect(overview.certified.with + overview.certified.without).toBe(register.vendors.length);
    expect(overview.changes).toEqual([
      { month: '2026-10', added: 1, removed: 0, changed: 2 },
      { month: '2026-11', added: 0, removed: 0, changed: 0 },
      { month: '2026-12', added: 1, removed: 0, changed: 2 },
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../src/core/list';
import { diffLists } from '../../../src/core/register/diff';
import {
  addToHistory,
  historyEntry,
  MAX_HISTORY,
  MAX_HISTORY_VENDORS,
  mergeHistories,
} from '../../../src/core/register/history';
import type { HistoryEntry } from '../../../src/core/register/history-schema';
import { bundled } from '../../support/bundled-list';
import { onTestDay } from '../../support/test-date';

const context = { at: onTestDay('08:00'), sourceId: 'dovetail', listTitle: 'Dovetail' };

function vendor(name: string): Vendor {
  return { ...(bundled.vendors[0] as Vendor), name, website: null, domains: [] };
}

describe('historyEntry', () => {
  it('records added, removed and the fields that changed in substance', () => {
    const stripe = bundled.vendors.find((v) => v.name === 'Stripe') as Vendor;
    const after = {
      ...bundled,
      vendors: [
        ...bundled.vendors
          .filter((v) => v.name !== 'Heroku')
          .map((v) =>
            v === stripe
              ? {
                  ...v,
                  location: { text: 'Dublin, Ireland', country: 'IE' },
                  flags: [],
                  use: [...v.use].reverse(),
                }
              : v,
          ),
        { ...vendor('Rev.ai'), website: 'https://rev.ai' },
      ],
    };
    const entry = historyEntry(diffLists(bundled, after), context);
    expect(entry).toMatchObject({
      ...context,
      added: [{ name: 'Rev.ai', website: 'https://rev.ai' }],
      removed: [{ name: 'Heroku' }],
      updated: null,
      confirmed: false,
    });
    // Only the location: re-ordered use items and re-assessed findings are not news.
    expect(entry?.changed).toEqual([
      {
        name: 'Stripe',
        changes: [
          { field: 'location', before: stripe.location, after: { text: 'Dublin, Ireland', country: 'IE' } },
        ],
      },
    ]);
    expect(entry?.summary.text).toBe(
      'Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe',
    );
  });

  it('is null for a list that only changed order', () => {
    const reordered = { ...bundled, vendors: [...bundled.vendors].reverse() };
    expect(historyEntry(diffLists(bundled, reordered), context)).toBeNull();
  });

  it('names at most MAX_HISTORY_VENDORS vendors, keeping the full count in the summary', () => {
    const many = Array.from({ length: MAX_HISTORY_VENDORS + 20 }, (_, i) => vendor(`Vendor ${i}`));
    const entry = historyEntry(
      diffLists(bundled, { ...bundled, vendors: [...bundled.vendors, ...many] }),
      context,
    );
    expect(entry?.added).toHaveLength(MAX_HISTORY_VENDORS);
    expect(entry?.summary.added.count).toBe(MAX_HISTORY_VENDORS + 20);
  });
});

describe('addToHistory and mergeHistories', () => {
  const entry = (at: string, sourceId = 's') => ({ at, sourceId }) as HistoryEntry;

  it('keep the newest MAX_HISTORY entries, newest first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (n) => {
        let history: HistoryEntry[] = [];
        for (let i = 0; i < n; i++) history = addToHistory(history, entry(String(i).padStart(4, '0')));
        expect(history).toHaveLength(Math.min(n, MAX_HISTORY));
        expect(history.map((e) => e.at)).toEqual([...history.map((e) => e.at)].sort().reverse());
        if (n > 0) expect(history[0]?.at).toBe(String(n - 1).padStart(4, '0'));
      }),
    );
  });

  it('interleave several sources by date', () => {
    const merged = mergeHistories([[entry('2026-03', 'a'), entry('2026-01', 'a')], [entry('2026-02', 'b')]]);
    expect(merged.map((e) => `${e.sourceId}${e.at}`)).toEqual(['a2026-03', 'b2026-02', 'a2026-01']);
  });
});

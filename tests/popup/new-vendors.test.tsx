// Which vendors the popup marks "new", from the refresh history (newest first).
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, VendorBrief } from '../../src/core/register/history-schema';
import { NEW_VENDOR_DAYS, recentlyAdded } from '../../src/popup/new-vendors';
import { NOW } from '../support/test-date';
import { seedVendor } from '../support/ui';

const brief = (name: string, website: string | null = null): VendorBrief => ({ name, website, location: '' });
const part = (names: string[]) => ({ count: names.length, names, more: 0 });

function entry(
  at: string,
  sourceId: string,
  added: VendorBrief[],
  removed: VendorBrief[] = [],
): HistoryEntry {
  return {
    at,
    sourceId,
    listTitle: sourceId,
    summary: {
      listTitle: sourceId,
      added: part(added.map((b) => b.name)),
      removed: part(removed.map((b) => b.name)),
      changed: part([]),
      notable: true,
      text: '',
    },
    added,
    removed,
    changed: [],
    updated: null,
    confirmed: false,
  };
}

const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const stripe = seedVendor('Stripe');

describe('recentlyAdded', () => {
  it('gives the time a vendor was added within the last 30 days', () => {
    const at = daysAgo(3);
    const addedOn = recentlyAdded([entry(at, 'dovetail', [brief('Stripe')])], NOW);
    expect(addedOn(stripe)).toBe(at);
    expect(addedOn(seedVendor('Heroku'))).toBeNull();
  });

  it('forgets additions older than the window', () => {
    const addedOn = recentlyAdded([entry(daysAgo(NEW_VENDOR_DAYS + 1), 'dovetail', [brief('Stripe')])], NOW);
    expect(addedOn(stripe)).toBeNull();
    expect(recentlyAdded([entry(daysAgo(29), 'dovetail', [brief('Stripe')])], NOW)(stripe)).not.toBeNull();
  });

  it('knows a vendor by name up to legal form, or by its website when renamed', () => {
    expect(recentlyAdded([entry(daysAgo(1), 'a', [brief('Stripe, Inc.')])], NOW)(stripe)).not.toBeNull();
    expect(
      recentlyAdded(
        [entry(daysAgo(1), 'a', [brief('Stripe Payments Europe', 'https://stripe.com')])],
        NOW,
      )(stripe),
    ).not.toBeNull();
  });

  it('does not call new a vendor that the same list removed again afterwards', () => {
    const history = [
      entry(daysAgo(1), 'dovetail', [], [brief('Stripe')]),
      entry(daysAgo(5), 'dovetail', [brief('Stripe')]),
    ];
    expect(recentlyAdded(history, NOW)(stripe)).toBeNull();
  });

  it('calls it new when another list added it, whatever a third did', () => {
    const history = [
      entry(daysAgo(1), 'acme', [], [brief('Stripe')]),
      entry(daysAgo(5), 'dovetail', [brief('Stripe')]),
    ];
    expect(recentlyAdded(history, NOW)(stripe)).toBe(daysAgo(5));
  });

  it('gives the latest addition, whatever order the history comes in', () => {
    const history = [entry(daysAgo(10), 'a', [brief('Stripe')]), entry(daysAgo(2), 'b', [brief('Stripe')])];
    expect(recentlyAdded(history, NOW)(stripe)).toBe(daysAgo(2));
  });

  it('marks nothing for an empty history or damaged dates', () => {
    expect(recentlyAdded([], NOW)(stripe)).toBeNull();
    expect(recentlyAdded([entry('not a date', 'a', [brief('Stripe')])], NOW)(stripe)).toBeNull();
  });
});

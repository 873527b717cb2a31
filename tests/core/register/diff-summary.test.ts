import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubprocessorList, Vendor } from '../../../src/core/list';
import { parse } from '../../../src/core/parse';
import { diffLists } from '../../../src/core/register/diff';
import { summarizeDiff } from '../../../src/core/register/diff-summary';
import { FC_SEED, listArb, listOf } from '../../support/list-arbitraries';
import { TODAY } from '../../support/test-date';

function parsed(path: string): SubprocessorList {
  const result = parse(readFileSync(path, 'utf8'), { today: TODAY, title: 'Dovetail' });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const seed = parsed('assets/data/dovetail-subprocessors.md');
const named = (name: string): Vendor => ({
  ...(seed.vendors[0] as Vendor),
  name,
  website: null,
  domains: [],
});

describe('summarizeDiff', () => {
  it('names one added vendor, singular', () => {
    const after = { ...seed, vendors: [...seed.vendors, named('Rev.ai')] };
    const summary = summarizeDiff(diffLists(seed, after), 'Dovetail');
    expect(summary.text).toBe('Dovetail added 1 subprocessor: Rev.ai');
    expect(summary.added).toEqual({ count: 1, names: ['Rev.ai'], more: 0 });
    expect(summary.removed).toEqual({ count: 0, names: [], more: 0 });
    expect(summary.notable).toBe(true);
  });

  it('joins added, removed and changed, and counts the unnamed rest', () => {
    const refreshed = parsed('tests/fixtures/refresh/dovetail-refreshed.md');
    const after = { ...refreshed, vendors: [...refreshed.vendors, ...['A', 'B', 'C', 'D'].map(named)] };
    const summary = summarizeDiff(diffLists(seed, after), 'Dovetail');
    expect(summary.text).toBe(
      'Dovetail added 5 subprocessors: Rev.ai, A, B and 2 more; removed 1: Heroku; changed 1: Stripe',
    );
    expect(summary.added).toEqual({ count: 5, names: ['Rev.ai', 'A', 'B'], more: 2 });
  });

  it('honours maxNames', () => {
    const after = listOf([named('A'), named('B')]);
    const summary = summarizeDiff(diffLists(listOf([]), after), 'Acme', { maxNames: 1 });
    expect(summary.text).toBe('Acme added 2 subprocessors: A and 1 more');
  });

  it('says there is no news when only derived fields changed', () => {
    const after = { ...seed, vendors: seed.vendors.map((v) => ({ ...v, flags: [] })) };
    const summary = summarizeDiff(diffLists(seed, after), 'Dovetail');
    expect(summary.notable).toBe(false);
    expect(summary.text).toBe('Dovetail: no change to its subprocessors');
  });

  it('counts agree with the diff for any two lists', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const diff = diffLists(a, b);
        const summary = summarizeDiff(diff, 'X');
        expect(summary.added.count).toBe(diff.added.length);
        expect(summary.removed.count).toBe(diff.removed.length);
        expect(summary.changed.count).toBeLessThanOrEqual(diff.changed.length);
        expect(summary.notable).toBe(summary.added.count + summary.removed.count + summary.changed.count > 0);
        expect(summary.added.names.length + summary.added.more).toBe(summary.added.count);
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubprocessorList, Vendor } from '../../../src/core/list';
import { parse } from '../../../src/core/parse';
import {
  diffLists,
  fieldDelta,
  isEmptyDiff,
  type ListDiff,
  notableChanges,
  notableFields,
  REPORTED_FIELDS,
  VENDOR_FIELDS,
} from '../../../src/core/register/diff';
import { applyDiff } from '../../support/apply-diff';
import {
  assertValid,
  canonicalVendors,
  distinctListArb,
  evolvedPairArb,
  FC_SEED,
  listArb,
  listOf,
  vendorArb,
} from '../../support/list-arbitraries';
import { TODAY } from '../../support/test-date';

const RUNS = { seed: FC_SEED, numRuns: 200 };

function parsed(path: string): SubprocessorList {
  const result = parse(readFileSync(path, 'utf8'), {
    today: TODAY,
    title: 'Dovetail',
    url: 'https://dovetailapp.com/legal/data-subprocessors',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const seed = parsed('assets/data/dovetail-subprocessors.md');
const refreshed = parsed('tests/fixtures/refresh/dovetail-refreshed.md');

function applied(before: SubprocessorList, diff: ListDiff): SubprocessorList {
  const result = applyDiff(before, diff);
  if (!result.ok) throw new Error(result.message);
  return result.list;
}

function vendor(name: string, edit: Partial<Vendor> = {}): Vendor {
  const base = seed.vendors.find((v) => v.name === name);
  if (!base) throw new Error(`no ${name} in the seed`);
  return { ...base, ...edit };
}

describe('diffLists on the Dovetail seed and a refreshed version', () => {
  const diff = diffLists(seed, refreshed);

  it('finds Rev.ai added, Heroku removed and Stripe changed in location only among reported fields', () => {
    expect(diff.added.map((v) => v.name)).toEqual(['Rev.ai']);
    expect(diff.removed.map((v) => v.name)).toEqual(['Heroku']);
    expect(notableChanges(diff).map((c) => c.name)).toEqual(['Stripe']);
    const stripe = diff.changed.find((c) => c.name === 'Stripe');
    expect(stripe && notableFields(stripe)).toEqual(['location']);
    expect(stripe?.changes.find((c) => c.field === 'location')).toEqual({
      field: 'location',
      before: { text: 'San Francisco, United States', country: 'US' },
      after: { text: 'Dublin, Ireland', country: 'IE' },
    });
  });

  it('records the source date change', () => {
    expect(diff.source?.before.updated).toBe('2018-10-08');
    expect(diff.source?.after.updated).toBe('2026-11-02');
  });

  it('rebuilds the refreshed list when applied to the seed', () => {
    expect(canonicalVendors(applied(seed, diff).vendors)).toEqual(canonicalVendors(refreshed.vendors));
    expect(applied(seed, diff).source).toEqual(refreshed.source);
  });
});

describe('diffLists on single edits', () => {
  const base = listOf([vendor('SendGrid'), vendor('Stripe'), vendor('Mixpanel')]);

  it('pairs a renamed vendor by its website: one change, not a removal and an addition', () => {
    const after = listOf([
      vendor('SendGrid', { name: 'Twilio SendGrid' }),
      vendor('Stripe'),
      vendor('Mixpanel'),
    ]);
    const diff = diffLists(base, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.name, notableFields(c)])).toEqual([['Twilio SendGrid', ['name']]]);
  });

  it('pairs a vendor whose name gains a legal form by name, and does not call that news', () => {
    const after = listOf([
      vendor('SendGrid'),
      vendor('Stripe', { name: 'Stripe, Inc.', website: null, domains: [] }),
      vendor('Mixpanel'),
    ]);
    const diff = diffLists(base, after);
    expect(diff.changed.map((c) => c.changes.map((x) => x.field))).toEqual([['name', 'website', 'domains']]);
    expect(diff.changed[0] && notableFields(diff.changed[0])).toEqual(['website', 'domains']);
  });

  it('records reordered items and re-worded DPA text exactly, but not as news', () => {
    const stripe = vendor('Stripe');
    const after = listOf([
      vendor('SendGrid'),
      {
        ...stripe,
        dataProcessed: [...stripe.dataProcessed].reverse(),
        dpa: { ...stripe.dpa, text: 'Signed.' },
      },
      vendor('Mixpanel'),
    ]);
    const diff = diffLists(base, after);
    expect(diff.changed.map((c) => c.changes.map((x) => x.field))).toEqual([['dataProcessed', 'dpa']]);
    expect(notableChanges(diff)).toEqual([]);
  });

  it('gives the items added and removed for list fields', () => {
    const stripe = vendor('Stripe');
    const soc2 = { id: 'soc2' as const, label: 'SOC 2', text: 'SOC 2' };
    const after = listOf([vendor('SendGrid'), { ...stripe, certifications: [soc2] }, vendor('Mixpanel')]);
    const change = diffLists(base, after).changed[0]?.changes[0];
    expect(change && fieldDelta(change)).toEqual({ added: ['SOC 2'], removed: ['PCI DSS'] });
    expect(fieldDelta({ field: 'location', before: stripe.location, after: stripe.location })).toBeNull();
  });

  it('refuses to apply a diff to a list it was not made from, with a message', () => {
    const diff = diffLists(base, listOf([vendor('Stripe')]));
    const result = applyDiff(listOf([vendor('Heroku')]), diff);
    expect(result).toEqual({
      ok: false,
      message: 'The diff removes "SendGrid", which this list does not hold.',
    });
  });

  it('lists every schema field in VENDOR_FIELDS', () => {
    expect(VENDOR_FIELDS).toEqual([
      'name',
      'website',
      'domains',
      'hostingDomains',
      'unverifiedDomains',
      'location',
      'certifications',
      'dataProcessed',
      'use',
      'dpa',
      'flags',
      'listedBy',
    ]);
  });
});

describe('diff properties', () => {
  it('generators make valid documents', () => {
    fc.assert(
      fc.property(evolvedPairArb, ([a, b]) => {
        assertValid(a);
        assertValid(b);
      }),
      { seed: FC_SEED, numRuns: 50 },
    );
  });

  it('the diff of a list with itself (or a copy) is empty', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        expect(isEmptyDiff(diffLists(list, list))).toBe(true);
        expect(isEmptyDiff(diffLists(list, structuredClone(list)))).toBe(true);
      }),
      RUNS,
    );
  });

  it('reordering a list without duplicate vendors changes nothing', () => {
    const arb = distinctListArb.chain((list) =>
      fc
        .shuffledSubarray(list.vendors, { minLength: list.vendors.length })
        .map((vendors) => [list, { ...list, vendors }] as const),
    );
    fc.assert(
      fc.property(arb, ([list, shuffled]) => {
        expect(isEmptyDiff(diffLists(list, shuffled))).toBe(true);
      }),
      RUNS,
    );
  });

  it('applying diff(a, b) to a gives b, as a set of vendors, for related and unrelated lists', () => {
    const pairs = fc.oneof(evolvedPairArb, fc.tuple(listArb, listArb));
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const out = applied(a, diffLists(a, b));
        expect(canonicalVendors(out.vendors)).toEqual(canonicalVendors(b.vendors));
        expect(out.source).toEqual(b.source);
      }),
      RUNS,
    );
  });

  it('counts add up and every change is real', () => {
    fc.assert(
      fc.property(evolvedPairArb, ([a, b]) => {
        const diff = diffLists(a, b);
        expect(diff.added.length - diff.removed.length).toBe(b.vendors.length - a.vendors.length);
        expect(diff.changed.length).toBeLessThanOrEqual(Math.min(a.vendors.length, b.vendors.length));
        for (const change of diff.changed) {
          expect(change.changes.length).toBeGreaterThan(0);
          for (const field of notableFields(change)) expect(REPORTED_FIELDS).toContain(field);
          expect(a.vendors).toContain(change.before);
        }
      }),
      RUNS,
    );
  });

  it('a vendor appended to a list is exactly one addition, even when it duplicates one', () => {
    fc.assert(
      fc.property(distinctListArb, vendorArb, (list, extra) => {
        const diff = diffLists(list, { ...list, vendors: [...list.vendors, extra] });
        expect(diff).toEqual({ added: [extra], removed: [], changed: [], source: null });
      }),
      RUNS,
    );
  });
});

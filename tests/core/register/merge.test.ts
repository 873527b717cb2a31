import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SubprocessorList, type Vendor, validateList } from '../../../src/core/list';
import { parse } from '../../../src/core/parse';
import { mergeLists } from '../../../src/core/register/merge';
import { sameVendor, withoutListings } from '../../support/compare-vendors';
import { distinctListArb, FC_SEED, listArb, vendorArb } from '../../support/list-arbitraries';
import { TODAY } from '../../support/test-date';

const RUNS = { seed: FC_SEED, numRuns: 200 };

function parsed(path: string, title: string): SubprocessorList {
  const result = parse(readFileSync(path, 'utf8'), { today: TODAY, title });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const dovetail = parsed('assets/data/dovetail-subprocessors.md', 'Dovetail');
const acme = parsed('tests/fixtures/refresh/acme-notes.md', 'Acme Notes');

describe('mergeLists on two companies', () => {
  const register = mergeLists([
    { sourceId: 'dovetail', list: dovetail },
    { sourceId: 'acme', list: acme },
  ]);

  it('lists a shared vendor once, named as the first list names it', () => {
    expect(register.vendors.map((v) => v.name)).toEqual([
      'Amazon Web Services',
      'ChartMogul',
      'Google Cloud',
      'Heroku',
      'Mixpanel',
      'SendGrid',
      'Stripe',
      'Postmark',
    ]);
  });

  it("keeps each list's own location and DPA for a shared vendor", () => {
    const stripe = register.vendors.find((v) => v.name === 'Stripe');
    expect(stripe?.listedBy).toEqual([
      {
        sourceId: 'dovetail',
        title: 'Dovetail',
        location: { text: 'San Francisco, United States', country: 'US' },
        dpa: { status: 'signed', date: '2018-10-08', text: 'Yes – 8 October 2018' },
      },
      {
        sourceId: 'acme',
        title: 'Acme Notes',
        location: { text: 'Dublin, Ireland', country: 'IE' },
        dpa: { status: 'not-signed', date: null, text: 'Not signed' },
      },
    ]);
    // Top level: the first list's statement; certifications are the union.
    expect(stripe?.location.country).toBe('US');
    expect(stripe?.certifications.map((c) => c.label)).toEqual(['PCI DSS', 'SOC 2 Type 2']);
  });

  it('matches "AWS" to "Amazon Web Services" by website host', () => {
    const aws = register.vendors.find((v) => v.name === 'Amazon Web Services');
    expect(aws?.listedBy?.map((l) => [l.sourceId, l.location.text])).toEqual([
      ['dovetail', 'Seattle, United States'],
      ['acme', 'Frankfurt, Germany'],
    ]);
  });

  it('names the register after its lists, dated by the newest', () => {
    expect(register.source).toEqual({ title: 'Dovetail, Acme Notes', url: null, updated: '2026-06-15' });
    expect(mergeLists([{ sourceId: 'd', list: dovetail }], { title: 'All lists' }).source.title).toBe(
      'All lists',
    );
  });

  it('is a valid v1 document and leaves its inputs untouched', () => {
    const before = structuredClone(dovetail);
    const out = mergeLists([
      { sourceId: 'dovetail', list: dovetail },
      { sourceId: 'acme', list: acme },
    ]);
    out.vendors[0]?.domains.push('changed.example');
    expect(validateList(out).ok).toBe(true);
    expect(dovetail).toEqual(before);
  });

  it('makes an empty register from no lists', () => {
    expect(mergeLists([]).vendors).toEqual([]);
  });
});

describe('merge properties', () => {
  it('one list merges to itself, each vendor listed by that list', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const register = mergeLists([{ sourceId: 'only', list }]);
        expect(register.vendors.map(withoutListings)).toEqual(list.vendors.map(withoutListings));
        expect(register.source).toEqual(list.source);
        for (const v of register.vendors) expect(v.listedBy?.map((l) => l.sourceId)).toEqual(['only']);
      }),
      RUNS,
    );
  });

  it('is idempotent: the same list given twice is the same register', () => {
    fc.assert(
      fc.property(listArb, (list) => {
        const once = mergeLists([{ sourceId: 's', list }]);
        expect(
          mergeLists([
            { sourceId: 's', list },
            { sourceId: 's', list },
          ]).vendors,
        ).toEqual(once.vendors);
      }),
      RUNS,
    );
  });

  it('a vendor in two lists appears once, listed by both', () => {
    fc.assert(
      fc.property(distinctListArb, distinctListArb, vendorArb, (a, b, shared) => {
        const inA = { ...a, vendors: [...a.vendors.filter((v) => !sameVendor(v, shared)), shared] };
        const inB = { ...b, vendors: [shared, ...b.vendors.filter((v) => !sameVendor(v, shared))] };
        const register = mergeLists([
          { sourceId: 'a', list: inA },
          { sourceId: 'b', list: inB },
        ]);
        const holding = register.vendors.filter((v) => sameVendor(v, shared));
        expect(holding).toHaveLength(1);
        expect(holding[0]?.listedBy?.map((l) => l.sourceId)).toEqual(['a', 'b']);
      }),
      RUNS,
    );
  });

  it('loses nothing: every vendor of every list is exactly one listing', () => {
    fc.assert(
      fc.property(listArb, listArb, (a, b) => {
        const register = mergeLists([
          { sourceId: 'a', list: a },
          { sourceId: 'b', list: b },
        ]);
        const listingsOf = (id: string) =>
          register.vendors.flatMap((r) => r.listedBy ?? []).filter((l) => l.sourceId === id);
        expect(listingsOf('a').map((l) => l.dpa)).toEqual(a.vendors.map((v) => v.dpa));
        expect(listingsOf('b')).toHaveLength(b.vendors.length);
        expect(register.vendors.length).toBeGreaterThanOrEqual(Math.max(a.vendors.length, b.vendors.length));
        expect(register.vendors.length).toBeLessThanOrEqual(a.vendors.length + b.vendors.length);
      }),
      RUNS,
    );
  });

  it('keeps apart two vendors one list keeps apart, even when a vendor of another list resembles both', () => {
    const site = (name: string, host: string | null): Vendor => ({
      ...(dovetail.vendors[0] as Vendor),
      name,
      website: host ? `https://${host}` : null,
      domains: host ? [host] : [],
    });
    const register = mergeLists([
      { sourceId: 'a', list: { ...dovetail, vendors: [site('Stripe', 'stripe.com')] } },
      {
        sourceId: 'b',
        list: { ...acme, vendors: [site('Stripe Payments', 'stripe.com'), site('Stripe', null)] },
      },
    ]);
    expect(register.vendors.map((v) => [v.name, v.listedBy?.map((l) => l.sourceId)])).toEqual([
      ['Stripe', ['a', 'b']],
      ['Stripe', ['b']],
    ]);
  });

  it('joins vendors only where the lists agree on the website host', () => {
    const site = (name: string, host: string | null): Vendor => ({
      ...(dovetail.vendors[0] as Vendor),
      name,
      website: host ? `https://${host}` : null,
      domains: host ? [host.replace(/^www\./, '')] : [],
    });
    const register = mergeLists([
      { sourceId: 'a', list: { ...dovetail, vendors: [site('Stripe', 'stripe.com'), site('Notion', null)] } },
      {
        sourceId: 'b',
        list: {
          ...acme,
          vendors: [site('Stripe', 'paypal.com'), site('Stripe', null), site('Notion', null)],
        },
      },
      { sourceId: 'c', list: { ...acme, vendors: [site('Stripe, Inc.', 'www.stripe.com')] } },
    ]);
    expect(register.vendors.map((v) => [v.name, v.domains, v.listedBy?.map((l) => l.sourceId)])).toEqual([
      ['Stripe', ['stripe.com'], ['a', 'c']],
      ['Notion', [], ['a', 'b']],
      ['Stripe', ['paypal.com'], ['b']],
      ['Stripe', [], ['b']],
    ]);
  });
});

// The linear merge (core/register/merge.ts) against the merge it replaced (tests/support/
// merge-reference.ts), on lists made to collide: names that differ only by legal form, websites
// with and without "www.", vendors without a website, a list that names one vendor twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FlagParams, Vendor } from '../../../src/core/list';
import { type ListInput, mergeLists } from '../../../src/core/register/merge';
import { blankVendor } from '../../support/blank-vendor';
import { FC_SEED, listOf, vendorArb } from '../../support/list-arbitraries';
import { referenceMerge } from '../../support/merge-reference';

const RUNS = { seed: FC_SEED, numRuns: 300 };

const NAMES = ['Acme', 'Acme Ltd', 'Acme GmbH', 'ACME, Inc.', 'Stripe', 'Stripe Payments', 'Co.', 'Ltd'];
const SITES = [null, 'https://acme.co.uk', 'https://acme.de', 'https://www.acme.de', 'https://stripe.com'];
const DOMAINS = ['acme.co.uk', 'acme.de', 'stripe.com', 'cdn.acme.de'];

const collidingVendorArb: fc.Arbitrary<Vendor> = fc
  .record({
    base: vendorArb,
    name: fc.constantFrom(...NAMES),
    website: fc.constantFrom(...SITES),
    domains: fc.uniqueArray(fc.constantFrom(...DOMAINS), { maxLength: 2 }),
    params: fc.option(fc.constantFrom<FlagParams[]>({ country: 'US' }, { days: 30 }), { nil: undefined }),
  })
  .map(({ base, name, website, domains, params }) => ({
    ...base,
    name,
    website,
    domains,
    flags: params ? [...base.flags, { id: 'transfer', severity: 'warning' as const, params }] : base.flags,
  }));

const inputsArb: fc.Arbitrary<ListInput[]> = fc
  .array(fc.array(collidingVendorArb, { maxLength: 7 }), { minLength: 1, maxLength: 4 })
  .chain((lists) =>
    fc
      .array(fc.constantFrom('a', 'b', 'c'), { minLength: lists.length, maxLength: lists.length })
      .map((ids) => lists.map((vendors, i) => ({ sourceId: ids[i] as string, list: listOf(vendors) }))),
  );

const vendor = (name: string, website: string | null, domains: string[] = []): Vendor =>
  blankVendor(name, { website, domains });

const summary = (inputs: ListInput[]) =>
  mergeLists(inputs).vendors.map((v) => [v.name, v.website, v.listedBy?.map((l) => l.sourceId)]);

describe('the linear merge', () => {
  it('makes the register the previous merge made, on lists that collide', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        expect(mergeLists(inputs)).toEqual(referenceMerge(inputs));
      }),
      RUNS,
    );
  });

  it('keeps "Acme Ltd" and "Acme GmbH" apart when their websites differ, and joins them on one', () => {
    expect(
      summary([
        { sourceId: 'a', list: listOf([vendor('Acme Ltd', 'https://acme.co.uk')]) },
        { sourceId: 'b', list: listOf([vendor('Acme GmbH', 'https://acme.de')]) },
      ]),
    ).toEqual([
      ['Acme Ltd', 'https://acme.co.uk', ['a']],
      ['Acme GmbH', 'https://acme.de', ['b']],
    ]);
    expect(
      summary([
        { sourceId: 'a', list: listOf([vendor('Acme Ltd', 'https://acme.de')]) },
        { sourceId: 'b', list: listOf([vendor('Acme GmbH', 'https://www.acme.de')]) },
      ]),
    ).toEqual([['Acme Ltd', 'https://acme.de', ['a', 'b']]]);
  });

  it('gives the first claim the name, the website and the place in the register', () => {
    const register = mergeLists([
      { sourceId: 'a', list: listOf([vendor('Stripe', 'https://stripe.com'), vendor('Acme', null)]) },
      {
        sourceId: 'b',
        list: listOf([vendor('Acme', null, ['acme.de']), vendor('Stripe, Inc.', 'https://www.stripe.com')]),
      },
      { sourceId: 'c', list: listOf([vendor('Stripe Payments', 'https://stripe.com')]) },
    ]);
    expect(register.vendors.map((v) => [v.name, v.domains, v.listedBy?.map((l) => l.sourceId)])).toEqual([
      ['Stripe', [], ['a', 'b', 'c']],
      ['Acme', ['acme.de'], ['a', 'b']],
    ]);
  });

  it('joins by host a vendor a later list renames, and finds it again under the new name', () => {
    expect(
      summary([
        { sourceId: 'a', list: listOf([vendor('SendGrid', 'https://sendgrid.com')]) },
        { sourceId: 'b', list: listOf([vendor('Twilio SendGrid', 'https://sendgrid.com')]) },
        { sourceId: 'c', list: listOf([vendor('Twilio SendGrid', null, ['sendgrid.com'])]) },
      ]),
    ).toEqual([
      ['SendGrid', 'https://sendgrid.com', ['a', 'b']],
      ['Twilio SendGrid', null, ['c']],
    ]);
  });

  it('gives a list that names one vendor three times three entries, each joined once', () => {
    const twice = listOf([
      vendor('Acme', 'https://acme.de'),
      vendor('Acme', 'https://acme.de'),
      vendor('Acme', 'https://acme.de'),
    ]);
    const inputs = [
      { sourceId: 'a', list: twice },
      { sourceId: 'b', list: twice },
    ];
    expect(summary(inputs)).toEqual([
      ['Acme', 'https://acme.de', ['a', 'b']],
      ['Acme', 'https://acme.de', ['a', 'b']],
      ['Acme', 'https://acme.de', ['a', 'b']],
    ]);
    expect(mergeLists(inputs)).toEqual(referenceMerge(inputs));
  });

  it('shares no array or object with its inputs', () => {
    const input = listOf([
      {
        ...vendor('Acme', 'https://acme.de', ['acme.de']),
        hostingDomains: ['acme.app'],
        certifications: [{ id: 'iso27001', label: 'ISO 27001', text: 'ISO 27001' }],
        flags: [{ id: 'transfer', severity: 'warning', params: { country: 'US' } }],
      },
    ]);
    const before = structuredClone(input);
    const [entry] = mergeLists([{ sourceId: 'a', list: input }]).vendors;
    if (!entry) throw new Error('no entry');
    entry.domains.push('x.example');
    entry.hostingDomains?.push('x.app');
    entry.location.text = 'Berlin';
    entry.dpa.text = 'changed';
    (entry.certifications[0] as { label: string }).label = 'changed';
    (entry.flags[0]?.params as Record<string, string>).country = 'DE';
    entry.use.push('changed');
    expect(input).toEqual(before);
  });
});

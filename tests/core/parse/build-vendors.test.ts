// From stated facts to the document's vendors: names, merging duplicates, the publisher.
import { describe, expect, it } from 'vitest';
import type { VendorFacts } from '../../../src/core/assess';
import { buildVendors, factsOf, isPublisher, mergeDuplicates } from '../../../src/core/parse/build-vendors';
import { vendorKey } from '../../../src/core/register/vendor-identity';
import { parseOk } from '../../support/fixture-lists';

function facts(name: string, website: string | null, fields: Record<string, string> = {}): VendorFacts {
  const f = factsOf({ name, website, fields });
  if (!f) throw new Error(`no facts for ${name}`);
  return f;
}

describe('factsOf', () => {
  it('cleans the name of list punctuation and refuses an empty one', () => {
    expect(factsOf({ name: '• Stripe:', website: null, fields: {} })?.name).toBe('Stripe');
    expect(factsOf({ name: ' \u202e ', website: null, fields: {} })).toBeNull();
  });

  it('bounds the number of listed items', () => {
    const many = Array.from({ length: 300 }, (_, i) => `item ${i}`).join(', ');
    expect(facts('V', null, { data: many }).dataProcessed).toHaveLength(100);
  });
});

describe('vendorKey', () => {
  it('ignores legal forms, case and punctuation', () => {
    expect(vendorKey('Stripe, Inc.')).toBe(vendorKey('stripe'));
    expect(vendorKey('Hetzner Online GmbH')).toBe(vendorKey('Hetzner Online'));
    expect(vendorKey('Mailgun Technologies Inc')).toBe(vendorKey('Mailgun Technologies, Inc.'));
    expect(vendorKey('Amazon Web Services EMEA SARL')).not.toBe(vendorKey('Amazon Web Services, Inc.'));
  });
});

describe('mergeDuplicates', () => {
  it('merges by name or by website host, combining facts without repeating them', () => {
    const merged = mergeDuplicates([
      facts('Stripe, Inc.', 'https://stripe.com', { use: 'Payments', location: 'United States' }),
      facts('Stripe Payments Europe Ltd', 'https://www.stripe.com', { use: 'Payments, Billing', dpa: 'Yes' }),
      facts('stripe', null, { certifications: 'PCI DSS' }),
      facts('Adyen', 'https://adyen.com'),
    ]);
    expect(merged.map((v) => v.name)).toEqual(['Stripe, Inc.', 'Adyen']);
    const stripe = merged[0];
    expect(stripe?.use).toEqual(['Payments', 'Billing']);
    expect(stripe?.dpa.status).toBe('signed');
    expect(stripe?.certifications.map((c) => c.id)).toEqual(['pci-dss']);
    expect(stripe?.location).toEqual({ text: 'United States', country: 'US' });
  });

  it('follows the one vendor-identity rule: names made only of legal forms stay apart', () => {
    // vendorKey folds "Ltd" and "GmbH" to "", which made them one vendor before.
    expect(mergeDuplicates([facts('Ltd', null), facts('GmbH', null)]).map((v) => v.name)).toEqual([
      'Ltd',
      'GmbH',
    ]);
    const list = parseOk(
      '| Vendor | Purpose |\n|---|---|\n| Ltd | Hosting |\n| GmbH | Email |\n| ltd | CDN |',
    );
    expect(list.vendors.map((v) => [v.name, v.use])).toEqual([
      ['Ltd', ['Hosting', 'CDN']],
      ['GmbH', ['Email']],
    ]);
  });

  it('caps every field after merging, not only per row', () => {
    const rows = Array.from({ length: 250 }, (_, i) =>
      facts('Stripe', 'https://stripe.com', {
        certifications: `Audit ${i}`,
        use: `Use ${i}`,
        data: `Data ${i}`,
        location: `Place ${i}`,
      }),
    );
    const [stripe, ...rest] = mergeDuplicates(rows);
    expect(rest).toEqual([]);
    expect(stripe?.certifications).toHaveLength(100);
    expect(stripe?.use).toHaveLength(100);
    expect(stripe?.dataProcessed).toHaveLength(100);
    expect(stripe?.certifications.at(-1)?.text).toBe('Audit 99');
    expect(stripe?.location.text.length).toBeLessThanOrEqual(300);
    expect(stripe?.location.text.startsWith('Place 0; Place 1; Place 2')).toBe(true);
  });

  it('adds a place once, and takes the first one stated when the first row has none', () => {
    const merged = mergeDuplicates([
      facts('Stripe', null),
      facts('Stripe', null, { location: 'Ireland' }),
      facts('Stripe', null, { location: 'ireland' }),
      facts('Stripe', null, { location: 'United States' }),
    ]);
    expect(merged[0]?.location).toEqual({ text: 'Ireland; United States', country: null });
    expect(
      mergeDuplicates([facts('Stripe', null), facts('Stripe', null, { location: 'Ireland' })])[0]?.location,
    ).toEqual({
      text: 'Ireland',
      country: 'IE',
    });
  });
});

describe('isPublisher', () => {
  const vendor = (website: string) => facts('X', website);
  it('is the publisher host and its subdomains, never a lookalike', () => {
    expect(isPublisher(vendor('https://fernleaf.io/security'), 'fernleaf.io')).toBe(true);
    expect(isPublisher(vendor('https://trust.fernleaf.io'), 'fernleaf.io')).toBe(true);
    expect(isPublisher(vendor('https://notfernleaf.io'), 'fernleaf.io')).toBe(false);
    expect(isPublisher(vendor('https://fernleaf.io.evil.example'), 'fernleaf.io')).toBe(false);
    expect(isPublisher(vendor('https://fernleaf.io'), null)).toBe(false);
  });
});

describe('buildVendors', () => {
  const source = { title: 'T', url: 'https://www.fernleaf.io/legal', updated: '2026-01-01' };

  it('assesses every vendor and counts what it merged or left out', () => {
    const built = buildVendors(
      [
        facts('Stripe', 'https://stripe.com'),
        facts('Stripe Inc', null),
        facts('Fernleaf', 'https://fernleaf.io'),
      ],
      source,
      '2026-06-01',
    );
    expect(built.vendors.map((v) => v.name)).toEqual(['Stripe']);
    expect(built.vendors[0]?.flags.map((f) => f.id)).toEqual(['no-certifications', 'dpa-unknown']);
    expect(built.dropped).toBe(2);
    expect(built.truncated).toBe(false);
  });
});

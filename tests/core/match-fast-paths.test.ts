// match.ts's two fast paths must change nothing but speed: the host fast path reads every input as
// the URL parser does, and the two-label shortcut finds what a look-up of every suffix finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../src/core/list';
import { buildMatchIndex, hostByUrlParser, hostOfInput, match } from '../../src/core/match';
import { seedVendors } from '../support/generate-vendors';

/** hostOfInput as it was before the fast path: always through the URL parser. */
function reference(input: string): string | null {
  if (input.length > 2048) return null;
  const text = input.trim();
  const host = text ? hostByUrlParser(text) : null;
  if (!host) return null;
  if (!host.includes('.') || host.startsWith('[') || /^[\d.]+$/.test(host) || host.endsWith('.localhost'))
    return null;
  return host;
}

const piece = fc.constantFrom(
  'stripe',
  'com',
  'www',
  'a',
  'xn--',
  'xn--strpe-bsa',
  'b-c',
  '-x',
  'x-',
  '0x7f',
  '123',
  '1',
  'localhost',
  'STRIPE',
  'Com',
  'strípe',
  'ß',
  '.',
  '..',
  ':',
  ':443',
  ':99999',
  ':',
  '/',
  '//',
  '?q=1',
  '#h',
  '@',
  '\\',
  ' ',
  '\t',
  '%2e',
  '[::1]',
  'https://',
  'http://',
  'HTTPS://',
  'ftp://',
  'javascript:',
  'chrome://',
);
const inputs = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(''));

describe('hostOfInput fast path', () => {
  it('agrees with the URL parser on arbitrary host and URL shapes', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(hostOfInput(input)).toBe(reference(input));
      }),
      { numRuns: 5_000, seed: 5 },
    );
  });

  it('agrees on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        expect(hostOfInput(input)).toBe(reference(input));
      }),
      { numRuns: 2_000, seed: 6 },
    );
  });

  it.each([
    ['https://dashboard.stripe.com/pricing?x=1#y', 'dashboard.stripe.com'],
    ['stripe.com.', 'stripe.com'],
    ['stripe.com:8443/path', 'stripe.com'],
    ['https://stripe.com:99999/', null],
    ['https://user@stripe.com', 'stripe.com'],
    ['https://stripe.com@evil.example', 'evil.example'],
    ['https://evil.example\\stripe.com', 'evil.example'],
    ['https://strípe.com', 'xn--strpe-1sa.com'],
    ['http://foo.123/', null],
    ['1.2.3.4', null],
    ['app.localhost', null],
  ])('%s -> %s', (input, host) => {
    expect(hostOfInput(input)).toBe(host);
  });

  it('finds the vendor under many labels, and tells a hosting suffix from a site on it', () => {
    const index = buildMatchIndex({ vendors: seedVendors() });
    // Only the longest suffixes of a very deep host are skipped (MAX_LABELS), never the short ones.
    expect(match(index, `${'a.'.repeat(20)}dashboard.stripe.com`)).toMatchObject({ domain: 'stripe.com' });
    expect(match(index, 'https://x.y.herokuapp.com/')).toMatchObject({
      relation: 'hosted-on',
      domain: 'herokuapp.com',
    });
    expect(match(index, 'herokuapp.com')).toMatchObject({ relation: 'vendor', domain: 'herokuapp.com' });
    expect(match(index, 'stripe..com').vendor).toBeNull();
  });
});

/** match as it was before the two-label shortcut: every suffix, longest first, own before hosting. */
function referenceMatch(vendors: readonly Vendor[], input: string) {
  const own = new Map<string, number>();
  const hosting = new Map<string, number>();
  vendors.forEach((v, i) => {
    for (const d of v.domains) if (!own.has(d)) own.set(d, i);
    for (const d of v.hostingDomains ?? []) if (!hosting.has(d)) hosting.set(d, i);
  });
  const host = hostOfInput(input);
  if (!host) return { vendor: null, relation: null, domain: null };
  const labels = host.split('.');
  for (let i = Math.max(0, labels.length - 12); i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const o = own.get(suffix);
    if (o !== undefined) return { vendor: vendors[o] ?? null, relation: 'vendor', domain: suffix };
    const h = hosting.get(suffix);
    if (h !== undefined)
      return {
        vendor: vendors[h] ?? null,
        relation: suffix === host ? 'vendor' : 'hosted-on',
        domain: suffix,
      };
  }
  return { vendor: null, relation: null, domain: null };
}

describe('match index', () => {
  const template = seedVendors()[0] as Vendor;
  const label = fc.constantFrom(
    'a',
    'www',
    'app',
    'cloud',
    'google',
    'amazon',
    'aws',
    'stripe',
    'x-y',
    'co',
    'uk',
  );
  const domain = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'co.uk', 'net', 'io'))
    .map(([labels, tld]) => `${labels.join('.')}.${tld}`);
  const vendorsOf = fc.array(
    fc.record({ domains: fc.array(domain, { maxLength: 3 }), hosting: fc.array(domain, { maxLength: 1 }) }),
    { maxLength: 8 },
  );

  it('finds what a scan of every suffix finds, for nested, shared and hosting domains', () => {
    fc.assert(
      fc.property(vendorsOf, fc.array(label, { maxLength: 14 }), domain, (specs, prefix, base) => {
        const vendors = specs.map((s, i) => ({
          ...template,
          name: `V${i}`,
          domains: s.domains,
          hostingDomains: s.hosting,
        })) as Vendor[];
        const index = buildMatchIndex({ vendors });
        const candidates = [base, ...vendors.flatMap((v) => [...v.domains, ...(v.hostingDomains ?? [])])];
        for (const target of candidates) {
          const host = [...prefix, target].join('.');
          expect(match(index, host)).toEqual(referenceMatch(vendors, host));
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

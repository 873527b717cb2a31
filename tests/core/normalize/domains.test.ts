import { describe, expect, it } from 'vitest';
import { cleanDomain, domainsFor, MAX_DOMAINS } from '../../../src/core/normalize/domains';

describe('cleanDomain', () => {
  it.each([
    ['Stripe.COM.', 'stripe.com'],
    ['www.heroku.com', 'heroku.com'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('%s -> %s', (raw, domain) => {
    expect(cleanDomain(raw)).toBe(domain);
  });

  it.each([
    'localhost',
    '127.0.0.1',
    'exa mple.com',
    '-bad.com',
    'a..b.com',
    'https://stripe.com',
    `${'a'.repeat(64)}.com`,
  ])('refuses %j', (raw) => {
    expect(cleanDomain(raw)).toBeNull();
  });
});

describe('domainsFor', () => {
  it('adds the curated aliases and hosting suffixes of a known vendor', () => {
    expect(domainsFor('heroku.com')).toEqual({
      domains: ['heroku.com', 'herokucdn.com'],
      hostingDomains: ['herokuapp.com'],
      unverifiedDomains: [],
    });
    expect(domainsFor('mixpanel.com').domains).toEqual(['mixpanel.com', 'mxpnl.com', 'mxpnl.net']);
  });

  it('keeps listed domains, cleaned and without repeats', () => {
    expect(domainsFor('acme.example', ['ACME.example', 'cdn.acme.example', 'not a domain'])).toEqual({
      domains: ['acme.example', 'cdn.acme.example'],
      hostingDomains: [],
      unverifiedDomains: [],
    });
    expect(domainsFor(null)).toEqual({ domains: [], hostingDomains: [], unverifiedDomains: [] });
  });

  it.each(['co.uk', 'com.au', 'github.io', 'blogspot.com', 'com'])(
    'a website at the public suffix %s claims nothing',
    (host) => {
      expect(domainsFor(host, [host, `bbc.${host}`, 'news.bbc.co.uk'])).toEqual({
        domains: [],
        hostingDomains: [],
        unverifiedDomains: [`bbc.${host}`, 'news.bbc.co.uk'].filter((d, i, all) => all.indexOf(d) === i),
      });
    },
  );

  it("counts as the vendor's own only the website host's subtree and curated aliases", () => {
    const found = domainsFor(
      'stripe.com',
      [
        'stripe.com',
        'dashboard.stripe.com',
        'paypal.com',
        'github.com',
        'accounts.google.com',
        'co.uk',
        'com',
      ],
      ['com', 'apps.stripe.com', 'herokuapp.com'],
    );
    expect(found).toEqual({
      domains: ['stripe.com', 'stripe.network', 'stripe.dev', 'dashboard.stripe.com'],
      hostingDomains: ['apps.stripe.com'],
      // A public suffix is nobody's claim, not even an unverified one.
      unverifiedDomains: ['paypal.com', 'github.com', 'accounts.google.com'],
    });
    // A parent of the website's host is not its subtree: aws.amazon.com does not own amazon.com.
    expect(domainsFor('aws.amazon.com', ['amazon.com']).unverifiedDomains).toEqual(['amazon.com']);
  });

  it('never takes a public suffix under the website host as its own', () => {
    // s3.amazonaws.com is in the private section of the Public Suffix List: buckets are customers'.
    expect(domainsFor('amazonaws.com', ['s3.amazonaws.com', 'bucket.s3.amazonaws.com'])).toEqual({
      domains: ['amazonaws.com'],
      hostingDomains: [],
      unverifiedDomains: ['bucket.s3.amazonaws.com'],
    });
  });

  it(`keeps at most ${MAX_DOMAINS} domains of each kind, however many are listed`, () => {
    const many = Array.from({ length: 300_001 }, (_, i) => `site${i}.example`);
    const own = Array.from({ length: 50 }, (_, i) => `eu${i}.acme.example`);
    const found = domainsFor('acme.example', [...own, ...many], many);
    expect(found.domains).toHaveLength(MAX_DOMAINS);
    expect(found.domains[0]).toBe('acme.example');
    expect(found.hostingDomains).toEqual([]);
    expect(found.unverifiedDomains).toHaveLength(MAX_DOMAINS);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanDomain, domainsFor } from '../../../src/core/normalize/domains';

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
    });
    expect(domainsFor('mixpanel.com').domains).toEqual(['mixpanel.com', 'mxpnl.com', 'mxpnl.net']);
  });

  it('keeps listed domains, cleaned and without repeats', () => {
    expect(domainsFor('acme.example', ['ACME.example', 'cdn.acme.example', 'not a domain'])).toEqual({
      domains: ['acme.example', 'cdn.acme.example'],
      hostingDomains: [],
    });
    expect(domainsFor(null)).toEqual({ domains: [], hostingDomains: [] });
  });
});

// Host -> vendor: full-host matching, never the parent, hosting suffixes, and hostile input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, hostOfInput, match, siteHostOf } from '../../src/core/match';
import { parseOk, SEED_PATH } from '../support/fixture-lists';

const seed = parseOk(readFileSync(SEED_PATH, 'utf8'));
const index = buildMatchIndex(seed);
const vendorOf = (host: string) => match(index, host).vendor?.name ?? null;

describe('match: the vendor’s own site', () => {
  it.each([
    ['aws.amazon.com', 'Amazon Web Services', 'aws.amazon.com'],
    ['console.aws.amazon.com', 'Amazon Web Services', 'aws.amazon.com'],
    ['cloud.google.com', 'Google Cloud', 'cloud.google.com'],
    ['console.cloud.google.com', 'Google Cloud', 'cloud.google.com'],
    ['stripe.com', 'Stripe', 'stripe.com'],
    ['www.stripe.com', 'Stripe', 'stripe.com'],
    ['dashboard.stripe.com', 'Stripe', 'stripe.com'],
    ['heroku.com', 'Heroku', 'heroku.com'],
    // Curated aliases of the vendors' own domains (assets/data/vendor-domains.json).
    ['mxpnl.com', 'Mixpanel', 'mxpnl.com'],
    ['cdn.mxpnl.com', 'Mixpanel', 'mxpnl.com'],
    ['sendgrid.net', 'SendGrid', 'sendgrid.net'],
    ['u123.ct.sendgrid.net', 'SendGrid', 'sendgrid.net'],
  ])('%s is %s (%s)', (host, name, domain) => {
    expect(match(index, host)).toMatchObject({ relation: 'vendor', domain, vendor: { name } });
  });

  it('returns the vendor object itself, with its findings', () => {
    const found = match(index, 'stripe.com').vendor;
    expect(found).toBe(seed.vendors.find((v) => v.name === 'Stripe'));
    expect(found?.flags.length).toBeGreaterThan(0);
  });
});

describe('match: never the parent, never a lookalike', () => {
  it.each([
    'amazon.com',
    'www.amazon.com',
    'smile.amazon.com',
    'google.com',
    'www.google.com',
    'mail.google.com',
    'stripe.com.evil.example',
    'cloud.google.com.evil.example',
    'notstripe.com',
    'stripe.co',
    'xn--strpe-bsa.com', // strípe.com
    'https://strípe.com',
    'stripe..com',
  ])('%s matches nothing', (host) => {
    expect(match(index, host)).toEqual({ vendor: null, relation: null, domain: null });
  });
});

describe('match: customer sites on a vendor’s hosting suffix', () => {
  it.each([
    ['foo.herokuapp.com', 'Heroku', 'herokuapp.com'],
    ['my-app.appspot.com', 'Google Cloud', 'appspot.com'],
    ['d1234.cloudfront.net', 'Amazon Web Services', 'cloudfront.net'],
    ['bucket.s3.amazonaws.com', 'Amazon Web Services', 'amazonaws.com'],
  ])('%s is hosted on %s', (host, name, domain) => {
    expect(match(index, host)).toMatchObject({ relation: 'hosted-on', domain, vendor: { name } });
  });

  it('reads the hosting suffix itself as the vendor’s own', () => {
    expect(match(index, 'herokuapp.com')).toMatchObject({ relation: 'vendor', vendor: { name: 'Heroku' } });
  });
});

describe('match: the shapes a host or URL comes in', () => {
  it.each([
    ['HEROKU.COM', 'Heroku'],
    ['Stripe.Com', 'Stripe'],
    ['heroku.com.', 'Heroku'],
    ['STRIPE.com..', 'Stripe'],
    ['stripe.com:443', 'Stripe'],
    ['https://heroku.com:8443/path?x=1#y', 'Heroku'],
    ['https://stripe.com/../../evil', 'Stripe'],
    ['  https://stripe.com/  ', 'Stripe'],
    ['http://evil.example@stripe.com/', 'Stripe'], // the host is stripe.com
  ])('%j -> %s', (input, name) => {
    expect(vendorOf(input)).toBe(name);
  });

  it('reads the host after the user info, not before it', () => {
    expect(vendorOf('http://stripe.com@evil.example/')).toBeNull();
  });

  it('matches a vendor whose website has an international name, given in either form', () => {
    const list = parseOk('[{"name": "Münchner Cloud", "website": "https://münchen-cloud.de"}]');
    const idn = buildMatchIndex(list);
    expect(match(idn, 'https://münchen-cloud.de/login').vendor?.name).toBe('Münchner Cloud');
    expect(match(idn, 'app.xn--mnchen-cloud-dlb.de').vendor?.name).toBe('Münchner Cloud');
  });

  it.each([
    'http://127.0.0.1',
    '192.168.1.1',
    '10.0.0.1:8080',
    '[::1]',
    'http://[2001:db8::1]/',
    'localhost',
    'http://localhost:3000',
    'foo.localhost',
    'stripe',
    'chrome://extensions',
    'about:blank',
    'file:///C:/stripe.com',
    'data:text/html,stripe.com',
    'javascript:alert(1)',
    '',
    '   ',
    '%%%',
    'http://',
    'a'.repeat(5000),
  ])('%j matches nothing and does not throw', (input) => {
    expect(match(index, input)).toEqual({ vendor: null, relation: null, domain: null });
  });

  it('does not throw on values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, []]) {
      expect(match(index, value as unknown as string).vendor).toBeNull();
    }
  });
});

describe('hostOfInput', () => {
  it('gives the lower-case punycode host without port or trailing dot', () => {
    expect(hostOfInput('HTTPS://Sub.München.DE.:8080/x')).toBe('sub.xn--mnchen-3ya.de');
    expect(hostOfInput('stripe.com')).toBe('stripe.com');
  });

  it('gives null for IP addresses, localhost and single labels', () => {
    expect(hostOfInput('127.0.0.1')).toBeNull();
    expect(hostOfInput('[::1]')).toBeNull();
    expect(hostOfInput('intranet')).toBeNull();
  });
});

describe('buildMatchIndex', () => {
  it('keeps the first vendor for a domain two vendors claim', () => {
    const list = parseOk(
      '[{"name": "First", "website": "https://shared.example"}, {"name": "Second", "website": "https://app.shared.example"}]',
    );
    const own = buildMatchIndex(list);
    expect(match(own, 'shared.example').vendor?.name).toBe('First');
    expect(match(own, 'app.shared.example').vendor?.name).toBe('Second'); // the most specific wins
  });

  it('looks up a bounded number of suffixes, however many labels the host has', () => {
    const deep = `${'a.'.repeat(100)}stripe.com`;
    expect(vendorOf(deep)).toBe('Stripe');
    expect(vendorOf(`${'a.'.repeat(2000)}stripe.com`)).toBeNull(); // longer than any host may be
  });
});

describe('siteHostOf: which tab URLs describe a site', () => {
  it.each([
    ['https://stripe.com/pricing', 'stripe.com'],
    ['HTTP://Dashboard.Stripe.com:8080/x', 'dashboard.stripe.com'],
  ])('%s is the site %s', (url, host) => {
    expect(siteHostOf(url)).toBe(host);
  });

  it.each([
    null,
    undefined,
    'file://stripe.com/share/a.html',
    'ftp://stripe.com/',
    'chrome://stripe.com/',
    'chrome-extension://abc/popup.html',
    'view-source:https://stripe.com/',
    'stripe.com',
  ])('%j is no site', (url) => {
    expect(siteHostOf(url)).toBeNull();
  });
});

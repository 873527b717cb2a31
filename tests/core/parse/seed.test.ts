// The bundled Dovetail list, from its markdown and from the page a static site renders from it:
// exactly seven vendors with every field right, quirks included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Certification, Vendor } from '../../../src/core/list';
import { parse } from '../../../src/core/parse';
import { byName, flagIds, parseFixture, parseOk, SEED_PATH } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

const seedText = readFileSync(SEED_PATH, 'utf8');
const SEED_URL = 'https://dovetailapp.com/legal/data-subprocessors';
const seed = parseOk(seedText);

const PS: Certification = { id: 'privacy-shield', label: 'EU-US Privacy Shield', text: 'Privacy Shield' };
const ISO27001: Certification = { id: 'iso27001', label: 'ISO/IEC 27001', text: 'ISO27001' };
const SOC3: Certification = { id: 'soc3', label: 'SOC 3', text: 'SOC3' };
const INCORPORATED: Vendor['dpa'] = {
  status: 'incorporated',
  date: null,
  text: 'Yes – incorporated into terms',
};
const SIGNED_2018: Vendor['dpa'] = { status: 'signed', date: '2018-10-08', text: 'Yes – 8 October 2018' };
const us = (city: string) => ({ text: `${city}, United States`, country: 'US' });

// Everything but the findings, which have their own test below and in assess.test.ts.
const EXPECTED: Omit<Vendor, 'flags'>[] = [
  {
    name: 'Amazon Web Services',
    website: 'https://aws.amazon.com',
    domains: ['aws.amazon.com', 'aws.com', 'awsstatic.com'],
    hostingDomains: ['amazonaws.com', 'cloudfront.net', 'elasticbeanstalk.com', 'awsapps.com'],
    location: us('Seattle'),
    certifications: [PS, ISO27001, SOC3],
    dataProcessed: ['Anonymized content', 'IP address'],
    use: ['Encrypted data storage and backups', 'CDN', 'DNS', 'SSL', 'domain management'],
    dpa: INCORPORATED,
  },
  {
    name: 'ChartMogul',
    website: 'https://chartmogul.com',
    domains: ['chartmogul.com'],
    location: { text: 'Berlin, Germany', country: 'DE' },
    certifications: [],
    dataProcessed: ['Billing contact name and email address'],
    use: ['Subscription analytics'],
    dpa: SIGNED_2018,
  },
  {
    name: 'Google Cloud',
    website: 'https://cloud.google.com',
    domains: ['cloud.google.com', 'cloud.withgoogle.com'],
    hostingDomains: ['appspot.com', 'run.app', 'cloudfunctions.net'],
    location: us('Mountain View'),
    certifications: [PS, ISO27001, SOC3],
    dataProcessed: ['User-added content (when using sentiment analysis)'],
    use: ['Natural language processing'],
    dpa: INCORPORATED,
  },
  {
    name: 'Heroku',
    website: 'https://heroku.com',
    domains: ['heroku.com', 'herokucdn.com'],
    hostingDomains: ['herokuapp.com'],
    location: us('San Francisco'),
    certifications: [
      PS,
      ISO27001,
      { id: 'iso27017', label: 'ISO/IEC 27017', text: '27017' },
      { id: 'iso27018', label: 'ISO/IEC 27018', text: '27018' },
      { id: 'soc2-type1', label: 'SOC 2 Type 1', text: 'SOC2 Type 1' },
    ],
    dataProcessed: ['User name', 'email address', 'IP address'],
    use: ['Infrastructure hosting and encrypted data storage'],
    dpa: INCORPORATED,
  },
  {
    name: 'Mixpanel',
    website: 'https://mixpanel.com',
    domains: ['mixpanel.com', 'mxpnl.com', 'mxpnl.net'],
    location: us('San Francisco'),
    certifications: [PS],
    dataProcessed: ['User name', 'email address', 'IP address', 'analytics'],
    use: ['CRM', 'product analytics', 'transactional emails', 'marketing emails'],
    dpa: INCORPORATED,
  },
  {
    name: 'SendGrid',
    website: 'https://sendgrid.com',
    domains: ['sendgrid.com', 'sendgrid.net'],
    location: us('Denver'),
    certifications: [PS, { id: 'soc2', label: 'SOC 2', text: 'SOC 2' }],
    dataProcessed: ['User name and email address'],
    use: ['Account-related transactional emails'],
    dpa: SIGNED_2018,
  },
  {
    name: 'Stripe',
    website: 'https://stripe.com',
    domains: ['stripe.com', 'stripe.network', 'stripe.dev'],
    location: us('San Francisco'),
    certifications: [{ id: 'pci-dss', label: 'PCI DSS', text: 'PCI' }],
    dataProcessed: ['Billing contact name', 'email', 'address', 'card details'],
    use: ['Payments and subscription management'],
    dpa: SIGNED_2018,
  },
];

const withoutFlags = (vendors: Vendor[]) => vendors.map(({ flags: _flags, ...rest }) => rest);

describe('the seed markdown', () => {
  it('reads as markdown, titled and dated by its front matter', () => {
    const result = parse(seedText, { today: TODAY });
    expect(result.ok && result.format).toBe('markdown');
    expect(result.ok && result.warnings).toEqual([]);
    expect(seed.format).toBe('subprocessor-list/v1');
    expect(seed.source).toEqual({ title: 'Data Subprocessors', url: null, updated: '2018-10-08' });
  });

  it('gives exactly the seven vendors with every field right', () => {
    expect(withoutFlags(seed.vendors)).toEqual(EXPECTED);
  });

  it('reads the quirks the way a reader does', () => {
    // "**Data security certifications** PCI." has no colon after its label.
    expect(byName(seed, 'Stripe').certifications.map((c) => c.id)).toEqual(['pci-dss']);
    // "[cloud.google.com](cloud.google.com)" has no scheme.
    expect(byName(seed, 'Google Cloud').website).toBe('https://cloud.google.com');
    // Five certifications: 27017 and 27018 are ISO/IEC, "SOC2 Type 1" is soc2-type1.
    expect(byName(seed, 'Heroku').certifications.map((c) => c.id)).toEqual([
      'privacy-shield',
      'iso27001',
      'iso27017',
      'iso27018',
      'soc2-type1',
    ]);
    expect(byName(seed, 'ChartMogul').certifications).toEqual([]); // "None."
    expect(byName(seed, 'Stripe').dataProcessed).toHaveLength(4);
    expect(byName(seed, 'Heroku').dataProcessed).toHaveLength(3);
  });

  it('keeps the source URL given and names the bundled title when asked', () => {
    const list = parseOk(seedText, { url: SEED_URL, title: 'Dovetail' });
    expect(list.source).toEqual({ title: 'Dovetail', url: SEED_URL, updated: '2018-10-08' });
    // The page's own mailto: link is not a vendor, and nothing on dovetailapp.com is.
    expect(list.vendors).toHaveLength(7);
  });

  it('flags each vendor as a privacy reviewer would, the 2018 list being stale', () => {
    expect(seed.vendors.map((v) => [v.name, flagIds(v)])).toEqual([
      ['Amazon Web Services', ['privacy-shield', 'transfer-us-no-dpf', 'stale-list']],
      ['ChartMogul', ['no-certifications', 'stale-list']],
      ['Google Cloud', ['privacy-shield', 'transfer-us-no-dpf', 'stale-list']],
      ['Heroku', ['privacy-shield', 'transfer-us-no-dpf', 'stale-list']],
      ['Mixpanel', ['privacy-shield', 'transfer-us-no-dpf', 'stale-list']],
      ['SendGrid', ['privacy-shield', 'transfer-us-no-dpf', 'stale-list']],
      ['Stripe', ['transfer-us-no-dpf', 'stale-list']],
    ]);
    const stale = byName(seed, 'Stripe').flags.find((f) => f.id === 'stale-list');
    expect(stale?.params).toEqual({ updated: '2018-10-08' });
  });
});

describe('the page a static site renders from the seed', () => {
  const html = parseFixture('seed-rendered.html', { url: SEED_URL });

  it('gives the same vendors, field for field, and the same findings', () => {
    expect(html.vendors).toEqual(parseOk(seedText, { url: SEED_URL }).vendors);
  });

  it('dates the list from its "Last updated" line and titles it from <title>', () => {
    expect(html.source).toEqual({
      title: 'Data Subprocessors | Dovetail',
      url: SEED_URL,
      updated: '2018-10-08',
    });
  });

  it('needs no URL to keep navigation, footer, cookie form and scripts out', () => {
    expect(parseFixture('seed-rendered.html').vendors).toEqual(seed.vendors);
  });
});

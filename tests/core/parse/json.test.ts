// JSON input: the v1 document itself, plain arrays with name-like keys, and wrapped arrays.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import {
  byName,
  certIds,
  flagIds,
  names,
  parseFixture,
  parseOk,
  readFixture,
} from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('a subprocessor-list/v1 document (v1.json)', () => {
  const result = parse(readFixture('v1.json'), { today: TODAY });
  const list = parseFixture('v1.json');

  it('is read as v1 with its source', () => {
    expect(result.ok && result.format).toBe('v1-json');
    expect(list.source).toEqual({
      title: 'Marlin Docs subprocessors',
      url: 'https://marlindocs.com/legal/subprocessors',
      updated: '2025-06-30',
    });
    expect(names(list)).toEqual(['Amazon Web Services', 'Plausible Insights OÜ', 'Resend']);
  });

  it('keeps the vendors’ facts, with canonical certification labels', () => {
    const aws = byName(list, 'Amazon Web Services');
    expect(aws.certifications).toEqual([
      { id: 'iso27001', label: 'ISO/IEC 27001', text: 'ISO 27001' },
      { id: 'soc2-type2', label: 'SOC 2 Type 2', text: 'SOC 2 Type II' },
    ]);
    expect(aws.dpa).toEqual({
      status: 'incorporated',
      date: null,
      text: 'AWS GDPR DPA, part of the service terms',
    });
    expect(byName(list, 'Resend').certifications).toEqual([
      { id: 'other', label: 'Annual penetration test', text: 'Annual penetration test' },
    ]);
  });

  it('recomputes findings and curated domains instead of trusting the file', () => {
    expect(flagIds(byName(list, 'Plausible Insights OÜ'))).toEqual(['no-certifications', 'stale-list']);
    expect(byName(list, 'Amazon Web Services').domains).toEqual([
      'aws.amazon.com',
      'aws.com',
      'awsstatic.com',
    ]);
    expect(byName(list, 'Amazon Web Services').hostingDomains).toContain('amazonaws.com');
  });

  it('drops unknown vendor keys', () => {
    expect(Object.keys(byName(list, 'Amazon Web Services'))).not.toContain('internalNote');
  });

  it('lets the url option name the source it was fetched from', () => {
    const url = 'https://mirror.example.org/marlin.json';
    expect(parseFixture('v1.json', { url }).source.url).toBe(url);
  });

  it('re-cleans text of an imported document like any untrusted input', () => {
    const doc = JSON.parse(readFixture('v1.json'));
    doc.vendors[0].name = 'Amazon\u202e Web\u0000 Services';
    doc.vendors[0].use = ['Hosting', '  ', '\u2066Backups\u2069'];
    const aws = parseOk(JSON.stringify(doc)).vendors[0];
    expect(aws?.name).toBe('Amazon Web Services');
    expect(aws?.use).toEqual(['Hosting', 'Backups']);
  });
});

describe('a plain array of objects with name-like keys (plain-array.json)', () => {
  const result = parse(readFixture('plain-array.json'), { today: TODAY });
  const list = parseFixture('plain-array.json');

  it('reads each object with a name as a vendor and skips the rest', () => {
    expect(result.ok && result.format).toBe('json-array');
    expect(names(list)).toEqual(['Snowflake Inc.', 'Cloudinary Ltd.', 'OpenAI, L.L.C.']);
    expect(list.source).toEqual({ title: 'Untitled list', url: null, updated: null });
  });

  it('maps the keys to fields and joins array values', () => {
    const snowflake = byName(list, 'Snowflake Inc.');
    expect(snowflake.use).toEqual(['Analytics data warehouse']);
    expect(snowflake.location).toEqual({ text: 'Dublin, Ireland', country: 'IE' });
    expect(certIds(snowflake)).toEqual(['soc2-type2', 'iso27001', 'pci-dss']);
    expect(snowflake.dpa).toEqual({ status: 'signed', date: '2023-11-02', text: 'Signed 2023-11-02' });
    expect(byName(list, 'Cloudinary Ltd.').website).toBe('https://cloudinary.com');
  });

  it('drops a javascript: website but keeps the vendor', () => {
    const openai = byName(list, 'OpenAI, L.L.C.');
    expect(openai.website).toBeNull();
    expect(openai.domains).toEqual([]);
    expect(openai.dpa.status).toBe('not-signed');
  });
});

describe('a JSON object wrapping the array (wrapped-array.json)', () => {
  const list = parseFixture('wrapped-array.json');

  it('finds the array and takes title and date from the wrapper', () => {
    expect(names(list)).toEqual(['Amadeus IT Group SA', 'Braintree (PayPal, Inc.)', 'Freshworks Inc.']);
    expect(list.source).toEqual({ title: 'Gullwing Travel subprocessors', url: null, updated: '2025-03-14' });
  });

  it('reads "vendor", "service", "country" and "url" keys', () => {
    const freshworks = byName(list, 'Freshworks Inc.');
    expect(freshworks.website).toBe('https://www.freshworks.com');
    expect(freshworks.use).toEqual(['Customer support desk']);
    expect(freshworks.location).toEqual({ text: 'India', country: 'IN' });
    expect(flagIds(freshworks)).toContain('transfer-no-adequacy');
    expect(certIds(byName(list, 'Braintree (PayPal, Inc.)'))).toEqual(['pci-dss']);
  });

  it.each(['vendors', 'subprocessors', 'items', 'data'])('finds the array under "%s"', (key) => {
    const text = JSON.stringify({ [key]: [{ name: 'Linear Orbit Inc.', purpose: 'Issue tracking' }] });
    expect(names(parseOk(text))).toEqual(['Linear Orbit Inc.']);
  });
});

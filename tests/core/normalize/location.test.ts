import { describe, expect, it } from 'vitest';
import { normalizeLocation } from '../../../src/core/normalize/location';

describe('normalizeLocation', () => {
  it.each([
    ['Seattle, United States', 'US'],
    ['Seattle, United States.', 'US'],
    ['Berlin, Germany', 'DE'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['U.S.A.', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['England', 'GB'],
    ['London, United Kingdom', 'GB'],
    ['The Netherlands', 'NL'],
    ['Frankfurt (Germany)', 'DE'],
    ['Zürich, Switzerland', 'CH'],
    ['Korea, Republic of', 'KR'],
    ['Türkiye', 'TR'],
    ['DEU', 'DE'],
    ['Dublin, Ireland (EU)', 'IE'],
    ['Maarweg 165, 50825 Köln, Germany', 'DE'],
  ])('%s -> %s', (text, country) => {
    expect(normalizeLocation(text).country).toBe(country);
  });

  it.each([
    'EU',
    'European Union',
    'EEA',
    'Global',
    'Worldwide',
    'APAC',
    'US/EU',
    'Germany and France',
    'Frankfurt, Germany; Virginia, United States',
    'United States, EMEA',
    'San Francisco, CA', // CA is California here, not Canada: two-letter parts decide nothing
    'Remote',
    'N/A',
    '',
  ])('%j names no single country: null, text kept', (text) => {
    const location = normalizeLocation(text);
    expect(location.country).toBeNull();
    expect(location.text).toBe(text.replace(/\.$/, ''));
  });

  it('finds the country at the end of a long address, and stops at two countries', () => {
    const parts = Array.from({ length: 30 }, (_, i) => `Unit ${i}`);
    expect(normalizeLocation([...parts, 'Portugal'].join(', ')).country).toBe('PT');
    expect(normalizeLocation(['France', ...parts, 'Spain'].join(', ')).country).toBeNull();
  });

  it('cleans the text it keeps', () => {
    expect(normalizeLocation('  Berlin,\t\tGermany\u202e. ')).toEqual({
      text: 'Berlin, Germany',
      country: 'DE',
    });
    expect(normalizeLocation('x'.repeat(500)).text.length).toBeLessThanOrEqual(300);
  });
});

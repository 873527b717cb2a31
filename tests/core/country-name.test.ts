import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/core/country-name';

describe('countryName', () => {
  it('names a country in English for display and search', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('US')).toBe('United States');
    expect(countryName('GB')).toBe('United Kingdom');
  });

  it('answers null for anything that is not a region code', () => {
    for (const code of ['ZZ', 'EU', 'QO', 'de', 'USA', '', '<b>', 'X1']) expect(countryName(code)).toBeNull();
  });
});

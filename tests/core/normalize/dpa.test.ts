import { describe, expect, it } from 'vitest';
import { parseDpa } from '../../../src/core/normalize/dpa';

describe('parseDpa', () => {
  it('reads the seed’s two forms', () => {
    expect(parseDpa('Yes – 8 October 2018.')).toEqual({
      status: 'signed',
      date: '2018-10-08',
      text: 'Yes – 8 October 2018',
    });
    expect(parseDpa('Yes – incorporated into terms.')).toEqual({
      status: 'incorporated',
      date: null,
      text: 'Yes – incorporated into terms',
    });
  });

  it.each([
    ['Yes', 'signed'],
    ['Signed', 'signed'],
    ['Executed', 'signed'],
    ['✓', 'signed'],
    ['2021-03-04', 'signed'],
    ['Signed 3 November 2021', 'signed'],
    ['Yes, signed 14 June 2023', 'signed'],
    ['Included in our Terms of Service', 'incorporated'],
    ['Part of the standard terms', 'incorporated'],
    ['No', 'not-signed'],
    ['Not yet', 'not-signed'],
    ['Pending', 'not-signed'],
    ['In progress', 'not-signed'],
    ['Under negotiation', 'not-signed'],
    ['Unsigned', 'not-signed'],
    ['', 'unknown'],
    ['N/A', 'unknown'],
    ['Not applicable', 'unknown'],
    ['Unknown', 'unknown'],
    ['?', 'unknown'],
    ['See our website', 'unknown'],
  ])('%j -> %s', (text, status) => {
    expect(parseDpa(text).status).toBe(status);
  });

  it('treats a missing value as unknown', () => {
    expect(parseDpa(undefined)).toEqual({ status: 'unknown', date: null, text: '' });
  });
});

import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../../src/core/normalize/public-suffix';
import { isPublicSuffix } from '../../support/public-suffix';

describe('public suffixes', () => {
  it('finds the registrable part of a host, ICANN and private sections alike', () => {
    expect(registrableDomain('trust.acme.com')).toBe('acme.com');
    expect(registrableDomain('eu.gdpr.acme.co.uk')).toBe('acme.co.uk');
    expect(registrableDomain('foo.github.io')).toBe('foo.github.io');
    expect(registrableDomain('co.uk')).toBeNull();
    expect(registrableDomain('127.0.0.1')).toBeNull();
  });

  it('knows a suffix from a site', () => {
    for (const suffix of ['com', 'co.uk', 'com.au', 'github.io', 'blogspot.com', 'herokuapp.com'])
      expect(isPublicSuffix(suffix), suffix).toBe(true);
    for (const site of ['stripe.com', 'bbc.co.uk', 'foo.github.io', 'aws.amazon.com'])
      expect(isPublicSuffix(site), site).toBe(false);
  });
});

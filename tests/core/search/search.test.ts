import Fuse from 'fuse.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Vendor } from '../../../src/core/list';
import { SEARCH_FIELDS } from '../../../src/core/search/fields';
import { buildSearchIndex, FUSE_OPTIONS } from '../../../src/core/search/search';
import { blankVendor } from '../../support/blank-vendor';
import { seedVendors } from '../../support/generate-vendors';

const seed = seedVendors();
const index = buildSearchIndex(seed);
const names = (query: string, limit = 5) => index.search(query, limit).map((h) => h.vendor.name);

function vendor(name: string, fields: Partial<Vendor> = {}): Vendor {
  return blankVendor(name, fields);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('search over the seed list (issue 2, section 6)', () => {
  it.each([
    ['typo', 'strpe', 'Stripe'],
    ['typo', 'hroku', 'Heroku'],
    ['typo', 'mixpnl', 'Mixpanel'],
    ['typo', 'sendgird', 'SendGrid'],
    ['typo', 'chartmogl', 'ChartMogul'],
    ['spacing', 'send grid', 'SendGrid'],
    ['spacing', 'chart mogul', 'ChartMogul'],
    ['spacing', 'mix panel', 'Mixpanel'],
    ['acronym via domains', 'aws', 'Amazon Web Services'],
    ['place', 'berlin', 'ChartMogul'],
    ['place', 'germany', 'ChartMogul'],
    ['place', 'denver', 'SendGrid'],
    ['certification', 'pci', 'Stripe'],
    ['certification', 'iso 27018', 'Heroku'],
    ['purpose', 'payments', 'Stripe'],
    ['purpose', 'natural language processing', 'Google Cloud'],
    ['data processed', 'card details', 'Stripe'],
    ['domain', 'stripe.com', 'Stripe'],
    ['domain alias', 'mxpnl', 'Mixpanel'],
  ])('%s: "%s" puts %s first', (_kind, query, expected) => {
    expect(names(query)[0]).toBe(expected);
  });

  it('finds each vendor first from the second letter of its name on, as the user types', () => {
    for (const v of seed) {
      const name = v.name.toLowerCase();
      for (let i = 2; i <= name.length; i++)
        expect(names(name.slice(0, i))[0], name.slice(0, i)).toBe(v.name);
    }
  });

  it('lists every vendor with the attribute, not only the first', () => {
    expect(names('soc2').sort()).toEqual(
      ['Amazon Web Services', 'Google Cloud', 'Heroku', 'SendGrid'].sort(),
    );
    expect(names('analytics')).toEqual(expect.arrayContaining(['Mixpanel', 'ChartMogul']));
  });

  it('matches words in any order, each in its own field', () => {
    expect(names('pci stripe')[0]).toBe('Stripe');
    expect(names('heroku soc2')).toEqual(['Heroku']);
  });

  it('returns nothing for empty, one-letter and unmatched queries', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('s')).toEqual([]);
    expect(index.search('qqqq zzzz')).toEqual([]);
    expect(index.search('stripe', 0)).toEqual([]);
  });

  it('survives odd input without throwing', () => {
    for (const q of ['🙂🙂', '%%%', 'a'.repeat(5000), 'stripe '.repeat(40), '\u0000\u200b', 'ß', 'ﬁ']) {
      expect(() => index.search(q)).not.toThrow();
    }
    // Only the first words count: a pasted paragraph still finds what it starts with.
    expect(names(`stripe ${'payments '.repeat(40)}`)[0]).toBe('Stripe');
  });

  it('respects the limit and returns consistent hits', () => {
    const hits = index.search('us', 3);
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(seed[hit.index]).toBe(hit.vendor);
      expect(hit.score).toBeGreaterThanOrEqual(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(new Set(hits.map((h) => h.index)).size).toBe(3);
  });

  it('finds text with diacritics from plain letters, and the other way round', () => {
    const list = [
      vendor('Zahlwerk', { location: { text: 'São Paulo, Brazil', country: 'BR' } }),
      vendor('Société Générale Cloud', { location: { text: 'Paris, France', country: 'FR' } }),
    ];
    const local = buildSearchIndex(list);
    expect(local.search('sao paulo')[0]?.vendor.name).toBe('Zahlwerk');
    expect(local.search('societe')[0]?.vendor.name).toBe('Société Générale Cloud');
    expect(local.search('brazil')[0]?.vendor.name).toBe('Zahlwerk');
  });

  it('builds fuse.js records once per list, never per keystroke', () => {
    const createIndex = vi.spyOn(Fuse, 'createIndex');
    const local = buildSearchIndex(seed);
    expect(createIndex).toHaveBeenCalledTimes(1);
    for (const q of ['s', 'st', 'str', 'stri', 'strip', 'stripe', 'send grid', 'berlin']) local.search(q);
    expect(createIndex).toHaveBeenCalledTimes(1);
    expect(local.search('stripe')[0]?.vendor.name).toBe('Stripe');
  });

  it('searches an empty list', () => {
    expect(buildSearchIndex([]).search('stripe')).toEqual([]);
  });
});

describe("matching(): the register's narrowing (issue 11)", () => {
  const matched = (query: string) => (index.matching(query) ?? []).map((i) => seed[i]?.name);

  it('gives every vendor the query names, in list order, each once', () => {
    for (const query of ['s', 'st', 'analytics', 'soc2', 'berlin', 'iso 27018', 'send grid']) {
      const found = index.matching(query) ?? [];
      expect(found.length, query).toBeGreaterThan(0);
      expect(found, query).toEqual([...new Set(found)].sort((a, b) => a - b));
    }
    expect(matched('analytics')).toEqual(expect.arrayContaining(['Mixpanel', 'ChartMogul']));
    expect(matched('send grid')).toEqual(['SendGrid']);
  });

  it('keeps typo matches only when nothing matches as typed', () => {
    expect(matched('strpe')).toEqual(['Stripe']);
    expect(matched('stripe')).toContain('Stripe');
    expect(matched('zzzzqx')).toEqual([]);
  });
});

describe('an exact full name ranks first (issue 12)', () => {
  it('puts "Acme Analytics" before "Acme" used for analytics, whatever the order', () => {
    const acme = vendor('Acme', { use: ['Analytics'] });
    const analytics = vendor('Acme Analytics', { use: ['Product analytics'] });
    for (const list of [
      [acme, analytics],
      [analytics, acme],
    ]) {
      const hits = buildSearchIndex(list).search('acme analytics', 5);
      expect(hits[0]?.vendor.name).toBe('Acme Analytics');
    }
  });

  it('counts the name as written, up to case, diacritics and spacing', () => {
    const list = [vendor('Sendgrid Mail', { use: ['Send grid email'] }), vendor('SendGrid')];
    expect(buildSearchIndex(list).search('send grid', 5)[0]?.vendor.name).toBe('SendGrid');
    const accents = [vendor('Zürich Cloud Storage'), vendor('Zurich Cloud')];
    expect(buildSearchIndex(accents).search('ZURICH CLOUD', 5)[0]?.vendor.name).toBe('Zurich Cloud');
  });
});

describe('the table of searchable fields (src/core/search/fields.ts)', () => {
  // One vendor holds a word in exactly one field; every field of the table must find it, in the
  // word filter (matching) and through fuse.js (search), and give fuse.js a weighted key.
  const holder = (field: string): Vendor => {
    switch (field) {
      case 'domains':
        return vendor('Holder', { domains: ['quokkanet.example'] });
      case 'location':
        return vendor('Holder', { location: { text: 'Quokkaville', country: null } });
      case 'certifications':
        return vendor('Holder', {
          certifications: [{ id: 'other', label: 'Quokka Seal', text: 'Quokka Seal' }],
        });
      case 'use':
        return vendor('Holder', { use: ['Quokka routing'] });
      case 'data':
        return vendor('Holder', { dataProcessed: ['Quokka records'] });
      default:
        return vendor('Quokka Holder');
    }
  };

  it('finds a word in each field, and fuse.js ranks every key', () => {
    for (const field of SEARCH_FIELDS) {
      const list = [vendor('Other'), holder(field.key)];
      const search = buildSearchIndex(list);
      const query = field.key === 'compact' ? 'quokkaholder' : 'quokka';
      expect(search.matching(query), field.key).toEqual([1]);
      expect(
        search.search(query, 5).map((h) => h.index),
        field.key,
      ).toEqual([1]);
    }
    const keys = (FUSE_OPTIONS.keys ?? []) as Array<{ name: string; weight: number }>;
    expect(keys.map((k) => k.name)).toEqual(SEARCH_FIELDS.map((f) => f.key));
    expect(keys.map((k) => k.weight)).toEqual(SEARCH_FIELDS.map((f) => f.weight));
  });
});

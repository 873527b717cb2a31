// Search quality at register scale: the seed's 7 vendors mixed into 200, 2,000 and 10,000 generated
// ones. Timings are not tested here (see bench/run.ts); only what a user would see.
import { describe, expect, it } from 'vitest';
import { validateList } from '../../../src/core/list';
import { buildSearchIndex } from '../../../src/core/search/search';
import { generateVendors, registerList, registerOf, seedVendors } from '../../support/generate-vendors';
import { TOP_3_QUERIES } from '../../support/search-queries';

const SIZES = [7, 200, 2_000, 10_000];
const SEED_NAMES = seedVendors().map((v) => v.name);

describe('the generated register', () => {
  it('is a schema-valid v1 list with the seed vendors mixed in once each', () => {
    const list = registerList(2_000);
    const result = validateList(JSON.parse(JSON.stringify(list)));
    expect(result.ok && result.list.vendors).toHaveLength(2_000);
    expect(
      list.vendors
        .filter((v) => SEED_NAMES.includes(v.name))
        .map((v) => v.name)
        .sort(),
    ).toEqual([...SEED_NAMES].sort());
    expect(list.vendors.slice(0, 7).map((v) => v.name)).not.toEqual(SEED_NAMES);
  });

  it('is the same for the same seed and different for another', () => {
    expect(registerOf(300).map((v) => v.name)).toEqual(registerOf(300).map((v) => v.name));
    expect(generateVendors(50, 2).map((v) => v.name)).not.toEqual(generateVendors(50, 3).map((v) => v.name));
  });

  it('looks like real lists: 1 to 4 unique domains, many countries, certifications, uses and data', () => {
    const vendors = generateVendors(2_000, 7);
    const domains = vendors.flatMap((v) => v.domains);
    expect(new Set(domains).size).toBe(domains.length);
    expect(vendors.every((v) => v.domains.length >= 1 && v.domains.length <= 4)).toBe(true);
    expect(new Set(vendors.map((v) => v.location.country).filter(Boolean)).size).toBeGreaterThan(40);
    expect(new Set(vendors.flatMap((v) => v.certifications.map((c) => c.id))).size).toBeGreaterThan(12);
    expect(vendors.every((v) => v.use.length >= 1 && v.dataProcessed.length >= 1)).toBe(true);
    expect(new Set(vendors.map((v) => v.dpa.status))).toEqual(
      new Set(['signed', 'incorporated', 'not-signed', 'unknown']),
    );
  });
});

describe.each(SIZES)('search among %i vendors', (size) => {
  const vendors = registerOf(size);
  const index = buildSearchIndex(vendors);
  const top = (query: string, n: number) => index.search(query, n).map((h) => h.vendor);

  it.each(TOP_3_QUERIES)('%s: "%s" has %s in the top 3', (_kind, query, expected) => {
    expect(top(query, 3).map((v) => v.name)).toContain(expected);
  });

  it.each([
    ['berlin', (v: (typeof vendors)[number]) => /berlin/i.test(v.location.text)],
    ['germany', (v: (typeof vendors)[number]) => v.location.country === 'DE'],
    ['pci', (v: (typeof vendors)[number]) => v.certifications.some((c) => c.id === 'pci-dss')],
  ])('"%s" ranks every vendor that has it above lookalikes', (query, has) => {
    const hits = top(query, 10);
    const holders = vendors.filter(has).length;
    expect(hits.slice(0, Math.min(10, holders)).every(has)).toBe(true);
  });
});

// The matcher's table (core/suffix-table.ts): a slot is found by hash and claimed only by the exact
// name, so a list that crafts a hash collision cannot take another vendor's site; names a host can
// never be (not printable ASCII) stay out of it, so the byte pool never holds a clipped character.
import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../src/core/list';
import { buildMatchIndex, match, NO_MATCH } from '../../src/core/match';
import { HASH_SEED, hashStep, newSuffixTable, slotFor, slotOf } from '../../src/core/suffix-table';
import { blankVendor } from '../support/blank-vendor';

/** A name's hash as the table takes it (right to left, as a host's backward pass makes it). */
function hashOf(name: string): number {
  let hash = HASH_SEED;
  for (let i = name.length - 1; i >= 0; i--) hash = hashStep(hash, name.charCodeAt(i));
  return hash | 1;
}

/** Two different names of the same hash: what a hostile list would craft (found here by brute
 * force, the birthday bound of 32 bits). */
function collidingNames(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `h${i.toString(36)}.com`;
    const other = seen.get(hashOf(name));
    if (other !== undefined) return [other, name];
    seen.set(hashOf(name), name);
  }
}

const vendor = (name: string, domains: string[]): Vendor => ({ ...blankVendor(name), domains });

describe('suffix table', () => {
  it('finds a name only by its exact characters, whatever its hash', () => {
    const [first, second] = collidingNames();
    expect(first).not.toBe(second);
    expect(hashOf(first)).toBe(hashOf(second));
    const table = newSuffixTable(2, first.length + second.length);
    const slot = slotFor(table, first);
    expect(slotOf(table, first, 0, hashOf(first))).toBe(slot);
    expect(slotOf(table, second, 0, hashOf(second))).toBe(-1);
    const other = slotFor(table, second);
    expect(other).not.toBe(slot);
    expect(slotOf(table, second, 0, hashOf(second))).toBe(other);
    expect(slotFor(table, first)).toBe(slot); // added once
  });

  it('does not let a list with a colliding domain claim the other domain’s site', () => {
    const [target, crafted] = collidingNames();
    const index = buildMatchIndex({ vendors: [vendor('Hostile', [crafted]), vendor('Real', [target])] });
    expect(match(index, target).vendor?.name).toBe('Real');
    expect(match(index, `www.${target}`).vendor?.name).toBe('Real');
    expect(match(index, crafted).vendor?.name).toBe('Hostile');
  });

  it('matches a suffix that ends where the host does, never a longer or shorter stored name', () => {
    const index = buildMatchIndex({
      vendors: [vendor('Long', ['app.example.com']), vendor('Other', ['b.io'])],
    });
    expect(match(index, 'app.example.com').vendor?.name).toBe('Long');
    expect(match(index, 'x.app.example.com').domain).toBe('app.example.com');
    expect(match(index, 'example.com')).toBe(NO_MATCH);
    expect(match(index, 'pp.example.com')).toBe(NO_MATCH);
    expect(match(index, 'b.i')).toBe(NO_MATCH);
  });

  it('leaves out names no host can be, and still matches the rest', () => {
    // "š" is U+0161: kept as one byte it would read as "a" (0x61), and "šmazon.com" as amazon.com.
    const index = buildMatchIndex({
      vendors: [
        vendor('Clipped', ['šmazon.com', 'bücher.de', 'tab\tsite.com', 'nul\u0000.com']),
        vendor('Amazon', ['amazon.com']),
      ],
    });
    expect(match(index, 'amazon.com').vendor?.name).toBe('Amazon');
    expect(match(index, 'xn--bcher-kva.de')).toBe(NO_MATCH);
    expect(match(index, 'bücher.de')).toBe(NO_MATCH);
    expect(match(index, 'nul.com')).toBe(NO_MATCH);
  });
});

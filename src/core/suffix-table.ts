// An open-addressing hash table of domain names that is probed with a range of a longer string, so
// that matching a host allocates no suffix strings and hashes each character once: the hash runs
// from the name's end to its start, so walking a host leftwards yields the hash of every suffix.
// (A Map needs a new string per suffix, hashes each from scratch, and touches more memory per
// look-up: at 150,000 domains a look-up is mostly cache misses, so a slot holds the key's hash, its
// number and its two values side by side in 16 bytes.)

const PRIME = 0x01000193;

/** The hash of a name one character further left: start from HASH_START, add characters right to left. */
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, PRIME);
export const HASH_START = 0x811c9dc5 | 0;

function hashOf(name: string): number {
  let hash = HASH_START;
  for (let i = name.length - 1; i >= 0; i--) hash = hashStep(hash, name.charCodeAt(i));
  return hash;
}

/** Ints per slot: hash; where the key's characters start in `chars` + 1 (0 for an empty slot);
 * value a (below 2^22) with the key's length from bit 22; value b. */
export const SLOT = 4;
const LENGTH_SHIFT = 22;
const A_MASK = (1 << LENGTH_SHIFT) - 1;
/** Keys longer than this are left out (a DNS name has at most 253). */
export const MAX_KEY_LENGTH = 1023;

export interface SuffixTable {
  /** SLOT ints a slot; the slot count is a power of two, at most half of them used. */
  slots: Int32Array;
  /** Every key's characters, one after another. */
  chars: Uint16Array;
}

/** A table of `keys`, each with two values: a below 2^22, b any int32. */
export function buildSuffixTable(keys: string[], a: ArrayLike<number>, b: ArrayLike<number>): SuffixTable {
  let size = 2;
  while (size < keys.length * 2) size *= 2;
  const slots = new Int32Array(size * SLOT);
  const chars = new Uint16Array(keys.reduce((sum, key) => sum + key.length, 0));
  let offset = 0;
  keys.forEach((key, k) => {
    if (key.length > MAX_KEY_LENGTH) return;
    for (let i = 0; i < key.length; i++) chars[offset + i] = key.charCodeAt(i);
    const hash = hashOf(key);
    let slot = hash & (size - 1);
    while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & (size - 1);
    slots.set(
      [hash, offset + 1, ((a[k] as number) & A_MASK) | (key.length << LENGTH_SHIFT), b[k] as number],
      slot * SLOT,
    );
    offset += key.length;
  });
  return { slots, chars };
}

/** Where in `slots` the slot of text[at, end) starts (its hash is `hash`), or -1 if it is no key.
 * Read its values with valueA(slots[base + 2]) and slots[base + 3]. */
export function findSlot(table: SuffixTable, text: string, at: number, end: number, hash: number): number {
  const { slots, chars } = table;
  const mask = (slots.length >> 2) - 1;
  const length = end - at;
  probe: for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const base = slot * SLOT;
    const from = (slots[base + 1] as number) - 1;
    if (from < 0) return -1;
    if (slots[base] !== hash || (slots[base + 2] as number) >>> LENGTH_SHIFT !== length) continue;
    for (let i = 0; i < length; i++) if (chars[from + i] !== text.charCodeAt(at + i)) continue probe;
    return base;
  }
}

/** Value a of a slot's third int. */
export const valueA = (int: number) => int & A_MASK;

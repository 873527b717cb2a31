// The domain table match.ts looks hosts up in: open addressing over typed arrays, with names hashed
// right to left. One backward pass over a host then gives the hash of every suffix that starts at a
// label, and a suffix is looked up without making its substring (a Map needs the string, and hashes
// each new one again). The names' characters sit in one byte pool, not in strings: a look-up reads
// its slot and the pool, not a slot, then a pointer, then a string somewhere on the heap.

export interface SuffixTable {
  /** Four numbers a slot, side by side so that a look-up reads one cache line: the name's hash
   * (never 0: a 0 marks an empty slot), the vendor whose own domain the name is + 1, the vendor
   * hosting customers under it + 1 (0 for none), and where the name is in `pool` (above four bits
   * that hold the most labels of any vendor domain ending in the name, for a two-label tail). */
  cells: Int32Array;
  /** Each name's characters, one byte each, then a 0 (which no name or host holds). */
  pool: Uint8Array;
  /** The pool's bytes in use. */
  used: number;
  /** 32 - log2(capacity): a slot is the top bits of the hash times a Fibonacci constant. */
  shift: number;
}

const STRIDE = 4;
export const OWN = 1;
export const HOSTING = 2;
const PLACE = 3;
const DEPTH_BITS = 4;
/** The most depth a slot holds: match looks at no more labels (MAX_LABELS). */
const DEPTH_MASK = 15;
// Zero, not the FNV offset basis: host names hold no NUL characters, the one input it would help.
export const HASH_SEED = 0;
/** FNV-1a, one character at a time. */
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
const firstSlot = (hash: number, shift: number) => Math.imul(hash, 0x9e3779b1) >>> shift;

/** A table for at most `names` names of `chars` characters in all (printable ASCII),
 * kept under two-thirds full so that a look-up that finds nothing stops after a probe or two. */
export function newSuffixTable(names: number, chars: number): SuffixTable {
  const bits = Math.max(4, 32 - Math.clz32(names + (names >> 1)));
  return {
    cells: new Int32Array(2 ** bits * STRIDE),
    pool: new Uint8Array(chars + names),
    used: 0,
    shift: 32 - bits,
  };
}

/** Where `text` from `start` to its end is, or the empty slot where it would go; `hash` is that
 * suffix's hash. The characters are compared one by one: a hash alone, which a crafted list can
 * collide, never claims a site. */
function probe(table: SuffixTable, text: string, start: number, hash: number): number {
  const { cells, pool } = table;
  const mask = cells.length / STRIDE - 1;
  for (let slot = firstSlot(hash, table.shift); ; slot = (slot + 1) & mask) {
    const found = cells[slot * STRIDE];
    if (found === 0) return slot;
    if (found === hash) {
      const at = ((cells[slot * STRIDE + PLACE] as number) >>> DEPTH_BITS) - start;
      let i = start;
      while (i < text.length && pool[at + i] === text.charCodeAt(i)) i++;
      if (i === text.length && pool[at + i] === 0) return slot;
    }
  }
}

/** The slot of `text` from `start` to its end, or -1. */
export function slotOf(table: SuffixTable, text: string, start: number, hash: number): number {
  const slot = probe(table, text, start, hash | 1);
  return table.cells[slot * STRIDE] === 0 ? -1 : slot;
}

/** The hash of a whole name, as a host's backward pass gives it for that suffix. */
function nameHash(name: string): number {
  let hash = HASH_SEED;
  for (let i = name.length - 1; i >= 0; i--) hash = hashStep(hash, name.charCodeAt(i));
  return hash;
}

/** The slot of `name`, added (with no vendor and no depth) if it is not there yet. */
export function slotFor(table: SuffixTable, name: string): number {
  const hash = nameHash(name) | 1;
  const slot = probe(table, name, 0, hash);
  const { cells, pool } = table;
  if (cells[slot * STRIDE] === 0) {
    cells[slot * STRIDE] = hash;
    cells[slot * STRIDE + PLACE] = table.used << DEPTH_BITS;
    for (let i = 0; i < name.length; i++) pool[table.used++] = name.charCodeAt(i);
    table.used++; // the 0 that ends it
  }
  return slot;
}

/** How a vendor claims a name: as its own domain, or as the domain it hosts customers under. */
export type Claim = typeof OWN | typeof HOSTING;

/** The vendor that claims the slot's name this way, or -1. */
export const claimOf = (table: SuffixTable, slot: number, how: Claim) =>
  (table.cells[slot * STRIDE + how] as number) - 1;

/** Records the first vendor to claim the slot's name this way; later claims change nothing. */
export function claim(table: SuffixTable, slot: number, how: Claim, vendor: number): void {
  const at = slot * STRIDE + how;
  if (table.cells[at] === 0) table.cells[at] = vendor + 1;
}

/** The most labels of any vendor domain ending in the slot's name (0 for none). */
export const depthOf = (table: SuffixTable, slot: number) =>
  (table.cells[slot * STRIDE + PLACE] as number) & DEPTH_MASK;

/** Raises the slot's depth to `depth` (at most DEPTH_MASK). */
export function raiseDepth(table: SuffixTable, slot: number, depth: number): void {
  const at = slot * STRIDE + PLACE;
  const cell = table.cells[at] as number;
  if (depth > (cell & DEPTH_MASK)) table.cells[at] = (cell & ~DEPTH_MASK) | depth;
}

// The domain table match.ts looks hosts up in: open addressing over typed arrays, with names hashed
// right to left. One backward pass over a host then gives the hash of every suffix that starts at a
// label, and a suffix is looked up without making its substring (a Map needs the string, and hashes
// each new one again).

export interface SuffixTable {
  /** Four numbers a slot, side by side so that a look-up reads one cache line: the name's hash
   * (never 0: a 0 marks an empty slot), the vendor whose own domain the name is + 1, the vendor
   * hosting customers under it + 1 (0 for none), and the most labels of any vendor domain ending
   * in the name (for a two-label tail). */
  cells: Int32Array;
  names: string[];
  /** 32 - log2(capacity): a slot is the top bits of the hash times a Fibonacci constant. */
  shift: number;
}

const STRIDE = 4;
export const OWN = 1;
export const HOSTING = 2;
const DEPTH = 3;
// Zero, not the FNV offset basis: host names hold no NUL characters, the one input it would help.
export const HASH_SEED = 0;
/** FNV-1a, one character at a time. */
export const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
const firstSlot = (hash: number, shift: number) => Math.imul(hash, 0x9e3779b1) >>> shift;

/** A table for up to `names` names, kept at most half full so that a look-up that finds nothing
 * stops after a probe or two. */
export function newSuffixTable(names: number): SuffixTable {
  const bits = Math.max(4, 32 - Math.clz32(names * 2));
  const capacity = 2 ** bits;
  return {
    cells: new Int32Array(capacity * STRIDE),
    // Filled up front: an array written at scattered indices would turn into a slow dictionary.
    names: Array<string>(capacity).fill(''),
    shift: 32 - bits,
  };
}

/** Where `text` from `start` to its end is, or the empty slot where it would go; `hash` is that
 * suffix's hash. (endsWith: startsWith with a position is several times slower in V8.) */
function probe(table: SuffixTable, text: string, start: number, hash: number): number {
  const { cells, names } = table;
  const mask = cells.length / STRIDE - 1;
  const length = text.length - start;
  for (let slot = firstSlot(hash, table.shift); ; slot = (slot + 1) & mask) {
    const found = cells[slot * STRIDE];
    if (
      found === 0 ||
      (found === hash && (names[slot] as string).length === length && text.endsWith(names[slot] as string))
    )
      return slot;
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
  table.cells[slot * STRIDE] = hash;
  table.names[slot] = name;
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
export const depthOf = (table: SuffixTable, slot: number) => table.cells[slot * STRIDE + DEPTH] as number;

export function raiseDepth(table: SuffixTable, slot: number, depth: number): void {
  const at = slot * STRIDE + DEPTH;
  table.cells[at] = Math.max(table.cells[at] as number, depth);
}

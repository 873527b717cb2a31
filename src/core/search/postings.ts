// The word index behind the search filter, built once per list: a sorted vocabulary of every word
// vendors are found by (prefixes become ranges), each word's vendors with the fields it is in, and
// a bigram index over the vocabulary for typos. Flat typed arrays: a 10,000-vendor register holds
// about 20,000 words and 400,000 postings.
import type { Vendor } from '../list';
import { FIELD, SEARCH_FIELDS } from './fields';
import { squash, wordsOf } from './words';

export const GRAM_POS_BITS = 6;
export const GRAM_POS_MAX = (1 << GRAM_POS_BITS) - 1;
const ASCII_GRAMS = 128 * 128;
const EMPTY = new Int32Array(0);

export interface Postings {
  /** Every word, sorted. */
  vocab: string[];
  ids: Map<string, number>;
  /** Postings of word i are start[i] .. start[i + 1] in `doc` and `fields`. */
  start: Int32Array;
  doc: Int32Array;
  /** FIELD bits: where the word is in that vendor. */
  fields: Uint8Array;
  /** Words holding the bigram at term[p..p+2]: word id << GRAM_POS_BITS | position in the word. */
  gramsOf(term: string, p: number): Int32Array;
  bytes: number;
}

/** A growable Int32Array: the build appends hundreds of thousands of numbers without boxing them. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

export function buildPostings(vendors: readonly Vendor[]): Postings {
  // Pass 1: one (word, vendor * 64 + fields) pair per word and vendor, in vendor order. Texts
  // repeat across vendors ("IP address", "Berlin, Germany"): each is split into word ids once.
  const ids = new Map<string, number>();
  const firstWords: string[] = [];
  const pairWord = new IntList();
  const pairValue = new IntList();
  const lastDoc = new IntList();
  const lastAt = new IntList();
  const split = [new Map<string, number[]>(), new Map<string, number[]>()];
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = firstWords.length;
      ids.set(word, id);
      firstWords.push(word);
      lastDoc.push(0);
      lastAt.push(0);
    }
    return id;
  };
  let d = 0;
  const addId = (id: number, field: number) => {
    if (lastDoc.data[id] === d + 1) {
      const at = lastAt.data[id] as number;
      pairValue.data[at] = (pairValue.data[at] as number) | field;
      return;
    }
    lastDoc.data[id] = d + 1;
    lastAt.data[id] = pairValue.length;
    pairWord.push(id);
    pairValue.push(d * 64 + field);
  };
  const wordIdsOf = (text: string, whole: boolean): number[] =>
    (whole ? [squash(text)] : wordsOf(text)).filter(Boolean).map(idOf);
  const addText = (text: string, field: number, whole: boolean, repeats: boolean) => {
    if (!repeats) {
      // A vendor's own text (its name, its domains): split it as it comes.
      for (const id of wordIdsOf(text, whole)) addId(id, field);
      return;
    }
    const memo = split[whole ? 1 : 0] as Map<string, number[]>;
    let wordIds = memo.get(text);
    if (!wordIds) {
      wordIds = wordIdsOf(text, whole);
      memo.set(text, wordIds);
    }
    for (const id of wordIds) addId(id, field);
  };
  const searched = SEARCH_FIELDS.map((f) => ({ ...f, bit: FIELD[f.field] as number }));
  for (d = 0; d < vendors.length; d++) {
    const vendor = vendors[d] as Vendor;
    for (const f of searched) {
      for (const text of f.texts(vendor)) {
        if (f.tokens !== 'whole') addText(text, f.bit, false, f.repeats);
        if (f.tokens !== 'words') addText(text, f.bit, true, f.repeats);
      }
    }
  }

  // Pass 2: sort the vocabulary and lay the postings out word by word (still in vendor order).
  const vocab = firstWords.slice().sort();
  const newId = new Int32Array(vocab.length);
  vocab.forEach((w, i) => {
    newId[ids.get(w) as number] = i;
    ids.set(w, i);
  });
  const start = new Int32Array(vocab.length + 1);
  for (let p = 0; p < pairWord.length; p++) {
    const id = newId[pairWord.data[p] as number] as number;
    start[id + 1] = (start[id + 1] as number) + 1;
  }
  for (let i = 0; i < vocab.length; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, vocab.length);
  const doc = new Int32Array(pairWord.length);
  const fields = new Uint8Array(pairWord.length);
  for (let p = 0; p < pairWord.length; p++) {
    const id = newId[pairWord.data[p] as number] as number;
    const at = fill[id] as number;
    fill[id] = at + 1;
    const value = pairValue.data[p] as number;
    doc[at] = value >> 6;
    fields[at] = value & 63;
  }

  // Bigrams: ASCII pairs index a flat table, others a map; then the same counting layout.
  const gramSlot = new Map<number, number>();
  const slotOf = (a: number, b: number): number => {
    if (a < 128 && b < 128) return a * 128 + b;
    const key = a * 65536 + b;
    let slot = gramSlot.get(key);
    if (slot === undefined) {
      slot = ASCII_GRAMS + gramSlot.size;
      gramSlot.set(key, slot);
    }
    return slot;
  };
  const wordSlots = new IntList();
  for (const w of vocab)
    for (let p = 0; p < Math.min(w.length - 1, GRAM_POS_MAX); p++)
      wordSlots.push(slotOf(w.charCodeAt(p), w.charCodeAt(p + 1)));
  const gramStart = new Int32Array(ASCII_GRAMS + gramSlot.size + 1);
  for (let i = 0; i < wordSlots.length; i++) {
    const slot = wordSlots.data[i] as number;
    gramStart[slot + 1] = (gramStart[slot + 1] as number) + 1;
  }
  for (let i = 1; i < gramStart.length; i++)
    gramStart[i] = (gramStart[i] as number) + (gramStart[i - 1] as number);
  const gramFill = gramStart.slice();
  const gramEntries = new Int32Array(wordSlots.length);
  let at = 0;
  vocab.forEach((w, id) => {
    for (let p = 0; p < Math.min(w.length - 1, GRAM_POS_MAX); p++) {
      const slot = wordSlots.data[at++] as number;
      gramEntries[gramFill[slot] as number] = (id << GRAM_POS_BITS) | p;
      gramFill[slot] = (gramFill[slot] as number) + 1;
    }
  });

  return {
    vocab,
    ids,
    start,
    doc,
    fields,
    gramsOf(term, p) {
      const a = term.charCodeAt(p);
      const b = term.charCodeAt(p + 1);
      const slot = a < 128 && b < 128 ? a * 128 + b : gramSlot.get(a * 65536 + b);
      return slot === undefined ? EMPTY : gramEntries.subarray(gramStart[slot], gramStart[slot + 1]);
    },
    bytes:
      start.byteLength + doc.byteLength + fields.byteLength + gramEntries.byteLength + gramStart.byteLength,
  };
}

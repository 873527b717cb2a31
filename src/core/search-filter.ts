// The candidate filter in front of fuse.js: a sorted vocabulary of every word vendors are found by,
// each with the vendors that hold it, and a bigram index over the vocabulary for typos. A query
// term matches words exactly, as a prefix (still typing), inside a word, or within a typo budget;
// each vendor gets a tier (the sum over terms of its best match level) and the best few go to
// fuse.js, which ranks them. Built once per list; a search touches only the words that match.

import type { Vendor } from './list';
import { prefixDistance, typoBudget } from './search-distance';
import { FIELD_RANK, readVendorTexts, squash, type TextSink, wordsOf } from './search-words';

/** Match levels: higher is better. The tier of a vendor is the sum of its terms' levels. */
export const LEVEL = { exact: 4, prefix: 3, near: 2, far: 1 } as const;

export interface Candidates {
  docs: number[];
  tiers: number[];
}

export interface WordFilter {
  /** The best `limit` vendors for these terms, best first; `joined` is the query without spaces. */
  candidates(terms: readonly string[], joined: string, limit: number): Candidates;
  /** Bytes held in typed arrays (the vocabulary strings and maps come on top). */
  bytes: number;
  vocabulary: number;
}

const GRAM_POS_BITS = 6;
const GRAM_POS_MAX = (1 << GRAM_POS_BITS) - 1;
const MAX_TIER = 32;
const MAX_FIELD = 31;
const EMPTY = new Int32Array(0);
const ASCII_GRAMS = 128 * 128;

/** A growable Int32Array: the build appends millions of small numbers without boxing them. */
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

export function buildWordFilter(vendors: readonly Vendor[]): WordFilter {
  // Pass 1: every (word, vendor * 4 + field rank) pair, one per word and vendor, best rank kept.
  // Texts repeat across vendors ("IP address", "Berlin, Germany"): each is split into ids once.
  const firstIds = new Map<string, number>();
  const firstWords: string[] = [];
  const pairWord = new IntList();
  const pairValue = new IntList();
  const lastDoc = new IntList();
  const lastAt = new IntList();
  const split = [new Map<string, number[]>(), new Map<string, number[]>()];
  const idOf = (word: string): number => {
    let id = firstIds.get(word);
    if (id === undefined) {
      id = firstWords.length;
      firstIds.set(word, id);
      firstWords.push(word);
      lastDoc.push(0);
      lastAt.push(0);
    }
    return id;
  };
  let d = 0;
  const sink: TextSink = {
    text(text, rank, whole) {
      const memo = split[whole ? 1 : 0] as Map<string, number[]>;
      let wordIds = memo.get(text);
      if (!wordIds) {
        wordIds = (whole ? [squash(text)] : wordsOf(text)).filter(Boolean).map(idOf);
        memo.set(text, wordIds);
      }
      for (const id of wordIds) {
        if (lastDoc.data[id] === d + 1) {
          const at = lastAt.data[id] as number;
          if (((pairValue.data[at] as number) & 3) < rank) pairValue.data[at] = d * 4 + rank;
          continue;
        }
        lastDoc.data[id] = d + 1;
        lastAt.data[id] = pairValue.length;
        pairWord.push(id);
        pairValue.push(d * 4 + rank);
      }
    },
  };
  for (d = 0; d < vendors.length; d++) readVendorTexts(vendors[d] as Vendor, sink);
  split.length = 0;
  // Pass 2: sort the vocabulary (prefixes become ranges) and lay postings out word by word.
  const order = firstWords
    .map((_, i) => i)
    .sort((a, b) => {
      const x = firstWords[a] as string;
      const y = firstWords[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const vocab = order.map((i) => firstWords[i] as string);
  const newId = new Int32Array(order.length);
  order.forEach((old, i) => {
    newId[old] = i;
  });
  // The same map now answers word -> sorted id.
  const ids = firstIds;
  for (const [w, old] of ids) ids.set(w, newId[old] as number);
  const start = new Int32Array(vocab.length + 1);
  for (let p = 0; p < pairWord.length; p++) {
    const id = newId[pairWord.data[p] as number] as number;
    start[id + 1] = (start[id + 1] as number) + 1;
  }
  for (let i = 0; i < vocab.length; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, vocab.length);
  const postDoc = new Int32Array(pairWord.length);
  const postRank = new Uint8Array(pairWord.length);
  for (let p = 0; p < pairWord.length; p++) {
    const id = newId[pairWord.data[p] as number] as number;
    const at = fill[id] as number;
    fill[id] = at + 1;
    const value = pairValue.data[p] as number;
    postDoc[at] = value >> 2;
    postRank[at] = value & 3;
  }

  // bigram -> word id << 6 | position of the bigram in the word (positions past 63 are not kept).
  // ASCII bigrams index a flat table; others a map.
  const gramSlotOf = new Map<number, number>();
  const slotOf = (a: number, b: number): number => {
    if (a < 128 && b < 128) return a * 128 + b;
    const key = a * 65536 + b;
    let slot = gramSlotOf.get(key);
    if (slot === undefined) {
      slot = ASCII_GRAMS + gramSlotOf.size;
      gramSlotOf.set(key, slot);
    }
    return slot;
  };
  const slotsOfWords = new IntList();
  for (const w of vocab)
    for (let p = 0; p < Math.min(w.length - 1, GRAM_POS_MAX); p++)
      slotsOfWords.push(slotOf(w.charCodeAt(p), w.charCodeAt(p + 1)));
  const gramStart = new Int32Array(ASCII_GRAMS + gramSlotOf.size + 1);
  for (let i = 0; i < slotsOfWords.length; i++) {
    const slot = slotsOfWords.data[i] as number;
    gramStart[slot + 1] = (gramStart[slot + 1] as number) + 1;
  }
  for (let i = 1; i < gramStart.length; i++)
    gramStart[i] = (gramStart[i] as number) + (gramStart[i - 1] as number);
  const gramFill = gramStart.slice();
  const gramEntries = new Int32Array(slotsOfWords.length);
  let at = 0;
  vocab.forEach((w, id) => {
    for (let p = 0; p < Math.min(w.length - 1, GRAM_POS_MAX); p++) {
      const slot = slotsOfWords.data[at++] as number;
      gramEntries[gramFill[slot] as number] = (id << GRAM_POS_BITS) | p;
      gramFill[slot] = (gramFill[slot] as number) + 1;
    }
  });
  const gramsOf = (term: string, p: number): Int32Array => {
    const a = term.charCodeAt(p);
    const b = term.charCodeAt(p + 1);
    const slot = a < 128 && b < 128 ? a * 128 + b : gramSlotOf.get(a * 65536 + b);
    return slot === undefined ? EMPTY : gramEntries.subarray(gramStart[slot], gramStart[slot + 1]);
  };
  const gramBytes = gramEntries.byteLength + gramStart.byteLength;

  // Scratch space, reused by every search (searches are synchronous).
  const n = vendors.length;
  const wordLevel = new Uint8Array(vocab.length);
  const gramCount = new Uint8Array(vocab.length);
  const matchedWords: number[] = [];
  const countedWords: number[] = [];
  const best = new Uint8Array(n);
  const tier = new Uint8Array(n);
  const field = new Uint8Array(n);
  const joinedBest = new Uint8Array(n);
  const touched: number[] = [];
  const termTouched: number[] = [];

  function lowerBound(term: string): number {
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((vocab[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  function mark(id: number, level: number) {
    if ((wordLevel[id] as number) >= level) return;
    if (wordLevel[id] === 0) matchedWords.push(id);
    wordLevel[id] = level;
  }

  /** Fills matchedWords/wordLevel with the words this term names. */
  function matchWords(term: string) {
    const exact = ids.get(term);
    if (exact !== undefined) mark(exact, LEVEL.exact);
    for (let i = lowerBound(term); i < vocab.length && (vocab[i] as string).startsWith(term); i++)
      mark(i, LEVEL.prefix);
    if (term.length >= 3) {
      // Inside a word ("grid" in "versegrid"): scan the words holding the term's rarest bigram.
      let rarest: Int32Array | undefined;
      for (let p = 0; p + 2 <= term.length; p++) {
        // A bigram no word has: no word holds the term (typos are still looked for below).
        const list = gramsOf(term, p);
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      for (const entry of rarest ?? EMPTY) {
        const id = entry >> GRAM_POS_BITS;
        if (wordLevel[id] === 0 && (vocab[id] as string).includes(term)) mark(id, LEVEL.near);
      }
    }
    const budget = typoBudget(term.length);
    if (budget === 0) return;
    // q-gram lemma: k edits destroy at most 2k bigrams and shift the rest by at most k places.
    const need = Math.max(1, term.length - 1 - 2 * budget);
    for (let p = 0; p + 2 <= term.length; p++) {
      for (const entry of gramsOf(term, p)) {
        if (Math.abs((entry & GRAM_POS_MAX) - p) > budget) continue;
        const id = entry >> GRAM_POS_BITS;
        if (gramCount[id] === 0) countedWords.push(id);
        if ((gramCount[id] as number) < 255) gramCount[id] = (gramCount[id] as number) + 1;
      }
    }
    for (const id of countedWords) {
      if ((gramCount[id] as number) >= need && wordLevel[id] === 0) {
        const d = prefixDistance(term, vocab[id] as string, budget);
        if (d <= budget) mark(id, d <= 1 ? LEVEL.near : LEVEL.far);
      }
      gramCount[id] = 0;
    }
    countedWords.length = 0;
  }

  /** For each vendor holding a matched word, its best level * 4 + field rank into `into`. */
  function collect(term: string, into: Uint8Array, minRank: number) {
    matchWords(term);
    for (const id of matchedWords) {
      const level = wordLevel[id] as number;
      wordLevel[id] = 0;
      for (let at = start[id] as number, end = start[id + 1] as number; at < end; at++) {
        const rank = postRank[at] as number;
        if (rank < minRank) continue;
        const d = postDoc[at] as number;
        const value = level * 4 + rank;
        if (into[d] === 0) termTouched.push(d);
        if ((into[d] as number) < value) into[d] = value;
      }
    }
    matchedWords.length = 0;
  }

  function candidates(terms: readonly string[], joined: string, limit: number): Candidates {
    for (const term of terms) {
      collect(term, best, FIELD_RANK.data);
      for (const d of termTouched) {
        const value = best[d] as number;
        if (tier[d] === 0 && field[d] === 0) touched.push(d);
        tier[d] = (tier[d] as number) + (value >> 2);
        field[d] = Math.min(MAX_FIELD, (field[d] as number) + (value & 3));
        best[d] = 0;
      }
      termTouched.length = 0;
    }
    // Words typed apart ("send grid", "mix panel") may be one name or domain: worth every term.
    if (terms.length > 1 && joined.length >= 2) {
      collect(joined, joinedBest, FIELD_RANK.domain);
      for (const d of termTouched) {
        const value = ((joinedBest[d] as number) >> 2) * terms.length;
        if (tier[d] === 0 && field[d] === 0) touched.push(d);
        if (value > (tier[d] as number)) tier[d] = Math.min(MAX_TIER - 1, value);
        joinedBest[d] = 0;
      }
      termTouched.length = 0;
    }
    // Keep the best `limit` by tier, then field rank, then list order: a counting pass finds the cut.
    const keyOf = (d: number) => (tier[d] as number) * (MAX_FIELD + 1) + (field[d] as number);
    const counts = new Int32Array(MAX_TIER * (MAX_FIELD + 1));
    for (const d of touched) counts[keyOf(d)] = (counts[keyOf(d)] as number) + 1;
    let cut = counts.length - 1;
    for (let kept = 0; cut > 0; cut--) {
      kept += counts[cut] as number;
      if (kept >= limit) break;
    }
    const kept = touched.filter((d) => keyOf(d) >= cut);
    kept.sort((a, b) => keyOf(b) - keyOf(a) || a - b);
    const docs = kept.slice(0, limit);
    const tiers = docs.map((d) => tier[d] as number);
    for (const d of touched) {
      tier[d] = 0;
      field[d] = 0;
    }
    touched.length = 0;
    return { docs, tiers };
  }

  return {
    candidates,
    vocabulary: vocab.length,
    bytes: start.byteLength + postDoc.byteLength + postRank.byteLength + gramBytes + 7 * n + 2 * vocab.length,
  };
}

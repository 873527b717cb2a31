// The candidate filter in front of fuse.js. A query term matches words of the index exactly, as a
// prefix (still typing), inside a word, or within a typo budget; each vendor gets a tier (the sum
// over terms of its best match level) and the best few go to fuse.js, with the fields they matched
// in, for fuse.js to rank. A search touches only the words that match, never every vendor.
import type { Vendor } from '../list';
import { prefixDistance, typoBudget } from './distance';
import { ALL_FIELDS, FIELD, rankOf } from './fields';
import { buildPostings, GRAM_POS_BITS, GRAM_POS_MAX } from './postings';

/** Match levels: higher is better. The tier of a vendor is the sum of its terms' levels. */
export const LEVEL = { exact: 4, prefix: 3, near: 2, far: 1 } as const;

export interface Candidates {
  /** Vendor indexes, best first. */
  docs: number[];
  tiers: number[];
  /** FIELD bits each candidate matched in. */
  fields: number[];
}

export interface WordFilter {
  /** The best `limit` vendors for these terms; `joined` is the query without spaces. */
  candidates(terms: readonly string[], joined: string, limit: number): Candidates;
  /** Every vendor for these terms, in list order (no ranking: the register shows them in its own
   * order), with their tiers. */
  every(terms: readonly string[], joined: string): { docs: number[]; tiers: number[] };
  /** Bytes held in typed arrays (the vocabulary strings and maps come on top). */
  bytes: number;
  vocabulary: number;
}

/** One term's vendors: best level * 4 + field rank, and the fields it matched in. */
interface TermHits {
  docs: Int32Array;
  values: Uint8Array;
  fields: Uint8Array;
}

const MAX_TIER = 32;
const MAX_FIELD_SUM = 31;
// Typing "natural language p..." repeats the earlier words on every keystroke: remember them.
const CACHED_TERMS = 32;

export function buildWordFilter(vendors: readonly Vendor[]): WordFilter {
  const { vocab, ids, start, doc, fields: postFields, gramsOf, bytes } = buildPostings(vendors);
  const n = vendors.length;
  // Scratch space, reused by every search (searches are synchronous).
  const wordLevel = new Uint8Array(vocab.length);
  const gramCount = new Uint8Array(vocab.length);
  const matchedWords: number[] = [];
  const countedWords: number[] = [];
  const best = new Uint8Array(n);
  const termFields = new Uint8Array(n);
  const tier = new Uint8Array(n);
  const fieldSum = new Uint8Array(n);
  const matchedFields = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const covered = new Uint8Array(n);
  const touched: number[] = [];
  const termTouched: number[] = [];
  const cache = new Map<string, TermHits>();

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
      // Inside a word ("grid" in "versegrid"): check the words holding the term's rarest bigram.
      let rarest = gramsOf(term, 0);
      for (let p = 1; p + 2 <= term.length; p++) {
        const list = gramsOf(term, p);
        if (list.length < rarest.length) rarest = list;
      }
      for (let i = 0; i < rarest.length; i++) {
        const id = (rarest[i] as number) >> GRAM_POS_BITS;
        if (wordLevel[id] === 0 && (vocab[id] as string).includes(term)) mark(id, LEVEL.near);
      }
    }
    const budget = typoBudget(term.length);
    if (budget === 0) return;
    // q-gram lemma: k edits destroy at most 2k bigrams and shift the others by at most k places.
    // Two shared bigrams at least: that misses only two typos far apart in a six-letter word
    // ("gxrmxn"), and spares checking thousands of words that share one bigram by chance.
    const need = Math.max(2, term.length - 1 - 2 * budget);
    for (let p = 0; p + 2 <= term.length; p++) {
      const list = gramsOf(term, p);
      for (let i = 0; i < list.length; i++) {
        const entry = list[i] as number;
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

  /** The vendors holding the words this term names, only in the `allowed` fields. */
  function hitsOf(term: string, allowed: number): TermHits {
    const key = `${allowed}:${term}`;
    const cached = cache.get(key);
    if (cached) {
      cache.delete(key); // most recently used goes last
      cache.set(key, cached);
      return cached;
    }
    matchWords(term);
    for (const id of matchedWords) {
      const level = wordLevel[id] as number;
      wordLevel[id] = 0;
      for (let at = start[id] as number, end = start[id + 1] as number; at < end; at++) {
        const f = (postFields[at] as number) & allowed;
        if (f === 0) continue;
        const d = doc[at] as number;
        const value = level * 4 + rankOf(f);
        if (termFields[d] === 0) termTouched.push(d);
        if ((best[d] as number) < value) best[d] = value;
        termFields[d] = (termFields[d] as number) | f;
      }
    }
    matchedWords.length = 0;
    const hits: TermHits = {
      docs: Int32Array.from(termTouched),
      values: new Uint8Array(termTouched.length),
      fields: new Uint8Array(termTouched.length),
    };
    termTouched.forEach((d, i) => {
      hits.values[i] = best[d] as number;
      hits.fields[i] = termFields[d] as number;
      best[d] = 0;
      termFields[d] = 0;
    });
    termTouched.length = 0;
    cache.set(key, hits);
    if (cache.size > CACHED_TERMS) cache.delete(cache.keys().next().value as string);
    return hits;
  }

  function add(hits: TermHits, apply: (d: number, value: number) => void) {
    for (let i = 0; i < hits.docs.length; i++) {
      const d = hits.docs[i] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched.push(d);
      }
      matchedFields[d] = (matchedFields[d] as number) | (hits.fields[i] as number);
      covered[d] = (covered[d] as number) + 1;
      apply(d, hits.values[i] as number);
    }
  }

  /** Sums each touched vendor's tier, fields and terms covered over the query's terms. */
  function accumulate(terms: readonly string[], joined: string) {
    for (const term of terms) {
      add(hitsOf(term, ALL_FIELDS), (d, value) => {
        tier[d] = (tier[d] as number) + (value >> 2);
        fieldSum[d] = Math.min(MAX_FIELD_SUM, (fieldSum[d] as number) + (value & 3));
      });
    }
    // Words typed apart ("send grid", "mix panel") may be one name or domain: worth every term.
    if (terms.length > 1 && joined.length >= 2) {
      add(hitsOf(joined, FIELD.name | FIELD.domain), (d, value) => {
        tier[d] = Math.max(tier[d] as number, Math.min(MAX_TIER - 1, (value >> 2) * terms.length));
        covered[d] = terms.length;
      });
    }
  }

  function reset() {
    for (const d of touched) {
      tier[d] = 0;
      fieldSum[d] = 0;
      matchedFields[d] = 0;
      seen[d] = 0;
      covered[d] = 0;
    }
    touched.length = 0;
  }

  function candidates(terms: readonly string[], joined: string, limit: number): Candidates {
    accumulate(terms, joined);
    // Every word must match (as fuse.js then requires): a vendor that matches only some of them
    // would take a candidate's place and be turned down.
    // Keep the best `limit` by tier, then field rank, then list order: a counting pass finds the cut.
    const keyOf = (d: number) => (tier[d] as number) * (MAX_FIELD_SUM + 1) + (fieldSum[d] as number);
    const counts = new Int32Array(MAX_TIER * (MAX_FIELD_SUM + 1));
    const complete = touched.filter((d) => covered[d] === terms.length);
    for (const d of complete) counts[keyOf(d)] = (counts[keyOf(d)] as number) + 1;
    let cut = counts.length - 1;
    for (let kept = 0; cut > 0; cut--) {
      kept += counts[cut] as number;
      if (kept >= limit) break;
    }
    const docs = complete
      .filter((d) => keyOf(d) >= cut)
      .sort((a, b) => keyOf(b) - keyOf(a) || a - b)
      .slice(0, limit);
    const result = {
      docs,
      tiers: docs.map((d) => tier[d] as number),
      fields: docs.map((d) => matchedFields[d] as number),
    };
    reset();
    return result;
  }

  function every(terms: readonly string[], joined: string): { docs: number[]; tiers: number[] } {
    accumulate(terms, joined);
    // A walk over the typed array gives list order without sorting thousands of matches.
    const docs: number[] = [];
    const tiers: number[] = [];
    const want = terms.length;
    for (let d = 0; d < n; d++) {
      if (covered[d] === want) {
        docs.push(d);
        tiers.push(tier[d] as number);
      }
    }
    reset();
    return { docs, tiers };
  }

  return { candidates, every, vocabulary: vocab.length, bytes };
}

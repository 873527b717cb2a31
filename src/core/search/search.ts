// Fuzzy search over a list's vendors. fuse.js ranks; in front of it a word index (filter.ts)
// picks the few vendors worth ranking, because fuse.js alone scores every vendor on every keystroke
// (about 90 ms at 2,000 vendors on a small machine). Build the index once per list; each keystroke
// only runs search().
import Fuse, { type Expression, type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { Vendor } from '../list';
import { ALL_FIELDS, FIELD, SEARCH_FIELDS } from './fields';
import { buildWordFilter, LEVEL, type WordFilter } from './filter';
import { fold, termsOf } from './words';

/** What fuse.js ranks a vendor by: one key per searchable field (fields.ts). */
export type SearchDoc = { index: number } & {
  [F in (typeof SEARCH_FIELDS)[number] as F['key']]: ReturnType<F['doc']>;
};

export interface SearchHit {
  vendor: Vendor;
  index: number;
  /** fuse.js's score, 0 (perfect) to 1. Hits are ordered by match tier first, then by this. */
  score: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  /** Every vendor index the word filter finds for the query (each of its words, exactly, as a
   * prefix, inside a word, or within the typo budget when nothing matches as typed), in list order
   * (unranked: the register sorts by its own columns); null for a query without words.
   * The register narrows its table by this: fuse.js ranking thousands of matches would not fit a
   * keystroke. */
  matching(query: string): number[] | null;
  size: number;
}

export function searchDocOf(vendor: Vendor, index: number): SearchDoc {
  const doc: Record<string, unknown> = { index };
  for (const f of SEARCH_FIELDS) doc[f.key] = f.doc(vendor);
  return doc as SearchDoc;
}

const KEYS = SEARCH_FIELDS.map((f) => ({ name: f.key, weight: f.weight }));

export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: KEYS,
  threshold: 0.4,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

/** Candidates fuse.js ranks beyond the hits asked for: room for the ones it turns down. */
const SPARE_CANDIDATES = 5;
const MAX_QUERY = 100;

type FuseRecord = ReturnType<FuseIndex<SearchDoc>['toJSON']>['records'][number];

/** The fuse.js query: the text itself for one word; for several, every word somewhere (in any
 * field) or the words run together in the compact name ("send grid"). */
function fuseQuery(query: string, terms: readonly string[], joined: string): string | Expression | null {
  if (terms.length === 1) return (terms[0] as string).length >= 2 ? query : null;
  // fuse.js needs two characters to match; a one-letter word being typed only narrows the filter.
  const words = terms.filter((t) => t.length >= 2);
  const either: Expression[] = [];
  if (words.length) either.push({ $and: words.map((t) => ({ $or: KEYS.map((k) => ({ [k.name]: t })) })) });
  if (joined.length >= 2) either.push({ compact: joined });
  return either.length ? { $or: either } : null;
}

/** The document fuse.js ranks a candidate by: its name, and the fields the filter found it in.
 * Spared the rest, fuse.js ranks a candidate several times faster, and a fuzzy near-miss in a field
 * the query did not reach cannot lift a vendor above one that matched. */
function leanDoc(doc: SearchDoc, fields: number): SearchDoc {
  const lean: Record<string, unknown> = { index: doc.index };
  for (const f of SEARCH_FIELDS) {
    const value = doc[f.key];
    lean[f.key] = f.always || fields & FIELD[f.field] ? value : Array.isArray(value) ? [] : '';
  }
  return lean as SearchDoc;
}

export function buildSearchIndex(vendors: readonly Vendor[]): SearchIndex {
  const filter: WordFilter = buildWordFilter(vendors);
  // fuse.js's records are made when a vendor first becomes a candidate (for the fields it matched),
  // and kept: most vendors of a large register are never ranked, so making them all is waste.
  const docs: SearchDoc[] = new Array(vendors.length);
  const records = new Map<number, FuseRecord>();
  const recordMaker = Fuse.createIndex(KEYS, [] as SearchDoc[]);
  const keys = recordMaker.toJSON().keys;
  const recordOf = (d: number, fields: number): FuseRecord => {
    const key = d * (ALL_FIELDS + 1) + fields;
    let record = records.get(key);
    if (!record) {
      docs[d] ??= searchDocOf(vendors[d] as Vendor, d);
      record = recordMaker.add(leanDoc(docs[d], fields), d) as FuseRecord;
      recordMaker.records.length = 0;
      records.set(key, record);
    }
    return record;
  };
  return {
    size: vendors.length,
    matching(text: string): number[] | null {
      const terms = termsOf(fold(text.trim().slice(0, MAX_QUERY)));
      if (!terms.length) return null;
      const found = filter.every(terms, terms.join(''));
      // A narrowing keeps typo matches only when nothing matches as typed ("strpe" finds Stripe;
      // "zeta" does not bring in every vendor that processes "data").
      const typed = LEVEL.prefix * terms.length;
      if (!found.tiers.some((tier) => tier >= typed)) return found.docs;
      return found.docs.filter((_, i) => (found.tiers[i] as number) >= typed);
    },
    search(text: string, limit = 20): SearchHit[] {
      const query = fold(text.trim().slice(0, MAX_QUERY));
      const terms = termsOf(query);
      const joined = terms.join('');
      const expression = terms.length ? fuseQuery(query, terms, joined) : null;
      if (!expression || limit <= 0) return [];
      const found = filter.candidates(terms, joined, limit + SPARE_CANDIDATES);
      if (!found.docs.length) return [];
      const tierOf = new Map(found.docs.map((d, i) => [d, found.tiers[i] as number]));
      const records = found.docs.map((d, i) => recordOf(d, found.fields[i] as number));
      const index = Fuse.parseIndex<SearchDoc>({ keys, records });
      const ranked = new Fuse(docs, FUSE_OPTIONS, index).search(expression);
      // The vendor whose whole name is the query comes first: fuse.js scores "Acme" (use:
      // analytics) and "Acme Analytics" alike for "acme analytics", and a tie must not hide it.
      const exact = (i: number) => (docs[i]?.name === query || docs[i]?.compact === joined ? 1 : 0);
      return ranked
        .map((r) => ({
          index: r.refIndex,
          score: r.score ?? 1,
          tier: tierOf.get(r.refIndex) ?? 0,
          exact: exact(r.refIndex),
        }))
        .sort((a, b) => b.exact - a.exact || b.tier - a.tier || a.score - b.score || a.index - b.index)
        .slice(0, limit)
        .map(({ index: i, score }) => ({ vendor: vendors[i] as Vendor, index: i, score }));
    },
  };
}

// The searchable fields, once: what fuse.js ranks (its document and weights), which filter field a
// word index entry belongs to, how much a match there counts when the filter keeps the best few, and
// how each field's texts become words. search.ts, filter.ts and postings.ts all read this table.
import { countryName } from '../country-name';
import type { Vendor } from '../list';
import { fold, squash } from './words';

/** The filter's fields, as bits: the filter tells fuse.js which fields a candidate matched in. */
export const FIELD = { name: 1, domain: 2, location: 4, certification: 8, use: 16, data: 32 } as const;
export type FieldName = keyof typeof FIELD;

/** How a field's texts become words of the index: split into words ("Send Grid" -> send, grid;
 * camel case gives its parts), run together as one word ("SOC 2" -> soc2), or both. */
export type Tokens = 'words' | 'whole' | 'both';

export interface SearchField {
  /** The fuse.js key of this field (a path in its documents). */
  key: string;
  field: FieldName;
  /** fuse.js's weight for the key. */
  weight: number;
  /** How much a match in this field counts when the filter keeps the best few: 0 to 3. */
  rank: number;
  /** Kept in every document fuse.js ranks, whatever the filter matched in. */
  always: boolean;
  /** What fuse.js ranks, folded once here (lower case, no diacritics): "sao" finds "São". */
  doc(vendor: Vendor): string | string[];
  /** The texts the word index holds for this field. */
  texts(vendor: Vendor): readonly string[];
  tokens: Tokens;
  /** Texts repeat across vendors ("IP address", "Berlin, Germany"): split each once per build. */
  repeats: boolean;
}

const countries = new Map<string, string>();
/** "DE" -> "Germany DE": the country's name and code are words of the vendor's location. */
function countryText(code: string): string {
  let text = countries.get(code);
  if (text === undefined) {
    text = `${countryName(code) ?? ''} ${code}`;
    countries.set(code, text);
  }
  return text;
}

export const SEARCH_FIELDS = [
  {
    key: 'name',
    field: 'name',
    weight: 3,
    rank: 3,
    always: true,
    doc: (v) => fold(v.name),
    texts: (v) => [v.name],
    tokens: 'words',
    repeats: false,
  },
  {
    // The name without spaces or punctuation, so "send grid" finds "SendGrid".
    key: 'compact',
    field: 'name',
    weight: 2,
    rank: 3,
    always: true,
    doc: (v) => squash(v.name),
    texts: (v) => [v.name],
    tokens: 'whole',
    repeats: false,
  },
  {
    // "aws.amazon.com" -> also "aws amazon": acronyms and brands live in domain labels; the index
    // holds each label ("aws" finds AWS, "stripe.com" Stripe), hyphenated ones also run together.
    key: 'domains',
    field: 'domain',
    weight: 2,
    rank: 2,
    always: false,
    doc: (v) => v.domains.flatMap((d) => [d, d.split('.').slice(0, -1).join(' ')]),
    texts: (v) => v.domains.flatMap((d) => d.split('.')),
    tokens: 'both',
    repeats: false,
  },
  {
    key: 'location',
    field: 'location',
    weight: 1,
    rank: 1,
    always: false,
    doc: (v) =>
      fold(
        [v.location.text, v.location.country ? countryName(v.location.country) : null, v.location.country]
          .filter(Boolean)
          .join(' '),
      ),
    texts: (v) =>
      v.location.country ? [countryText(v.location.country), v.location.text] : [v.location.text],
    tokens: 'words',
    repeats: true,
  },
  {
    // Run together too, so "soc2" and "iso27001" find "SOC 2 Type 1" and "ISO/IEC 27001".
    key: 'certifications',
    field: 'certification',
    weight: 1,
    rank: 1,
    always: false,
    doc: (v) => v.certifications.flatMap((c) => [fold(c.label), fold(c.text)]),
    texts: (v) => v.certifications.flatMap((c) => [c.label, c.text]),
    tokens: 'both',
    repeats: true,
  },
  {
    key: 'use',
    field: 'use',
    weight: 1,
    rank: 1,
    always: false,
    doc: (v) => v.use.map(fold),
    texts: (v) => v.use,
    tokens: 'words',
    repeats: true,
  },
  {
    key: 'data',
    field: 'data',
    weight: 0.5,
    rank: 0,
    always: false,
    doc: (v) => v.dataProcessed.map(fold),
    texts: (v) => v.dataProcessed,
    tokens: 'words',
    repeats: true,
  },
] as const satisfies readonly SearchField[];

export type SearchKey = (typeof SEARCH_FIELDS)[number]['key'];

/** Every filter field's bit. */
export const ALL_FIELDS = Object.values(FIELD).reduce((all, bit) => all | bit, 0);

const RANKS = new Uint8Array(ALL_FIELDS + 1);
for (let mask = 1; mask <= ALL_FIELDS; mask++)
  for (const f of SEARCH_FIELDS)
    if (mask & FIELD[f.field]) RANKS[mask] = Math.max(RANKS[mask] as number, f.rank);

/** How much the best field of a mask counts when the filter keeps only the best few candidates. */
export function rankOf(fields: number): number {
  return RANKS[fields] as number;
}

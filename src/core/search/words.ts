// The words a vendor is found by, per field, and the terms of a query: one tokenizer for both, so
// the candidate filter compares like with like. Building runs over every vendor of a register, so
// plain ASCII text takes a fast path and repeated texts ("IP address", "United States") are split once.

import { countryName } from '../country-name';
import type { Vendor } from '../list';

const ASCII = /^[\x20-\x7e]*$/;

/** Lower case without diacritics: "São Paulo" is found by "sao". */
export function fold(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Letters and digits only: "Send Grid" -> "sendgrid", "SOC 2" -> "soc2". */
export function squash(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

const WORD = /[\p{L}\p{N}]+/gu;
const PARTS = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu;

enum Kind {
  None = 0,
  Lower = 1,
  Upper = 2,
  Digit = 3,
}

function kindOf(c: number): Kind {
  if (c >= 97 && c <= 122) return Kind.Lower;
  if (c >= 65 && c <= 90) return Kind.Upper;
  if (c >= 48 && c <= 57) return Kind.Digit;
  return Kind.None;
}

/** ASCII fast path of wordsOf: a word ends at anything but a letter or digit; camel-case and
 * letter/digit boundaries inside it mark its parts. */
function asciiWords(text: string, out: string[]): void {
  let start = -1;
  let cuts: number[] = [];
  const flush = (end: number) => {
    if (start < 0) return;
    out.push(text.slice(start, end).toLowerCase());
    if (cuts.length) {
      let from = start;
      for (const cut of [...cuts, end]) {
        out.push(text.slice(from, cut).toLowerCase());
        from = cut;
      }
      cuts = [];
    }
    start = -1;
  };
  let prev = Kind.None;
  for (let i = 0; i <= text.length; i++) {
    const kind = i < text.length ? kindOf(text.charCodeAt(i)) : Kind.None;
    if (kind === Kind.None) {
      flush(i);
    } else if (start < 0) {
      start = i;
    } else if (
      (kind === Kind.Upper && prev === Kind.Lower) ||
      (kind === Kind.Digit) !== (prev === Kind.Digit) ||
      // "HTMLParser": the last capital starts the next part.
      (kind === Kind.Lower &&
        prev === Kind.Upper &&
        i - 1 > start &&
        kindOf(text.charCodeAt(i - 2)) === Kind.Upper)
    ) {
      cuts.push(kind === Kind.Lower ? i - 1 : i);
    }
    prev = kind;
  }
}

/** The words of a text, folded; camel-case names also give their parts ("SendGrid" -> send, grid). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  if (ASCII.test(text)) {
    asciiWords(text, out);
    return out;
  }
  for (const m of text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .matchAll(WORD)) {
    out.push(m[0].toLowerCase());
    const parts = m[0].match(PARTS);
    if (parts && parts.length > 1) for (const p of parts) out.push(p.toLowerCase());
  }
  return out;
}

/** The fields a word was found in, as bits: the filter tells fuse.js which fields to rank. */
export const FIELD = { name: 1, domain: 2, location: 4, certification: 8, use: 16, data: 32 } as const;
export const ALL_FIELDS = 63;

/** How much the best field of a mask counts when the filter keeps only the best few candidates:
 * name 3, domain 2, location, certification or use 1, data 0. */
export function rankOf(fields: number): number {
  if (fields & FIELD.name) return 3;
  if (fields & FIELD.domain) return 2;
  if (fields & (FIELD.location | FIELD.certification | FIELD.use)) return 1;
  return 0;
}

/** Receives a vendor's texts: split into words, or `whole` (run together as one word). */
export interface TextSink {
  text(text: string, field: number, whole: boolean): void;
}

/** Every text a vendor is found by, with its field: the fields fuse.js ranks (searchDocOf). */
export function readVendorTexts(vendor: Vendor, sink: TextSink): void {
  sink.text(vendor.name, FIELD.name, false);
  sink.text(vendor.name, FIELD.name, true);
  // Domain labels: "aws.amazon.com" -> aws, amazon, com ("aws" finds AWS, "stripe.com" Stripe).
  for (const domain of vendor.domains) {
    for (const label of domain.split('.')) {
      sink.text(label, FIELD.domain, false);
      if (label.includes('-')) sink.text(label, FIELD.domain, true);
    }
  }
  const code = vendor.location.country;
  if (code) sink.text(countryText(code), FIELD.location, false);
  sink.text(vendor.location.text, FIELD.location, false);
  for (const c of vendor.certifications) {
    // Run together too, so "soc2" and "iso27001" find "SOC 2 Type 1" and "ISO/IEC 27001".
    for (const text of [c.label, c.text]) {
      sink.text(text, FIELD.certification, false);
      sink.text(text, FIELD.certification, true);
    }
  }
  for (const text of vendor.use) sink.text(text, FIELD.use, false);
  for (const text of vendor.dataProcessed) sink.text(text, FIELD.data, false);
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

export const MAX_TERMS = 6;
// Bitap in fuse.js handles at most 32 characters per pattern; longer words name nothing anyway.
export const MAX_TERM_LENGTH = 32;

/** A query's terms: its words, at most MAX_TERMS, each at most MAX_TERM_LENGTH characters. */
export function termsOf(query: string): string[] {
  const terms = fold(query).match(WORD) ?? [];
  return terms.slice(0, MAX_TERMS).map((t) => t.slice(0, MAX_TERM_LENGTH));
}

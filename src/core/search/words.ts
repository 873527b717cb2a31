// The words of a vendor's texts and the terms of a query: one tokenizer for both, so the candidate
// filter compares like with like. Building runs over every vendor of a register, so plain ASCII text
// takes a fast path. Which texts of a vendor are searched, and how, is the table in fields.ts.

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

export const MAX_TERMS = 6;
// Bitap in fuse.js handles at most 32 characters per pattern; longer words name nothing anyway.
export const MAX_TERM_LENGTH = 32;

/** A query's terms: its words, at most MAX_TERMS, each at most MAX_TERM_LENGTH characters. */
export function termsOf(query: string): string[] {
  const terms = fold(query).match(WORD) ?? [];
  return terms.slice(0, MAX_TERMS).map((t) => t.slice(0, MAX_TERM_LENGTH));
}

// Host -> vendor. A host is looked up suffix by suffix, most specific first, so aws.amazon.com finds
// AWS and amazon.com finds nothing (never the parent). One table holds every vendor domain and
// every domain's last two labels ("amazon.com" for aws.amazon.com): a host whose last two labels
// are not there (most hosts a browser visits) costs one look-up, and the others only the suffixes
// as long as the deepest vendor domain under them.
import type { SubprocessorList, Vendor } from './list';
import {
  type Claim,
  claim,
  claimOf,
  depthOf,
  HASH_SEED,
  HOSTING,
  hashStep,
  newSuffixTable,
  OWN,
  raiseDepth,
  type SuffixTable,
  slotFor,
  slotOf,
} from './suffix-table';

export type Relation = 'vendor' | 'hosted-on';

export interface MatchResult {
  vendor: Vendor | null;
  relation: Relation | null;
  /** The domain of the vendor that matched ("herokuapp.com"). */
  domain: string | null;
}

export interface MatchIndex {
  /** Every vendor domain and every domain's two-label tail (see suffix-table.ts). */
  table: SuffixTable;
  vendors: readonly Vendor[];
}

/** What a host that is no vendor's matches. */
export const NO_MATCH: MatchResult = { vendor: null, relation: null, domain: null };
// DNS allows 127 labels; real hosts have a handful. Bounding keeps a look-up constant-time.
const MAX_LABELS = 12;
const MAX_INPUT = 2048;

/** A name the table holds: not one label (never a suffix we look up), and printable ASCII, as every
 * host is (plain, or from the URL parser): no other name can match. The table keeps its characters
 * as bytes, each name ended by a 0. */
const isTableName = (name: string) => name.includes('.') && !/[^!-~]/.test(name);

export function buildMatchIndex(list: Pick<SubprocessorList, 'vendors'>): MatchIndex {
  const each = (f: (domain: string, vendor: number, how: Claim) => void) =>
    list.vendors.forEach((vendor, i) => {
      for (const d of vendor.domains) f(d, i, OWN);
      for (const d of vendor.hostingDomains ?? []) f(d, i, HOSTING);
    });
  let names = 0;
  let chars = 0;
  each((domain) => {
    const tails = domain.indexOf('.') === domain.lastIndexOf('.') ? 1 : 2; // its tail is another name
    names += tails;
    chars += tails * domain.length;
  });
  const table = newSuffixTable(names, chars);
  each((domain, vendor, how) => {
    if (!isTableName(domain)) return;
    claim(table, slotFor(table, domain), how, vendor);
    const labels = readHost(domain, 0, domain.length, false);
    raiseDepth(table, slotFor(table, domain.slice(starts[2])), labels);
  });
  return { table, vendors: list.vendors };
}

// A plain host, what the badge and the popup match on every navigation, skips the URL parser: it is
// taken as it is (see readHost). Anything else (a URL, upper case, a port, an IDN) goes through the
// parser; both give the same host (tests/core/match-fast-paths.test.ts). Tab URLs are parsed once
// per navigation, by siteHostOf.
const DOT = 46;
const HYPHEN = 45;

// Where each suffix of the host last read starts, by its number of labels, and its hash
// (suffix-table.ts). One host at a time: reading and matching are synchronous.
// Sized for the most labels an input of 2,048 characters can have, so a write needs no bound check.
const starts = new Int32Array(MAX_INPUT / 2 + 2);
const hashes = new Int32Array(MAX_INPUT / 2 + 2);
/** The labels hostOfInput's last call recorded when its input was a plain host, else -1. */
let plainLabels = -1;

// Unsigned compares: one test per range, the cheapest check of a character in a hot loop.
const isDigit = (code: number) => (code - 48) >>> 0 <= 9;
const isLower = (code: number) => (code - 97) >>> 0 <= 25;

/** A label of a plain host: not empty, not punycode "xn--" (the URL parser validates those), and the
 * last label starts with a letter (never an IPv4 number) and is not "localhost" (never a site).
 * Hyphens and length are the URL parser's to allow, and it allows them. `first` is the code of the
 * label's first character, which the caller has read. */
function isPlainLabel(text: string, from: number, to: number, first: number, last: boolean) {
  return (
    to > from &&
    (!last || (isLower(first) && !(to - from === 9 && text.startsWith('localhost', from)))) &&
    !text.startsWith('xn--', from)
  );
}

/** Reads text[start, end) right to left as a host, recording its suffixes (`starts`, `hashes`) in
 * the same pass. Returns how many are recorded (at most MAX_LABELS), or, when `plain`, -1 unless
 * it is a plain host: two or more plain labels of lower-case letters, digits and hyphens. */
function readHost(text: string, start: number, end: number, plain: boolean): number {
  let labels = 0;
  let hash = HASH_SEED;
  let labelEnd = end;
  let after = DOT; // the code right of the one read: a label's first character when a dot is read
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (code === DOT) {
      if (plain && !isPlainLabel(text, i + 1, labelEnd, after, labels === 0)) return -1;
      starts[++labels] = i + 1;
      hashes[labels] = hash;
      labelEnd = i;
    } else if (plain && !isLower(code) && !isDigit(code) && code !== HYPHEN) return -1;
    after = code;
    hash = hashStep(hash, code);
  }
  if (plain && (labels === 0 || !isPlainLabel(text, start, labelEnd, after, false))) return -1;
  starts[++labels] = start;
  hashes[labels] = hash;
  return Math.min(labels, MAX_LABELS);
}

/** The host as the WHATWG URL parser reads it (lower case, punycode), trailing dots removed. */
export function hostByUrlParser(text: string): string | null {
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
    return host.toLowerCase().replace(/\.+$/, '');
  } catch {
    return null;
  }
}

/** The host of a URL or host text, lower case, punycode, without port or trailing dot; null for
 * IP addresses, localhost, single labels and anything unparseable. */
export function hostOfInput(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  plainLabels = readHost(input, 0, input.length, true);
  if (plainLabels >= 0) return input; // a plain host, as it is
  const text = input.trim();
  const host = text ? hostByUrlParser(text) : null;
  if (!host) return null;
  if (!host.includes('.') || host.startsWith('[') || /^[\d.]+$/.test(host) || host.endsWith('.localhost'))
    return null;
  return host;
}

/** The site a tab shows: the host of an http(s) address. Other schemes (file:, ftp:, chrome:,
 * about:, extension pages) describe no site, even with a host in them: the one rule for the badge
 * and the popup. */
export function siteHostOf(tabUrl: string | null | undefined): string | null {
  return typeof tabUrl === 'string' && /^https?:\/\//i.test(tabUrl) ? hostOfInput(tabUrl) : null;
}

/** The result for the suffix of `host` from `start`, in `slot`: its own vendor first, then a hosting
 * vendor; null if neither. */
function resultOf(index: MatchIndex, host: string, slot: number, start: number): MatchResult | null {
  const own = claimOf(index.table, slot, OWN);
  const at = own >= 0 ? own : claimOf(index.table, slot, HOSTING);
  if (at < 0) return null;
  // The hosting domain itself (herokuapp.com) is the vendor's; a name under it is a customer's.
  const relation = own >= 0 || start === 0 ? 'vendor' : 'hosted-on';
  return { vendor: index.vendors[at] as Vendor, relation, domain: start ? host.slice(start) : host };
}

/** The hash of a name's last two labels ("amazon.com" of "aws.amazon.com"), the suffix every host
 * that can match its domains shares: the key that site-shards.ts cuts the register by. */
export function tailHash(name: string): number {
  readHost(name, 0, name.length, false);
  return hashes[2] as number; // for a single label, any number: match never looks one up
}

const slotAt = (index: MatchIndex, host: string, labels: number) =>
  slotOf(index.table, host, starts[labels] as number, hashes[labels] as number);

/** The vendor a host belongs to: its longest suffix that is a vendor domain (aws.amazon.com finds
 * AWS, amazon.com never its parent). */
export function match(index: MatchIndex, hostOrUrl: string): MatchResult {
  const host = hostOfInput(hostOrUrl);
  if (!host) return NO_MATCH;
  // A plain host, what the badge and the popup pass, was read once: checked, its suffixes recorded.
  const labels = plainLabels >= 0 ? plainLabels : readHost(host, 0, host.length, false);
  const tail = slotAt(index, host, 2); // a host has two labels or more
  if (tail < 0) return NO_MATCH;
  // Longer suffixes first, from the deepest vendor domain under this tail.
  for (let at = Math.min(labels, depthOf(index.table, tail)); at > 2; at--) {
    const slot = slotAt(index, host, at);
    const found = slot < 0 ? null : resultOf(index, host, slot, starts[at] as number);
    if (found) return found;
  }
  return resultOf(index, host, tail, starts[2] as number) ?? NO_MATCH;
}

// Host -> vendor. A host is looked up suffix by suffix, most specific first, so aws.amazon.com finds
// AWS and amazon.com finds nothing (never the parent). One Map holds every vendor domain and every
// domain's last two labels ("amazon.com" for aws.amazon.com): a host whose last two labels are not
// there (most hosts a browser visits) costs one look-up, and the others only the suffixes as long
// as the deepest vendor domain under them.
import type { SubprocessorList, Vendor } from './list';
import { buildSuffixTable, findSlot, HASH_START, hashStep, type SuffixTable, valueA } from './suffix-table';

export type Relation = 'vendor' | 'hosted-on';

export interface MatchResult {
  vendor: Vendor | null;
  relation: Relation | null;
  /** The domain of the vendor that matched ("herokuapp.com"). */
  domain: string | null;
}

export interface MatchIndex {
  /** Domain or two-label tail -> packed entry (see pack). */
  entries: Map<string, number>;
  /** The same keys, probed without making suffix strings: value a is the own vendor + 1, value b
   * the hosting vendor + 1 times DEPTHS plus the depth. */
  table: SuffixTable;
  vendors: readonly Vendor[];
}

const NO_MATCH: MatchResult = { vendor: null, relation: null, domain: null };
// DNS allows 127 labels; real hosts have a handful. Bounding keeps a look-up constant-time.
const MAX_LABELS = 12;

// An entry packs three small numbers into one (a Map of numbers holds 150,000 domains without an
// object each): the vendor whose own domain it is (+1, 0 for none), the vendor hosting customers'
// sites under it (+1), and, for a two-label tail, the most labels of any vendor domain ending in it.
const DEPTHS = 16;
const VENDORS = 2 ** 22;
const pack = (own: number, hosting: number, depth: number) =>
  ((own + 1) * VENDORS + hosting + 1) * DEPTHS + depth;
const ownOf = (entry: number) => Math.floor(entry / DEPTHS / VENDORS) - 1;
const hostingOf = (entry: number) => (Math.floor(entry / DEPTHS) % VENDORS) - 1;
const depthOf = (entry: number) => entry % DEPTHS;

const labelCount = (domain: string) => {
  let labels = 1;
  for (let i = domain.indexOf('.'); i >= 0; i = domain.indexOf('.', i + 1)) labels++;
  return labels;
};

/** The last two labels of a name with at least one dot ("amazon.com" of "aws.amazon.com"). */
export function tailOf(name: string): string {
  const last = name.lastIndexOf('.');
  const before = name.lastIndexOf('.', last - 1);
  return before < 0 ? name : name.slice(before + 1);
}

export function buildMatchIndex(list: Pick<SubprocessorList, 'vendors'>): MatchIndex {
  const entries = new Map<string, number>();
  const update = (key: string, change: (e: { own: number; hosting: number; depth: number }) => void) => {
    const current = entries.get(key);
    const e =
      current === undefined
        ? { own: -1, hosting: -1, depth: 0 }
        : { own: ownOf(current), hosting: hostingOf(current), depth: depthOf(current) };
    change(e);
    entries.set(key, pack(e.own, e.hosting, e.depth));
  };
  const add = (domain: string, vendor: number, kind: 'own' | 'hosting') => {
    if (!domain.includes('.')) return; // a single label is never a suffix we look up
    // The first vendor to claim a domain keeps it.
    update(domain, (e) => {
      if (e[kind] < 0) e[kind] = vendor;
    });
    const labels = Math.min(labelCount(domain), DEPTHS - 1);
    update(tailOf(domain), (e) => {
      e.depth = Math.max(e.depth, labels);
    });
  };
  list.vendors.forEach((vendor, i) => {
    if (i >= VENDORS - 1) return;
    for (const d of vendor.domains) add(d, i, 'own');
    for (const d of vendor.hostingDomains ?? []) add(d, i, 'hosting');
  });
  const packed = [...entries.values()];
  const table = buildSuffixTable(
    [...entries.keys()],
    packed.map((e) => ownOf(e) + 1),
    packed.map((e) => (hostingOf(e) + 1) * DEPTHS + depthOf(e)),
  );
  return { entries, table, vendors: list.vendors };
}

// Tab URLs and clean hosts, the common case on every navigation, skip the URL parser: an optional
// http(s) scheme, lower-case ASCII labels of 1 to 63 letters, digits and inner hyphens (not punycode
// "xn--", which the parser validates), at least two, the last starting with a letter (so never an
// IPv4 number), an optional trailing dot, an optional port up to 65535, then the end or a path,
// query or fragment. Anything else goes through the parser; both give the same host
// (tests/core/match-fast-paths.test.ts). A scan by hand, since a regular expression cost more than
// the look-up it serves.
const MAX_PORT = 65_535;
const DOT = 46;
const HYPHEN = 45;
const COLON = 58;
const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const endsHost = (c: number) => c === 47 || c === 63 || c === 35; // / ? #

/** Where the host of a plain input starts (after its scheme): set by plainHostEnd. */
let plainStart = 0;

/** The end of the host of a plain input (before a trailing dot), or -1 for one the parser must read. */
function plainHostEnd(input: string): number {
  const length = input.length;
  let i = input.startsWith('https://') ? 8 : input.startsWith('http://') ? 7 : 0;
  plainStart = i;
  let labels = 0;
  let end = -1;
  for (;;) {
    // One label: [a-z0-9], then [a-z0-9-]* ending in [a-z0-9], at most 63, not "xn--...".
    // (Every read checks the length first: one read past the end made every later call slow.)
    if (i === length) break;
    const first = i;
    const firstCode = input.charCodeAt(i);
    if (!isLetter(firstCode) && !isDigit(firstCode)) break;
    let last = firstCode;
    for (i++; i < length; i++) {
      const c = input.charCodeAt(i);
      if (!isLetter(c) && !isDigit(c) && c !== HYPHEN) break;
      last = c;
    }
    if (last === HYPHEN || i - first > 63) return -1;
    if (firstCode === 120 && input.startsWith('n--', first + 1)) return -1;
    labels++;
    end = i;
    if (i === length || input.charCodeAt(i) !== DOT) {
      // The last label must start with a letter.
      if (labels < 2 || !isLetter(firstCode)) return -1;
      break;
    }
    i++; // past the dot; a trailing dot ends the host
    if (i === length || endsHost(input.charCodeAt(i)) || input.charCodeAt(i) === COLON) {
      if (labels < 2 || !isLetter(firstCode)) return -1;
      break;
    }
  }
  if (labels < 2 || end < 0) return -1;
  if (i < length && input.charCodeAt(i) === COLON) {
    let port = 0;
    const from = ++i;
    for (; i < length && isDigit(input.charCodeAt(i)); i++) port = port * 10 + input.charCodeAt(i) - 48;
    if (i === from || i - from > 5 || port > MAX_PORT) return -1;
  }
  return i === length || endsHost(input.charCodeAt(i)) ? end : -1;
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
  if (typeof input !== 'string' || input.length > 2048) return null;
  const end = plainHostEnd(input);
  if (end >= 0) {
    const host = plainStart === 0 && end === input.length ? input : input.slice(plainStart, end);
    return host.endsWith('.localhost') ? null : host;
  }
  return parsedHost(input);
}

/** hostOfInput for an input that is not plain: through the URL parser, then the same checks. */
function parsedHost(input: string): string | null {
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

/** The result for one key's entry: its own vendor first, then a hosting vendor; null if neither. */
function resultOf(index: MatchIndex, slot: number, text: string, at: number, end: number, start: number) {
  const { slots } = index.table;
  const own = valueA(slots[slot + 2] as number) - 1;
  const hosting = Math.floor((slots[slot + 3] as number) / DEPTHS) - 1;
  if (own >= 0)
    return {
      vendor: index.vendors[own] ?? null,
      relation: 'vendor',
      domain: text.slice(at, end),
    } as MatchResult;
  if (hosting >= 0) {
    // The hosting domain itself (herokuapp.com) is the vendor's; a name under it is a customer's.
    const relation: Relation = at === start ? 'vendor' : 'hosted-on';
    return { vendor: index.vendors[hosting] ?? null, relation, domain: text.slice(at, end) };
  }
  return null;
}

// Where each suffix longer than the tail starts, and its hash, by label count (scratch for match).
const suffixAt = new Int32Array(MAX_LABELS + 1);
const suffixHash = new Int32Array(MAX_LABELS + 1);

export function match(index: MatchIndex, hostOrUrl: string): MatchResult {
  if (typeof hostOrUrl !== 'string' || hostOrUrl.length > 2048) return NO_MATCH;
  const plainEnd = plainHostEnd(hostOrUrl);
  if (plainEnd >= 0) {
    if (hostOrUrl.startsWith('.localhost', plainEnd - 10)) return NO_MATCH;
    return matchRange(index, hostOrUrl, plainStart, plainEnd);
  }
  const host = parsedHost(hostOrUrl);
  return host ? matchRange(index, host, 0, host.length) : NO_MATCH;
}

/** The host text[start, end) matched: walked leftwards, hashing each character once. A suffix
 * starts after each dot; the one of two labels (the tail) is looked up first, since most hosts'
 * tails are no vendor's and that one look-up ends them. Longer suffixes are then tried longest
 * first, from the deepest vendor domain under the tail (at most MAX_LABELS labels). */
function matchRange(index: MatchIndex, text: string, start: number, end: number): MatchResult {
  const { table } = index;
  let hash = HASH_START;
  let labels = 1;
  let tailAt = -1;
  let tailSlot = -1;
  let depth = 0;
  let i = end - 1;
  for (; i >= start; i--) {
    const code = text.charCodeAt(i);
    // The suffix after this dot has labels - 1 labels (the last label alone is never looked up).
    if (code === DOT && ++labels > 2) {
      if (tailAt < 0) {
        tailAt = i + 1;
        tailSlot = findSlot(table, text, tailAt, end, hash);
        if (tailSlot < 0) return NO_MATCH;
        depth = Math.min((table.slots[tailSlot + 3] as number) % DEPTHS, MAX_LABELS);
      } else {
        suffixAt[labels - 1] = i + 1;
        suffixHash[labels - 1] = hash;
      }
      if (labels > depth) break;
    }
    hash = hashStep(hash, code);
  }
  let longest = labels - 1;
  if (i < start) {
    // The whole host is a suffix too.
    if (tailAt < 0) {
      if (labels < 2) return NO_MATCH;
      tailAt = start;
      tailSlot = findSlot(table, text, start, end, hash);
      if (tailSlot < 0) return NO_MATCH;
      depth = Math.min((table.slots[tailSlot + 3] as number) % DEPTHS, MAX_LABELS);
    } else if (labels <= depth) {
      longest = labels;
      suffixAt[labels] = start;
      suffixHash[labels] = hash;
    }
  }
  for (let k = Math.min(longest, depth); k > 2; k--) {
    const at = suffixAt[k] as number;
    const slot = findSlot(table, text, at, end, suffixHash[k] as number);
    const found = slot < 0 ? null : resultOf(index, slot, text, at, end, start);
    if (found) return found;
  }
  return resultOf(index, tailSlot, text, tailAt, end, start) ?? NO_MATCH;
}

// Host -> vendor. A host is looked up suffix by suffix, most specific first, so aws.amazon.com finds
// AWS and amazon.com finds nothing (never the parent). One Map holds every vendor domain and every
// domain's last two labels ("amazon.com" for aws.amazon.com): a host whose last two labels are not
// there (most hosts a browser visits) costs one look-up, and the others only the suffixes as long
// as the deepest vendor domain under them.
import type { SubprocessorList, Vendor } from './list';

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
  return { entries, vendors: list.vendors };
}

// Tab URLs and clean hosts, the common case on every navigation, skip the URL parser: an optional
// http(s) scheme, lower-case ASCII labels (not punycode "xn--", which the parser validates), a last
// label that starts with a letter (so never an IPv4 number), an optional port, then the path.
// Anything else goes through the parser; both give the same host (tests/core/match-host.test.ts).
const LABEL = '(?!xn--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PLAIN = new RegExp(
  `^(?:https?://)?((?:${LABEL}\\.)+(?!xn--)[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)\\.?(?::(\\d{1,5}))?(?=[/?#]|$)`,
);
const MAX_PORT = 65_535;

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
  const plain = PLAIN.exec(input);
  let host: string | null;
  if (plain && Number(plain[2] ?? 0) <= MAX_PORT) host = plain[1] as string;
  else {
    const text = input.trim();
    host = text ? hostByUrlParser(text) : null;
  }
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

/** The result for one suffix's entry: its own vendor first, then a hosting vendor; null if neither. */
function resultOf(index: MatchIndex, host: string, suffix: string, entry: number): MatchResult | null {
  const own = ownOf(entry);
  const hosting = hostingOf(entry);
  if (own >= 0) return { vendor: index.vendors[own] ?? null, relation: 'vendor', domain: suffix };
  if (hosting >= 0) {
    // The hosting domain itself (herokuapp.com) is the vendor's; a name under it is a customer's.
    const relation: Relation = suffix === host ? 'vendor' : 'hosted-on';
    return { vendor: index.vendors[hosting] ?? null, relation, domain: suffix };
  }
  return null;
}

export function match(index: MatchIndex, hostOrUrl: string): MatchResult {
  const host = hostOfInput(hostOrUrl);
  if (!host) return NO_MATCH;
  const tail = tailOf(host);
  const tailEntry = index.entries.get(tail);
  if (tailEntry === undefined) return NO_MATCH;
  // Longer suffixes first, from the deepest vendor domain under this tail (at most MAX_LABELS).
  const labels = labelCount(host);
  let at = 0;
  for (let skip = labels - Math.min(depthOf(tailEntry), MAX_LABELS); skip > 0; skip--)
    at = host.indexOf('.', at) + 1;
  for (; at < host.length - tail.length; at = host.indexOf('.', at) + 1) {
    const suffix = at === 0 ? host : host.slice(at);
    const entry = index.entries.get(suffix);
    const found = entry === undefined ? null : resultOf(index, host, suffix, entry);
    if (found) return found;
  }
  return resultOf(index, host, tail, tailEntry) ?? NO_MATCH;
}

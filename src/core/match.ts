// Host -> vendor. One Map per kind of domain; a host is looked up suffix by suffix, most specific
// first, so aws.amazon.com finds AWS and amazon.com finds nothing (never the parent).
import type { SubprocessorList, Vendor } from './list';

export type Relation = 'vendor' | 'hosted-on';

export interface MatchResult {
  vendor: Vendor | null;
  relation: Relation | null;
  /** The domain of the vendor that matched ("herokuapp.com"). */
  domain: string | null;
}

export interface MatchIndex {
  own: Map<string, number>;
  hosting: Map<string, number>;
  vendors: readonly Vendor[];
}

const NO_MATCH: MatchResult = { vendor: null, relation: null, domain: null };
// DNS allows 127 labels; real hosts have a handful. Bounding keeps a look-up constant-time.
const MAX_LABELS = 12;

export function buildMatchIndex(list: Pick<SubprocessorList, 'vendors'>): MatchIndex {
  const own = new Map<string, number>();
  const hosting = new Map<string, number>();
  list.vendors.forEach((vendor, i) => {
    for (const d of vendor.domains) if (!own.has(d)) own.set(d, i);
    for (const d of vendor.hostingDomains ?? []) if (!hosting.has(d)) hosting.set(d, i);
  });
  return { own, hosting, vendors: list.vendors };
}

/** The host of a URL or host text, lower case, punycode, without port or trailing dot; null for
 * IP addresses, localhost, single labels and anything unparseable. */
export function hostOfInput(input: string): string | null {
  if (typeof input !== 'string' || input.length > 2048) return null;
  const text = input.trim();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.toLowerCase().replace(/\.+$/, '');
  if (!host.includes('.') || host.startsWith('[') || /^[\d.]+$/.test(host) || host.endsWith('.localhost'))
    return null;
  return host;
}

export function match(index: MatchIndex, hostOrUrl: string): MatchResult {
  const host = hostOfInput(hostOrUrl);
  if (!host) return NO_MATCH;
  const labels = host.split('.');
  const from = Math.max(0, labels.length - MAX_LABELS);
  for (let i = from; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const own = index.own.get(suffix);
    if (own !== undefined) return { vendor: index.vendors[own] ?? null, relation: 'vendor', domain: suffix };
    const hosted = index.hosting.get(suffix);
    if (hosted !== undefined) {
      // The hosting domain itself (herokuapp.com) is the vendor's; a name under it is a customer's.
      const relation: Relation =
        i === labels.length - suffix.split('.').length && suffix === host ? 'vendor' : 'hosted-on';
      return { vendor: index.vendors[hosted] ?? null, relation, domain: suffix };
    }
  }
  return NO_MATCH;
}

// Which entries of two lists are the same vendor: the same name up to legal form and punctuation
// ("Stripe, Inc." = "Stripe"), or the same website host (a rename keeps its site). The rule is the one
// parse uses to merge duplicates inside one list (parse/build-vendors.ts), so lists agree with it.
import type { Vendor } from '../list';
import { hostOf } from '../normalize/url';

// "Stripe, Inc." and "Stripe" are one vendor: legal forms and punctuation do not distinguish.
const LEGAL_FORM =
  /\b(inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|corp|corporation|co|company|sa|sas|sarl|s\.a|bv|b\.v|nv|ab|as|plc|pty|ag|oy|srl|spa|kk|pte)\b\.?/g;

export function vendorKey(name: string): string {
  return name
    .toLowerCase()
    .replace(LEGAL_FORM, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export type Identifiable = Pick<Vendor, 'name' | 'website' | 'domains'>;

/** The name without legal form and punctuation; a name made only of those keeps its folded text. */
export function nameKey(name: string): string {
  return vendorKey(name) || name.trim().toLowerCase();
}

export function nameKeyOf(vendor: Identifiable): string {
  return nameKey(vendor.name);
}

/** The host of the vendor's website (normalize/url.ts hostOf); null without a usable website. */
export function websiteHostOf(vendor: Pick<Vendor, 'website'>): string | null {
  return vendor.website ? hostOf(vendor.website) : null;
}

/** The website's host, or the first listed domain when there is no website. `websiteHost`: the
 * vendor's websiteHostOf, when the caller has it already (hostOf parses a URL). */
export function hostKeyOf(vendor: Identifiable, websiteHost = websiteHostOf(vendor)): string | null {
  return websiteHost ?? vendor.domains[0] ?? null;
}

/** The keys a vendor is known by, name first: "n:<name key>", and "h:<host key>" when it has a host. */
export function identityKeysOf(vendor: Identifiable, websiteHost = websiteHostOf(vendor)): string[] {
  const name = `n:${nameKeyOf(vendor)}`;
  const host = hostKeyOf(vendor, websiteHost);
  return host === null ? [name] : [name, `h:${host}`];
}

export interface Pairing {
  /** [index in before, index in after] for each vendor found in both. */
  pairs: Array<[number, number]>;
  /** Indices in before with no partner: removed. */
  unpairedBefore: number[];
  /** Indices in after with no partner: added. */
  unpairedAfter: number[];
}

function queues(vendors: readonly Identifiable[], keyOf: (v: Identifiable) => string | null) {
  const map = new Map<string, number[]>();
  vendors.forEach((vendor, i) => {
    const key = keyOf(vendor);
    if (key === null) return;
    const queue = map.get(key);
    if (queue) queue.push(i);
    else map.set(key, [i]);
  });
  return map;
}

/**
 * Pairs the vendors of two lists, by name first and by host for the rest. Deterministic: within one
 * key, entries pair in list order (a list normally has no duplicates; parse merges them).
 */
export function pairVendors(before: readonly Identifiable[], after: readonly Identifiable[]): Pairing {
  const used = new Set<number>();
  const partner: Array<number | undefined> = after.map(() => undefined);
  for (const keyOf of [nameKeyOf, hostKeyOf]) {
    const byKey = queues(before, keyOf);
    after.forEach((vendor, j) => {
      if (partner[j] !== undefined) return;
      const key = keyOf(vendor);
      const i = (key === null ? undefined : byKey.get(key))?.find((k) => !used.has(k));
      if (i === undefined) return;
      used.add(i);
      partner[j] = i;
    });
  }
  const pairs: Array<[number, number]> = [];
  const unpairedAfter: number[] = [];
  partner.forEach((i, j) => {
    if (i === undefined) unpairedAfter.push(j);
    else pairs.push([i, j]);
  });
  const unpairedBefore = before.map((_, i) => i).filter((i) => !used.has(i));
  return { pairs, unpairedBefore, unpairedAfter };
}

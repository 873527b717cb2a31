// The register merge as it was before it became linear (core/register/merge.ts, until December
// 2026): each vendor searched the entries that answered to its keys, and each vendor was copied with
// structuredClone. Kept only as the reference the linear merge must agree with
// (tests/core/register/merge-linear.test.ts).
import type { Certification, Flag, Listing, ListSource, SubprocessorList, Vendor } from '../../src/core/list';
import { LIST_FORMAT } from '../../src/core/list';
import { hostOf } from '../../src/core/normalize/url';
import type { ListInput, MergeOptions } from '../../src/core/register/merge';
import { hostKeyOf, nameKeyOf } from '../../src/core/register/vendor-identity';

function union(a: string[], b: readonly string[]): string[] {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()))];
}

function unionBy<T>(a: T[], b: readonly T[], keyOf: (x: T) => string): T[] {
  const seen = new Set(a.map(keyOf));
  return [...a, ...b.filter((x) => !seen.has(keyOf(x)))];
}

const certKey = (c: Certification) => `${c.id}:${c.label}`;
const flagKey = (f: Flag) => `${f.id}:${JSON.stringify(f.params ?? {})}`;

function listing(sourceId: string, list: SubprocessorList, vendor: Vendor): Listing {
  return {
    sourceId,
    title: list.source.title,
    location: { ...vendor.location },
    dpa: { ...vendor.dpa },
  };
}

/** A copy of the first listing's vendor: the register never shares objects with its inputs. */
function start(vendor: Vendor, own: Listing): Vendor {
  const { listedBy: _ignored, ...facts } = structuredClone(vendor);
  return { ...facts, listedBy: [own] };
}

const websiteHostOf = (vendor: Vendor) => (vendor.website ? hostOf(vendor.website) : null);

/** Whether two lists' vendors may be one entry: the same website host, or neither has one. */
function websitesAgree(a: Vendor, b: Vendor): boolean {
  return websiteHostOf(a) === websiteHostOf(b);
}

function addTo(entry: Vendor, vendor: Vendor, own: Listing): void {
  // Same website host (websitesAgree), so each list's domains are claims about the same site.
  entry.domains = union(entry.domains, vendor.domains);
  if (vendor.hostingDomains?.length)
    entry.hostingDomains = union(entry.hostingDomains ?? [], vendor.hostingDomains);
  if (vendor.unverifiedDomains?.length)
    entry.unverifiedDomains = union(entry.unverifiedDomains ?? [], vendor.unverifiedDomains);
  if (!entry.location.text && vendor.location.text) entry.location = { ...vendor.location };
  if (entry.dpa.status === 'unknown' && vendor.dpa.status !== 'unknown') entry.dpa = { ...vendor.dpa };
  entry.certifications = unionBy(entry.certifications, structuredClone(vendor.certifications), certKey);
  entry.dataProcessed = union(entry.dataProcessed, vendor.dataProcessed);
  entry.use = union(entry.use, vendor.use);
  entry.flags = unionBy(entry.flags, structuredClone(vendor.flags), flagKey);
  // A list that names the vendor twice is one listing: its first entry speaks for it.
  const listedBy = entry.listedBy ?? [];
  if (!listedBy.some((l) => l.sourceId === own.sourceId)) entry.listedBy = [...listedBy, own];
}

function registerSource(inputs: readonly ListInput[], options: MergeOptions): ListSource {
  const only = inputs.length === 1 ? inputs[0] : undefined;
  if (only && options.title === undefined) return { ...only.list.source };
  const dates = inputs.map((i) => i.list.source.updated).filter((d): d is string => d !== null);
  return {
    title: options.title ?? inputs.map((i) => i.list.source.title).join(', '),
    url: only ? only.list.source.url : null,
    // The newest list's date: the register is as current as its most recent part.
    updated: dates.sort().at(-1) ?? null,
  };
}

function keysOf(vendor: Vendor): string[] {
  const host = hostKeyOf(vendor);
  return host === null ? [`n:${nameKeyOf(vendor)}`] : [`n:${nameKeyOf(vendor)}`, `h:${host}`];
}

/**
 * Merges lists in priority order. Vendors are the same by name key or website host, as inside one
 * list (vendor-identity.ts), and only when their website hosts agree; the register keeps first-seen order. Items, certifications, domains
 * and findings are unions; a vendor's listedBy names each list once, in input order.
 * A register entry takes at most one vendor from each list: two entries one list keeps apart stay
 * apart (with their own listings) even when a third vendor resembles both.
 */
export function referenceMerge(inputs: readonly ListInput[], options: MergeOptions = {}): SubprocessorList {
  const byKey = new Map<string, Vendor[]>();
  const vendors: Vendor[] = [];
  for (const { sourceId, list } of inputs) {
    const taken = new Set<Vendor>();
    for (const vendor of list.vendors) {
      const keys = keysOf(vendor);
      const own = listing(sourceId, list, vendor);
      let entry = keys
        .flatMap((k) => byKey.get(k) ?? [])
        .find((e) => !taken.has(e) && websitesAgree(e, vendor));
      if (entry) addTo(entry, vendor, own);
      else {
        entry = start(vendor, own);
        vendors.push(entry);
      }
      taken.add(entry);
      // The entry answers to every name and host a list gave it, so a third list can find it.
      for (const key of keys) {
        const holders = byKey.get(key);
        if (!holders) byKey.set(key, [entry]);
        else if (!holders.includes(entry)) holders.push(entry);
      }
    }
  }
  return { format: LIST_FORMAT, source: registerSource(inputs, options), vendors };
}

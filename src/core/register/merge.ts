// One register from several lists: a vendor named by several companies appears once, and says who
// names it (listedBy), with each list's own location and DPA status, since each company signs its
// own DPA. The lists come in priority order: the first list that names a vendor gives its name and
// website, and the first that states a location or DPA status gives the top-level one.
// Lists are one vendor only where they agree on its website: a list that names its vendor "Stripe"
// but gives it another site (or none, against a site) is its own entry, so a card never shows one
// list's claim about a site under another list's name.
import type { Certification, Flag, Listing, ListSource, SubprocessorList, Vendor } from '../list';
import { LIST_FORMAT } from '../list';
import { identityKeysOf, websiteHostOf } from './vendor-identity';

export interface ListInput {
  /** The stored source's id: stable across refreshes, unlike its title. */
  sourceId: string;
  list: SubprocessorList;
}

export interface MergeOptions {
  /** The register's title when several lists merge; default: their titles joined. */
  title?: string;
}

// Unions make new arrays; the entry's other fields are replaced, never changed in place.
function union(a: readonly string[], b: readonly string[]): string[] {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()))];
}

function unionBy<T>(a: readonly T[], b: readonly T[], keyOf: (x: T) => string, copy: (x: T) => T): T[] {
  const seen = new Set(a.map(keyOf));
  return [...a, ...b.filter((x) => !seen.has(keyOf(x))).map(copy)];
}

const certKey = (c: Certification) => `${c.id}:${c.label}`;
const flagKey = (f: Flag) => `${f.id}:${JSON.stringify(f.params ?? {})}`;
const copyCert = (c: Certification): Certification => ({ ...c });
const copyFlag = (f: Flag): Flag => (f.params ? { ...f, params: { ...f.params } } : { ...f });

function listing(sourceId: string, list: SubprocessorList, vendor: Vendor): Listing {
  return {
    sourceId,
    title: list.source.title,
    location: { ...vendor.location },
    dpa: { ...vendor.dpa },
  };
}

/** A copy of the first listing's vendor: the register never shares objects with its inputs. Copied
 * field by field, in the order of the vendor schema (core/list.ts: strings, arrays of strings and
 * small objects; keys the schema does not know are not copied, as validation drops them), which
 * costs a fraction of structuredClone over 10,000 vendors. */
function start(vendor: Vendor, own: Listing): Vendor {
  return {
    name: vendor.name,
    website: vendor.website,
    domains: [...vendor.domains],
    ...(vendor.hostingDomains && { hostingDomains: [...vendor.hostingDomains] }),
    ...(vendor.unverifiedDomains && { unverifiedDomains: [...vendor.unverifiedDomains] }),
    location: { ...vendor.location },
    certifications: vendor.certifications.map(copyCert),
    dataProcessed: [...vendor.dataProcessed],
    use: [...vendor.use],
    dpa: { ...vendor.dpa },
    flags: vendor.flags.map(copyFlag),
    listedBy: [own],
  };
}

function addTo(entry: Vendor, vendor: Vendor, own: Listing): void {
  // Same website host (the entry's bucket), so each list's domains are claims about the same site.
  entry.domains = union(entry.domains, vendor.domains);
  if (vendor.hostingDomains?.length)
    entry.hostingDomains = union(entry.hostingDomains ?? [], vendor.hostingDomains);
  if (vendor.unverifiedDomains?.length)
    entry.unverifiedDomains = union(entry.unverifiedDomains ?? [], vendor.unverifiedDomains);
  if (!entry.location.text && vendor.location.text) entry.location = { ...vendor.location };
  if (entry.dpa.status === 'unknown' && vendor.dpa.status !== 'unknown') entry.dpa = { ...vendor.dpa };
  entry.certifications = unionBy(entry.certifications, vendor.certifications, certKey, copyCert);
  entry.dataProcessed = union(entry.dataProcessed, vendor.dataProcessed);
  entry.use = union(entry.use, vendor.use);
  entry.flags = unionBy(entry.flags, vendor.flags, flagKey, copyFlag);
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

/**
 * The register entries known by one identity key with one website host, in the order they first
 * answered to it. firstUntaken skips the entries the current list has already taken: those stay
 * taken until the list ends, so its cursor only moves forward (each entry is passed once per list).
 */
interface Bucket {
  entries: Vendor[];
  members: Set<Vendor>;
  /** The list (its position in the inputs) the cursor belongs to. */
  list: number;
  cursor: number;
}

function firstUntaken(bucket: Bucket | undefined, list: number, taken: Set<Vendor>): Vendor | undefined {
  if (!bucket) return undefined;
  if (bucket.list !== list) {
    bucket.list = list;
    bucket.cursor = 0;
  }
  while (bucket.cursor < bucket.entries.length) {
    const entry = bucket.entries[bucket.cursor] as Vendor;
    if (!taken.has(entry)) return entry;
    bucket.cursor++;
  }
  return undefined;
}

/**
 * Merges lists in priority order. Vendors are the same by name key or website host, as inside one
 * list (vendor-identity.ts), and only when their website hosts agree; the register keeps first-seen
 * order. Items, certifications, domains and findings are unions; a vendor's listedBy names each list
 * once, in input order. A register entry takes at most one vendor from each list: two entries one
 * list keeps apart stay apart (with their own listings) even when a third vendor resembles both.
 * Linear in the vendors: entries are found by identity key and website host in a Map, never by a
 * search over the register.
 */
export function mergeLists(inputs: readonly ListInput[], options: MergeOptions = {}): SubprocessorList {
  // Keyed by identity key and website host: an entry's website (its first listing's) never changes,
  // so the bucket holds exactly the entries whose website agrees with a vendor of that host.
  const buckets = new Map<string, Bucket>();
  const vendors: Vendor[] = [];
  inputs.forEach(({ sourceId, list }, at) => {
    const taken = new Set<Vendor>();
    for (const vendor of list.vendors) {
      const site = websiteHostOf(vendor);
      const keys = identityKeysOf(vendor, site).map((key) => `${key}\n${site ?? ''}`);
      const own = listing(sourceId, list, vendor);
      // The name first, then the host, as the entries answered to them.
      let entry: Vendor | undefined;
      for (const key of keys) {
        entry = firstUntaken(buckets.get(key), at, taken);
        if (entry) break;
      }
      if (entry) addTo(entry, vendor, own);
      else {
        entry = start(vendor, own);
        vendors.push(entry);
      }
      taken.add(entry);
      // The entry answers to every name and host a list gave it, so a third list can find it.
      for (const key of keys) {
        const bucket = buckets.get(key);
        if (!bucket) buckets.set(key, { entries: [entry], members: new Set([entry]), list: at, cursor: 0 });
        else if (!bucket.members.has(entry)) {
          bucket.entries.push(entry);
          bucket.members.add(entry);
        }
      }
    }
  });
  return { format: LIST_FORMAT, source: registerSource(inputs, options), vendors };
}

/** Whether the register merges several lists: only then does "Listed by" tell the reader anything. */
export function mergesSeveralLists(list: Pick<SubprocessorList, 'vendors'>): boolean {
  const ids = new Set<string>();
  for (const vendor of list.vendors) for (const listing of vendor.listedBy ?? []) ids.add(listing.sourceId);
  return ids.size > 1;
}

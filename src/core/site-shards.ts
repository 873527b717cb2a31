// The register laid out for readers that know a host, so that they read a few KB instead of the
// whole register. A host can only match a vendor domain that shares the host's last two labels
// (match.ts looks up suffixes of the host, which all end in those two labels), so the domains are
// cut into shards by a hash of those two labels: a host's shard holds every domain it can match,
// each with the register index of the vendor that lists it. Matching the host against its shard
// gives what matching it against the whole register gives (same first claim, same depth under the
// tail). The vendors themselves sit in chunks of consecutive register indices, each stored once.
import type { SubprocessorList, Vendor } from './list';
import { buildMatchIndex, type MatchIndex, match, type Relation, tailHash } from './match';

/** About this many vendors' domains per shard, at most MAX_SHARDS shards. */
export const VENDORS_PER_SHARD = 64;
export const MAX_SHARDS = 1024;
/** Vendors per chunk: a card or badge reads one chunk. */
export const CHUNK_SIZE = 64;

/** How many shards a register of `vendorCount` vendors gets: a power of two, so a hash picks one. */
export function shardCountFor(vendorCount: number): number {
  let count = 1;
  while (count < MAX_SHARDS && count * VENDORS_PER_SHARD < vendorCount) count *= 2;
  return count;
}

/** The shard of a host or vendor domain: the hash of its last two labels. `count` is a power of two. */
export function shardOf(name: string, count: number): number {
  // The matcher's own hash (suffix-table.ts): FNV-1a, the same number in every browser and in Node.
  return tailHash(name) & (count - 1);
}

/** The chunk that holds the vendor at a register index. */
export function chunkOf(index: number, chunkSize = CHUNK_SIZE): number {
  return Math.floor(index / chunkSize);
}

/** A domain in a shard: [domain, register index of its vendor, 1 for a hosting domain else 0]. */
export type ShardEntry = [string, number, 0 | 1];

/** Every own and hosting domain of the register in its shard, in register order. A single label is
 * left out: match.ts never looks one up. */
export function shardEntries(list: Pick<SubprocessorList, 'vendors'>, count: number): ShardEntry[][] {
  const shards: ShardEntry[][] = Array.from({ length: count }, () => []);
  list.vendors.forEach((vendor: Vendor, index) => {
    const add = (domain: string, hosting: 0 | 1) => {
      if (domain.includes('.')) shards[shardOf(domain, count)]?.push([domain, index, hosting]);
    };
    for (const domain of vendor.domains) add(domain, 0);
    for (const domain of vendor.hostingDomains ?? []) add(domain, 1);
  });
  return shards;
}

/** A shard ready to match hosts: a match index over its domains, vendor by vendor in register order. */
export interface ShardIndex {
  index: MatchIndex;
  /** The register index of each vendor of `index`. */
  registerIndices: number[];
}

export function shardIndexOf(entries: readonly ShardEntry[]): ShardIndex {
  const byVendor = new Map<number, Pick<Vendor, 'domains' | 'hostingDomains'>>();
  for (const [domain, at, hosting] of entries) {
    let vendor = byVendor.get(at);
    if (!vendor) {
      vendor = { domains: [], hostingDomains: [] };
      byVendor.set(at, vendor);
    }
    (hosting ? (vendor.hostingDomains as string[]) : vendor.domains).push(domain);
  }
  const registerIndices = [...byVendor.keys()].sort((a, b) => a - b);
  const vendors = registerIndices.map((at) => byVendor.get(at)) as Vendor[];
  return { index: buildMatchIndex({ vendors }), registerIndices };
}

export interface ShardMatch {
  /** The register index of the vendor found; null for none. */
  at: number | null;
  relation: Relation | null;
  domain: string | null;
}

/** A host matched against its shard: what match() against the whole register finds, by index. */
export function matchInShard(shard: ShardIndex, host: string): ShardMatch {
  const found = match(shard.index, host);
  const position = found.vendor ? shard.index.vendors.indexOf(found.vendor) : -1;
  const at = position < 0 ? null : (shard.registerIndices[position] ?? null);
  return { at, relation: at === null ? null : found.relation, domain: at === null ? null : found.domain };
}

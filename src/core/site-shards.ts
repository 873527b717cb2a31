// The register cut into shards by site, so that a reader that knows a host reads one small shard
// instead of the whole register. A host can only match a vendor domain that shares the host's last
// two labels (match.ts looks up suffixes of the host, which all end in those two labels), so a shard
// named by a hash of those two labels holds every vendor the host can match: matching the host within
// its shard gives what matching it within the register gives. Vendors keep their register order in a
// shard (the first vendor to claim a domain keeps it), and each shard says where its vendors sit in
// the register, so the shards together give the register back.
import type { SubprocessorList, Vendor } from './list';
import { tailOf } from './match';

/** About this many vendors per shard (more where vendors share a tail), at most MAX_SHARDS shards. */
export const VENDORS_PER_SHARD = 32;
export const MAX_SHARDS = 1024;

/** How many shards a register of `vendorCount` vendors gets: a power of two, so a hash picks one. */
export function shardCountFor(vendorCount: number): number {
  let count = 1;
  while (count < MAX_SHARDS && count * VENDORS_PER_SHARD < vendorCount) count *= 2;
  return count;
}

/** FNV-1a over the name's UTF-16 code units: the same number in every browser and in Node. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The shard of a host or vendor domain: the hash of its last two labels. `count` is a power of two. */
export function shardOf(name: string, count: number): number {
  return hash(tailOf(name)) & (count - 1);
}

function matchable(domains: readonly string[] | undefined): string[] {
  // match.ts never looks up a single label, so such a domain never decides a shard.
  return (domains ?? []).filter((d) => d.includes('.'));
}

/**
 * The register index of every vendor in each shard, in register order. A vendor is in the shard of
 * each of its own and hosting domains; one with none that can match (no dotted domain) is put in
 * shard index % count, so that every vendor is in at least one shard.
 */
export function shardMembers(list: Pick<SubprocessorList, 'vendors'>, count: number): number[][] {
  const members: number[][] = Array.from({ length: count }, () => []);
  list.vendors.forEach((vendor: Vendor, index) => {
    const shards = new Set(
      [...matchable(vendor.domains), ...matchable(vendor.hostingDomains)].map((d) => shardOf(d, count)),
    );
    if (shards.size === 0) shards.add(index % count);
    for (const shard of shards) members[shard]?.push(index);
  });
  return members;
}

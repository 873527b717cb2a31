// The read views: what the hot readers need, made from the store record when it is written, and
// written in the same storage.local.set() as the record (store/record-io.ts), so they never disagree
// with it. The worker's badge and the popup's first paint read a few KB for the host they look at,
// instead of the whole record (0.5 s for 10,000 vendors); the popup's search reads every vendor
// chunk, still far cheaper than the record (store/packed-json.ts says why).
//   lens.view            the head: a stamp for this build of the views, the record revision and the
//                        extension version they were made from, the layout, the register's source line
//   lens.view.site.N     shard N, packed: the domains whose last two labels hash to N, each with the
//                        register index of its vendor (core/site-shards.ts)
//   lens.view.vendors.K  chunk K, packed: the vendors at register indices K * chunkSize onwards, with
//                        their latest additions (for "new")
// The register is validated here, when a writer made it, and where the record was read from storage
// (store/record.ts checks each list); readers check only the shape (store/lookup-read.ts).

import { type ListSource, type SubprocessorList, type Vendor, validateList } from '../../core/list';
import { mergesSeveralLists } from '../../core/register/merge';
import { latestAdditions } from '../../core/register/recent-additions';
import { identityKeysOf } from '../../core/register/vendor-identity';
import { CHUNK_SIZE, MAX_SHARDS, type ShardEntry, shardCountFor, shardEntries } from '../../core/site-shards';
import { browser } from '../browser';
import { LOOKUP_KEY, siteShardKey, vendorChunkKey } from './keys';
import { packEach } from './packed-json';
import type { StoreRecord } from './record';
import { registerOf } from './register';

/** Bumped when the views' shape changes: a head of another format is rebuilt, never read. */
// 2: findings as ids with params instead of English sentences.
export const LOOKUP_FORMAT = 2;

/** Parts packed at a time. All 413 parts of a 10,000-vendor register at once held every part's JSON
 * and compression stream in memory together, for no gain: rebuilds in Chromium took a median
 * 896 ms packing 4 at a time and 906 ms packing all at once (6 each, alternating, same run). */
const PACKING_WIDTH = 4;

export interface LookupHead {
  format: number;
  /** Unique to one build of the views; every shard and chunk of the build carries it. */
  stamp: string;
  /** The extension version that built them: the bundled snapshot in them is that version's. */
  version: string;
  /** The revision of the record they were made from; null when none was stored or readable. */
  revision: number | null;
  /** How many site shards (a power of two); 0 when the record was written without views (they did
   * not fit in storage): readers then read the record. */
  shards: number;
  /** Vendors per chunk. */
  chunkSize: number;
  vendorCount: number;
  /** The register's source line (title, url, updated). */
  source: ListSource;
  /** Whether the register merges several lists (the card then says who lists a vendor). */
  severalLists: boolean;
  /** Set when the record was written without the views: they describe an older one. */
  stale?: true;
}

export interface SiteShardValue {
  stamp: string;
  shard: number;
  entries: ShardEntry[];
}

export interface VendorChunkValue {
  stamp: string;
  chunk: number;
  vendors: Vendor[];
  /** [identity key, ISO time] of these vendors' latest additions (core/recent-additions.ts). */
  additions: [string, string][];
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

export function chunkCount(head: Pick<LookupHead, 'vendorCount' | 'chunkSize'>): number {
  return Math.ceil(head.vendorCount / head.chunkSize);
}

function headOf(revision: number | null, fields: Partial<LookupHead>): LookupHead {
  return {
    format: LOOKUP_FORMAT,
    stamp: `${revision ?? 'none'}.${crypto.randomUUID()}`,
    version: extensionVersion(),
    revision,
    shards: 0,
    chunkSize: CHUNK_SIZE,
    vendorCount: 0,
    source: { title: '', url: null, updated: null },
    severalLists: false,
    ...fields,
  };
}

export interface BuildOptions {
  /** Every list in the record has passed the schema already: it was just read from storage
   * (store/record.ts readStoreRecord checks each list), so the register merged from them needs no
   * second check (40 ms at 10,000 vendors). A record made by a writer is checked. */
  listsValidated?: boolean;
}

/** The register the views are made of: merged from the record's lists, checked unless they were. */
async function registerToWrite(record: StoreRecord | null, options: BuildOptions): Promise<SubprocessorList> {
  const { list } = await registerOf(record);
  if (options.listsValidated) return list;
  const checked = validateList(list);
  if (!checked.ok) throw new Error(`the register fails its schema: ${checked.issues.join('; ')}`);
  return checked.list;
}

/** The views of a record (null: nothing stored or readable, so the bundled list), as storage items. */
export async function buildLookup(
  record: StoreRecord | null,
  options: BuildOptions = {},
): Promise<Record<string, unknown>> {
  const register = await registerToWrite(record, options);
  const { vendors } = register;
  const head = headOf(record?.revision ?? null, {
    shards: shardCountFor(vendors.length),
    vendorCount: vendors.length,
    source: register.source,
    severalLists: mergesSeveralLists(register),
  });
  const additions = latestAdditions(record ? Object.values(record.sources).flatMap((s) => s.history) : []);
  const { stamp } = head;
  // Each part's value is made when its turn to be packed comes, so only a few are in memory at once.
  const parts: [string, () => unknown][] = shardEntries(register, head.shards).map((entries, shard) => [
    siteShardKey(shard),
    () => ({ stamp, shard, entries }) satisfies SiteShardValue,
  ]);
  for (let chunk = 0; chunk < chunkCount(head); chunk++)
    parts.push([
      vendorChunkKey(chunk),
      () => {
        const part = vendors.slice(chunk * head.chunkSize, (chunk + 1) * head.chunkSize);
        // Without history (a first fetch, or a record written from outside) nothing was added.
        const added = additions.size
          ? part.flatMap((vendor) =>
              identityKeysOf(vendor).flatMap((key): [string, string][] => {
                const at = additions.get(key);
                return at === undefined ? [] : [[key, at]];
              }),
            )
          : [];
        return { stamp, chunk, vendors: part, additions: added } satisfies VendorChunkValue;
      },
    ]);
  const packed = await packEach(
    parts.map(([, value]) => value),
    PACKING_WIDTH,
  );
  const items: Record<string, unknown> = { [LOOKUP_KEY]: head };
  parts.forEach(([key], i) => {
    items[key] = packed[i];
  });
  return items;
}

/** A head that says there are no views for this record: readers read the record itself. */
export function withoutLookup(revision: number | null): Record<string, unknown> {
  return { [LOOKUP_KEY]: headOf(revision, {}) };
}

/** The shard and chunk keys a stored head's build wrote (none for anything that is not a head). */
function keysOf(head: unknown): Set<string> {
  const h = (head ?? {}) as Partial<LookupHead>;
  const count = (x: unknown, max: number) =>
    Number.isInteger(x) && (x as number) > 0 ? Math.min(x as number, max) : 0;
  const keys = new Set<string>();
  for (let shard = 0; shard < count(h.shards, MAX_SHARDS); shard++) keys.add(siteShardKey(shard));
  const size = count(h.chunkSize, Number.MAX_SAFE_INTEGER);
  const chunks = size ? Math.ceil(count(h.vendorCount, 10_000_000) / size) : 0;
  for (let chunk = 0; chunk < chunks; chunk++) keys.add(vendorChunkKey(chunk));
  return keys;
}

/** The keys of the `before` build that the `after` build did not write again: to clear. */
export function leftoverKeys(before: unknown, after: unknown): string[] {
  const kept = keysOf(after);
  return [...keysOf(before)].filter((key) => !kept.has(key));
}

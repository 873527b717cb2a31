// The read views: what the hot readers need, made from the store record when it is written, and
// written in the same storage.local.set() as the record (source-store.ts), so they never disagree
// with it. The worker's badge and the popup's first paint read one small shard for the host they
// look at, instead of the whole record (0.5 s for 10,000 vendors); the popup's search reads every
// shard, which is still far cheaper than the record (view-codec.ts says why).
//   lens.view      the head: a stamp for this build of the views, the record revision and extension
//                  version they were made from, how many shards, the register's source line
//   lens.view.N    shard N, packed: the vendors that a host whose last two labels hash to N can
//                  match (core/site-shards.ts), with their register indices and latest additions
// The register is validated here, when written; readers check only the shape (view-reader.ts).
import browser from 'webextension-polyfill';
import { type ListSource, type Vendor, validateList } from '../core/list';
import { mergesSeveralLists } from '../core/merge';
import { additionKeysOf, latestAdditions } from '../core/recent-additions';
import { MAX_SHARDS, shardCountFor, shardMembers } from '../core/site-shards';
import { registerOf } from './register';
import { VIEW_KEY, viewShardKey } from './storage-keys';
import type { StoreRecord } from './store-record';
import { packJson } from './view-codec';

export { VIEW_KEY, viewShardKey };

/** Bumped when the views' shape changes: a head of another format is rebuilt, never read. */
export const VIEW_FORMAT = 1;

export interface ViewHead {
  format: number;
  /** Unique to one build of the views; every shard of the build carries it. */
  stamp: string;
  /** The extension version that built them: the bundled snapshot in them is that version's. */
  version: string;
  /** The revision of the record they were made from; null when none was stored or readable. */
  revision: number | null;
  /** How many shards (a power of two); 0 when the record was written without views (they did not
   * fit in storage): readers then read the record. */
  shards: number;
  vendorCount: number;
  /** The register's source line (title, url, updated). */
  source: ListSource;
  /** Whether the register merges several lists (the card then says who lists a vendor). */
  severalLists: boolean;
}

export interface ViewShard {
  stamp: string;
  shard: number;
  /** [register index, vendor] in register order. */
  vendors: [number, Vendor][];
  /** [identity key, ISO time] of these vendors' latest additions (core/recent-additions.ts). */
  additions: [string, string][];
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

function headOf(revision: number | null, fields: Partial<ViewHead>): ViewHead {
  return {
    format: VIEW_FORMAT,
    stamp: `${revision ?? 'none'}.${crypto.randomUUID()}`,
    version: extensionVersion(),
    revision,
    shards: 0,
    vendorCount: 0,
    source: { title: '', url: null, updated: null },
    severalLists: false,
    ...fields,
  };
}

/** The views of a record (null: nothing stored or readable, so the bundled list), as storage items. */
export async function buildViews(record: StoreRecord | null): Promise<Record<string, unknown>> {
  const checked = validateList((await registerOf(record)).list);
  if (!checked.ok) throw new Error(`the register fails its schema: ${checked.issues.join('; ')}`);
  const register = checked.list;
  const revision = record?.revision ?? null;
  const shards = shardCountFor(register.vendors.length);
  const head = headOf(revision, {
    shards,
    vendorCount: register.vendors.length,
    source: register.source,
    severalLists: mergesSeveralLists(register),
  });
  const additions = latestAdditions(record ? Object.values(record.sources).flatMap((s) => s.history) : []);
  const items: Record<string, unknown> = { [VIEW_KEY]: head };
  const packed = shardMembers(register, shards).map((indices, shard) => {
    const vendors = indices.map((i): [number, Vendor] => [i, register.vendors[i] as Vendor]);
    const added = vendors.flatMap(([, vendor]) =>
      additionKeysOf(vendor).flatMap((key): [string, string][] => {
        const at = additions.get(key);
        return at === undefined ? [] : [[key, at]];
      }),
    );
    const value: ViewShard = { stamp: head.stamp, shard, vendors, additions: added };
    return packJson(value);
  });
  (await Promise.all(packed)).forEach((text, shard) => {
    items[viewShardKey(shard)] = text;
  });
  return items;
}

/** A head that says there are no views for this record: readers read the record itself. */
export function withoutViews(revision: number | null): Record<string, unknown> {
  return { [VIEW_KEY]: headOf(revision, {}) };
}

/** How many shards a stored head names (0 for anything else), to clear what a smaller build leaves. */
export function shardsOf(head: unknown): number {
  const shards = (head as { shards?: unknown } | null | undefined)?.shards;
  return typeof shards === 'number' && Number.isInteger(shards) && shards > 0
    ? Math.min(shards, MAX_SHARDS)
    : 0;
}

/** The shard keys beyond `count` that a build with `before` shards wrote. */
export function leftoverShardKeys(before: number, count: number): string[] {
  const keys: string[] = [];
  for (let shard = count; shard < before; shard++) keys.push(viewShardKey(shard));
  return keys;
}

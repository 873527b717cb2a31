// Reading the read views (store-views.ts) on the hot paths: the head, one shard for a host, or every
// shard for the whole register. Only the extension's own store code writes them, validated, so a
// read checks the shape, the stamp (every shard must come from the head's build) and the version;
// anything else (missing, damaged, another build, another version) reads as null, and the caller
// reads the record the full way (list-store.ts).
import browser, { type Storage } from 'webextension-polyfill';
import { LIST_FORMAT, type SubprocessorList, type Vendor } from '../core/list';
import { buildMatchIndex, type MatchIndex, type MatchResult, match } from '../core/match';
import { MAX_SHARDS, shardOf } from '../core/site-shards';
import { STORE_KEY, VIEW_KEY, viewShardKey } from './storage-keys';
import { extensionVersion, VIEW_FORMAT, type ViewHead } from './store-views';
import { unpackJson } from './view-codec';

export type { ViewHead };

export type HeadRead =
  /** Views to read. */
  | { kind: 'ready'; head: ViewHead }
  /** The record was written without views on purpose (they did not fit): read the record. */
  | { kind: 'withheld' }
  /** No usable views (none yet, damaged, another version's): read the record; they want rebuilding. */
  | { kind: 'unusable' };

export interface SiteShard {
  stamp: string;
  /** The shard's vendors in register order, and where each sits in the register. */
  vendors: Vendor[];
  indices: number[];
  additions: Map<string, string>;
  /** The match index over the shard's vendors: a host of this shard matches here as in the register. */
  index: MatchIndex;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isNullableString = (x: unknown) => x === null || isString(x);
const isStrings = (x: unknown) => Array.isArray(x) && x.every(isString);
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** The vendor fields the badge and the card read, with their types: enough to render safely. */
function isVendor(x: unknown): x is Vendor {
  if (!isObject(x)) return false;
  const { location, dpa } = x;
  return (
    isString(x.name) &&
    isNullableString(x.website) &&
    isStrings(x.domains) &&
    (x.hostingDomains === undefined || isStrings(x.hostingDomains)) &&
    isObject(location) &&
    isString(location.text) &&
    isNullableString(location.country) &&
    Array.isArray(x.certifications) &&
    x.certifications.every((c) => isObject(c) && isString(c.id) && isString(c.label) && isString(c.text)) &&
    isStrings(x.dataProcessed) &&
    isStrings(x.use) &&
    isObject(dpa) &&
    isString(dpa.status) &&
    isNullableString(dpa.date) &&
    isString(dpa.text) &&
    Array.isArray(x.flags) &&
    x.flags.every((f) => isObject(f) && isString(f.id) && isString(f.severity) && isString(f.message)) &&
    (x.listedBy === undefined || (Array.isArray(x.listedBy) && x.listedBy.every(isObject)))
  );
}

function isHead(x: unknown): x is ViewHead {
  if (!isObject(x) || !isObject(x.source)) return false;
  const { shards, source } = x;
  return (
    x.format === VIEW_FORMAT &&
    isString(x.stamp) &&
    isString(x.version) &&
    (x.revision === null || isCount(x.revision)) &&
    isCount(shards) &&
    shards <= MAX_SHARDS &&
    (shards & (shards - 1)) === 0 &&
    isCount(x.vendorCount) &&
    isString(source.title) &&
    isNullableString(source.url) &&
    isNullableString(source.updated) &&
    typeof x.severalLists === 'boolean'
  );
}

export function headReadOf(value: unknown): HeadRead {
  if (!isHead(value) || value.version !== extensionVersion()) return { kind: 'unusable' };
  return value.shards === 0 ? { kind: 'withheld' } : { kind: 'ready', head: value };
}

export async function readViewHead(): Promise<HeadRead> {
  try {
    return headReadOf((await browser.storage.local.get(VIEW_KEY))[VIEW_KEY]);
  } catch {
    return { kind: 'unusable' };
  }
}

/** A stored shard, unpacked and checked against the head; null when it is not that build's shard. */
async function shardFrom(head: ViewHead, shard: number, stored: unknown): Promise<SiteShard | null> {
  let value: unknown;
  try {
    value = await unpackJson(stored);
  } catch {
    return null;
  }
  if (!isObject(value) || value.stamp !== head.stamp || value.shard !== shard) return null;
  const { vendors, additions } = value;
  if (!Array.isArray(vendors) || !Array.isArray(additions)) return null;
  const pairs = vendors as unknown[];
  if (!pairs.every((p) => Array.isArray(p) && isCount(p[0]) && p[0] < head.vendorCount && isVendor(p[1])))
    return null;
  if (!additions.every((a) => Array.isArray(a) && isString(a[0]) && isString(a[1]))) return null;
  const list = (pairs as [number, Vendor][]).map(([, vendor]) => vendor);
  return {
    stamp: head.stamp,
    vendors: list,
    indices: (pairs as [number, Vendor][]).map(([index]) => index),
    additions: new Map(additions as [string, string][]),
    index: buildMatchIndex({ vendors: list }),
  };
}

/** The shard a host's vendors are in; null when it is damaged or from another build than `head`. */
export async function readViewShard(head: ViewHead, host: string): Promise<SiteShard | null> {
  const shard = shardOf(host, head.shards);
  try {
    const key = viewShardKey(shard);
    return await shardFrom(head, shard, (await browser.storage.local.get(key))[key]);
  } catch {
    return null;
  }
}

export interface SiteView {
  head: ViewHead;
  found: MatchResult;
  /** The latest additions of the shard's vendors (for the card's "new"). */
  additions: Map<string, string>;
}

const NO_MATCH: MatchResult = { vendor: null, relation: null, domain: null };

/** What the views say about a host (none: the tab shows no site): its vendor, if any, and the
 * register's head. When the views cannot say, `unusable` tells whether they want rebuilding. */
export async function readSiteView(host: string | null): Promise<SiteView | { unusable: boolean }> {
  // Head and shard are two reads; a write between them gives a shard of another build, so try again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const read = await readViewHead();
    if (read.kind !== 'ready') return { unusable: read.kind === 'unusable' };
    if (host === null) return { head: read.head, found: NO_MATCH, additions: new Map() };
    const shard = await readViewShard(read.head, host);
    if (shard) return { head: read.head, found: match(shard.index, host), additions: shard.additions };
  }
  return { unusable: true };
}

export interface RegisterView {
  list: SubprocessorList;
  additions: Map<string, string>;
}

/** The whole register from every shard of `head`'s build; null when any shard is missing or damaged. */
export async function readRegisterView(head: ViewHead): Promise<RegisterView | null> {
  const keys = Array.from({ length: head.shards }, (_, shard) => viewShardKey(shard));
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage.local.get(keys);
  } catch {
    return null;
  }
  const shards = await Promise.all(keys.map((key, shard) => shardFrom(head, shard, stored[key])));
  const vendors: (Vendor | undefined)[] = new Array(head.vendorCount);
  const additions = new Map<string, string>();
  for (const shard of shards) {
    if (!shard) return null;
    shard.indices.forEach((index, i) => {
      vendors[index] = shard.vendors[i];
    });
    for (const [key, at] of shard.additions) additions.set(key, at);
  }
  // Every vendor is in some shard (site-shards.ts); a hole means a damaged build.
  for (let i = 0; i < vendors.length; i++) if (!vendors[i]) return null;
  return {
    list: { format: LIST_FORMAT, source: head.source, vendors: vendors as Vendor[] },
    additions,
  };
}

/** What changed in storage, for the readers of views:
 * - 'written': the record and its views, in one write (the register may have changed);
 * - 'rebuilt': the views alone, made again from the same record (the register read the full way is
 *   what it was);
 * - 'record': the record alone, written from outside the store code (a test, an older version): the
 *   views describe an older record until they are rebuilt. */
export type StoreChange = 'written' | 'rebuilt' | 'record';

/** Calls back after each change of the record or its views. Returns a function that stops. */
export function onStoreChanged(callback: (change: StoreChange) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    if (VIEW_KEY in changes) callback(STORE_KEY in changes ? 'written' : 'rebuilt');
    else if (STORE_KEY in changes) callback('record');
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// Reading the read views (store/lookup-write.ts) on the hot paths: the head, the shard of a host and the
// chunk of its vendor, or every chunk for the whole register. Only the extension's own store code
// writes them, validated, so a read checks the shape, the stamp (every part must come from the
// head's build) and the version; anything else (missing, damaged, another build, another version)
// reads as unusable, and the caller reads the record the full way (store/register-read.ts), or, in
// the worker, first waits for the tables' rebuild (background/current-state.ts).
import type { Storage } from 'webextension-polyfill';
import { LIST_FORMAT, type SubprocessorList, type Vendor } from '../../core/list';
import { type MatchResult, NO_MATCH } from '../../core/match';
import {
  chunkOf,
  MAX_SHARDS,
  matchInShard,
  type ShardEntry,
  type ShardIndex,
  type ShardMatch,
  shardIndexOf,
  shardOf,
} from '../../core/site-shards';
import { browser } from '../browser';
import { LOOKUP_KEY, STORE_KEY, siteShardKey, vendorChunkKey } from './keys';
import { chunkCount, extensionVersion, LOOKUP_FORMAT, type LookupHead } from './lookup-write';
import { unpackJson } from './packed-json';

export type HeadRead =
  /** Views to read. */
  | { kind: 'ready'; head: LookupHead }
  /** The record was written without views on purpose (they did not fit): read the record. */
  | { kind: 'withheld' }
  /** No usable views (none yet, damaged, another version's): read the record; they want rebuilding. */
  | { kind: 'unusable' };

export interface VendorChunk {
  vendors: Vendor[];
  /** The latest additions of these vendors (for "new"). */
  additions: Map<string, string>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isNullableString = (x: unknown) => x === null || isString(x);
const isStrings = (x: unknown) => Array.isArray(x) && x.every(isString);
// A finding's params: absent, or an object of text and numbers (what finding-text.ts formats).
const isParams = (x: unknown) =>
  x === undefined ||
  (isObject(x) && Object.values(x).every((value) => isString(value) || typeof value === 'number'));
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
    x.flags.every((f) => isObject(f) && isString(f.id) && isString(f.severity) && isParams(f.params)) &&
    (x.listedBy === undefined || (Array.isArray(x.listedBy) && x.listedBy.every(isObject)))
  );
}

export function isHead(x: unknown): x is LookupHead {
  if (!isObject(x) || !isObject(x.source)) return false;
  const { shards, source } = x;
  return (
    x.format === LOOKUP_FORMAT &&
    isString(x.stamp) &&
    isString(x.version) &&
    (x.revision === null || isCount(x.revision)) &&
    isCount(shards) &&
    shards <= MAX_SHARDS &&
    (shards & (shards - 1)) === 0 &&
    isCount(x.chunkSize) &&
    x.chunkSize > 0 &&
    isCount(x.vendorCount) &&
    isString(source.title) &&
    isNullableString(source.url) &&
    isNullableString(source.updated) &&
    typeof x.severalLists === 'boolean'
  );
}

export function headReadOf(value: unknown): HeadRead {
  if (!isHead(value) || value.version !== extensionVersion()) return { kind: 'unusable' };
  // Marked stale: the record changed without them (store/record-io.ts markLookupStale).
  if ((value as { stale?: unknown }).stale === true) return { kind: 'unusable' };
  return value.shards === 0 ? { kind: 'withheld' } : { kind: 'ready', head: value };
}

export async function readLookupHead(): Promise<HeadRead> {
  try {
    return headReadOf((await browser.storage.local.get(LOOKUP_KEY))[LOOKUP_KEY]);
  } catch {
    return { kind: 'unusable' };
  }
}

/** A stored part of the views, unpacked, if it is `head`'s build's part `key`: `name`: `number`. */
async function partOf(head: LookupHead, stored: unknown, name: string, number: number): Promise<unknown> {
  try {
    const value = await unpackJson(stored);
    return isObject(value) && value.stamp === head.stamp && value[name] === number ? value : null;
  } catch {
    return null;
  }
}

async function get(keys: string[]): Promise<Record<string, unknown> | null> {
  try {
    return await browser.storage.local.get(keys);
  } catch {
    return null;
  }
}

const isEntry = (head: LookupHead) => (x: unknown) =>
  Array.isArray(x) &&
  isString(x[0]) &&
  isCount(x[1]) &&
  x[1] < head.vendorCount &&
  (x[2] === 0 || x[2] === 1);

/** The site shard of a host, ready to match it; null when damaged or not of `head`'s build. */
export async function readSiteShard(head: LookupHead, host: string): Promise<ShardIndex | null> {
  const shard = shardOf(host, head.shards);
  const key = siteShardKey(shard);
  const value = await partOf(head, (await get([key]))?.[key], 'shard', shard);
  if (!isObject(value) || !Array.isArray(value.entries) || !value.entries.every(isEntry(head))) return null;
  return shardIndexOf(value.entries as ShardEntry[]);
}

function chunkFrom(head: LookupHead, chunk: number, value: unknown): VendorChunk | null {
  if (!isObject(value)) return null;
  const { vendors, additions } = value;
  const expected = Math.min(head.chunkSize, head.vendorCount - chunk * head.chunkSize);
  if (!Array.isArray(vendors) || vendors.length !== expected || !vendors.every(isVendor)) return null;
  if (
    !Array.isArray(additions) ||
    !additions.every((a) => Array.isArray(a) && isString(a[0]) && isString(a[1]))
  )
    return null;
  return { vendors, additions: new Map(additions as [string, string][]) };
}

/** Vendor chunk `chunk`; null when damaged or not of `head`'s build. */
export async function readVendorChunk(head: LookupHead, chunk: number): Promise<VendorChunk | null> {
  const key = vendorChunkKey(chunk);
  return chunkFrom(head, chunk, await partOf(head, (await get([key]))?.[key], 'chunk', chunk));
}

/** A shard's match with its vendor from `chunk` (the chunk of `found.at`). */
export function resultOf(
  found: ShardMatch,
  chunk: VendorChunk | null,
  chunkSize: number,
): MatchResult | null {
  if (found.at === null) return NO_MATCH;
  const vendor = chunk?.vendors[found.at % chunkSize];
  return vendor ? { vendor, relation: found.relation, domain: found.domain } : null;
}

export interface SiteLookup {
  head: LookupHead;
  found: MatchResult;
  /** The latest additions of the vendors in the found vendor's chunk (for the card's "new"). */
  additions: Map<string, string>;
}

/** Where the one reader gets the head and the parts: storage each time (the popup), or the worker's
 * memory of them (store/lookup-cache.ts). */
export interface LookupParts {
  head(): Promise<HeadRead>;
  shard(head: LookupHead, host: string): Promise<ShardIndex | null>;
  chunk(head: LookupHead, chunk: number): Promise<VendorChunk | null>;
  /** A part was of another build than its head: what was read of the tables is out of date. */
  forget(): void;
}

/** Every read from storage, nothing remembered. */
export const storageParts: LookupParts = {
  head: readLookupHead,
  shard: readSiteShard,
  chunk: readVendorChunk,
  forget: () => undefined,
};

/** What the views say about a host (none: the tab shows no site): its vendor, if any, and the
 * register's head. When the views cannot say, `unusable` tells whether they want rebuilding
 * (false: left out on purpose, store/record-io.ts writeWithViews). The popup and the worker's
 * badge both read through here. */
export async function readSiteLookup(
  host: string | null,
  /** The head, if its read was started already (the popup starts it with the tab's). */
  firstHead?: Promise<HeadRead>,
  parts: LookupParts = storageParts,
): Promise<SiteLookup | { unusable: boolean }> {
  // Head, shard and chunk are separate reads; a write between them gives a part of another build,
  // so try once more from the head.
  for (let attempt = 0; attempt < 2; attempt++) {
    const read = await (attempt === 0 ? (firstHead ?? parts.head()) : parts.head());
    if (read.kind !== 'ready') return { unusable: read.kind === 'unusable' };
    const { head } = read;
    if (host === null) return { head, found: NO_MATCH, additions: new Map() };
    const shard = await parts.shard(head, host);
    if (shard) {
      const found = matchInShard(shard, host);
      const chunk = found.at === null ? null : await parts.chunk(head, chunkOf(found.at, head.chunkSize));
      const result = resultOf(found, chunk, head.chunkSize);
      if (result) return { head, found: result, additions: chunk?.additions ?? new Map() };
    }
    // Only between the attempts: after the last, the parts read tell why the tables failed.
    if (attempt === 0) parts.forget();
  }
  return { unusable: true };
}

export interface RegisterLookup {
  list: SubprocessorList;
  additions: Map<string, string>;
}

/** The whole register from every chunk of `head`'s build; null when any is missing or damaged. */
export async function readRegisterLookup(head: LookupHead): Promise<RegisterLookup | null> {
  const keys = Array.from({ length: chunkCount(head) }, (_, chunk) => vendorChunkKey(chunk));
  const stored = await get(keys);
  if (!stored) return null;
  const chunks = await Promise.all(
    keys.map(async (key, chunk) => chunkFrom(head, chunk, await partOf(head, stored[key], 'chunk', chunk))),
  );
  const vendors: Vendor[] = [];
  const additions = new Map<string, string>();
  for (const chunk of chunks) {
    if (!chunk) return null;
    vendors.push(...chunk.vendors);
    for (const [key, at] of chunk.additions) additions.set(key, at);
  }
  return { list: { format: LIST_FORMAT, source: head.source, vendors }, additions };
}

export type StoreChange = 'written' | 'rebuilt' | 'record';

/** What a change of storage.local did to the record and its views: both written by the store code,
 * the views alone (rebuilt or marked stale), the record alone (written from outside, without its
 * views); null when it touched neither. */
export function storeChangeOf(changes: Record<string, Storage.StorageChange>): StoreChange | null {
  if (LOOKUP_KEY in changes) return STORE_KEY in changes ? 'written' : 'rebuilt';
  return STORE_KEY in changes ? 'record' : null;
}

/** Calls back after each change of the record or its views. Returns a function that stops. */
export function onStoreChanged(callback: (change: StoreChange) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const change = area === 'local' ? storeChangeOf(changes) : null;
    if (change) callback(change);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// What a badge decision needs: the vendor a host matches, and the settings. A navigation reads the
// views' head, the shard its host belongs to and the chunk of the vendor it matches
// (platform/store/lookup-read.ts): a few KB, no merge, no validation, no full-register read, so a worker
// woken by the navigation answers as fast with 10,000 vendors as with 7. They are cached for the
// life of one worker (MV3 stops idle workers; a fresh one reads storage again) and forgotten when
// the views change. Without usable views (not built yet, damaged, written by another version, or a
// record written from outside the store code) the register is read the full way, and the views are
// rebuilt once.
import { buildMatchIndex, type MatchIndex, type MatchResult, match } from '../core/match';
import { chunkOf, matchInShard, type ShardIndex, shardOf } from '../core/site-shards';
import {
  type HeadRead,
  loadList,
  loadSettings,
  markLookupStale,
  readLookupHead,
  readSiteShard,
  readVendorChunk,
  rebuildLookup,
  resultOf,
  type Settings,
  type VendorChunk,
} from '../platform/store';

// A worker that visits many sites keeps at most this many shards and chunks of each (a register of
// 10,000 vendors has 256 shards and 157 chunks).
const PARTS_KEPT = 32;

let head: Promise<HeadRead> | null = null;
let shards = new Map<number, Promise<ShardIndex | null>>();
let chunks = new Map<number, Promise<VendorChunk | null>>();
let fullIndex: Promise<MatchIndex> | null = null;
/** The record changed without its views: they describe an older one until rebuilt. */
let viewsStale = false;
let rebuilding: Promise<void> | null = null;
let rebuildAgain = false;
/** Records written from outside the store code so far (see distrustViews). */
let recordWrites = 0;
/** What the last rebuild was asked for (a build's stamp, or why there was none): once each. */
let rebuildAskedFor: string | null = null;
let settings: Promise<Settings> | null = null;

function retryOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

function report(error: unknown): void {
  console.error('Subprocessor Lens:', error);
}

/**
 * Rebuilds the views, one rebuild at a time; the write's change event then resets what is cached
 * here. `again`: the record changed since a running rebuild read it, so run once more after it.
 */
export function requestRebuild(again: boolean): void {
  if (rebuilding) {
    rebuildAgain ||= again;
    return;
  }
  const seen = recordWrites;
  rebuilding = rebuildLookup()
    .then(() => {
      // Views made from the latest record written from outside: they can be trusted again.
      if (seen === recordWrites) viewsStale = false;
      forgetViews();
    })
    .catch(report)
    .finally(() => {
      rebuilding = null;
      if (rebuildAgain) {
        rebuildAgain = false;
        requestRebuild(false);
      }
    });
}

function currentHead(): Promise<HeadRead> {
  head ??= readLookupHead();
  return head;
}

function cached<T>(parts: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
  let part = parts.get(key);
  if (!part) {
    part = load();
    if (parts.size >= PARTS_KEPT) parts.delete(parts.keys().next().value as number);
    parts.set(key, part);
  }
  return part;
}

/** What the views say a host matches; null when they cannot say (a damaged part, another build). */
async function fromViews(read: HeadRead & { kind: 'ready' }, host: string): Promise<MatchResult | null> {
  const { head: h } = read;
  const shard = await cached(shards, shardOf(host, h.shards), () => readSiteShard(h, host));
  if (!shard) return null;
  const found = matchInShard(shard, host);
  if (found.at === null) return resultOf(found, null, h.chunkSize);
  const number = chunkOf(found.at, h.chunkSize);
  return resultOf(found, await cached(chunks, number, () => readVendorChunk(h, number)), h.chunkSize);
}

function currentFullIndex(): Promise<MatchIndex> {
  fullIndex ??= retryOnFailure(
    loadList().then((loaded) => buildMatchIndex(loaded.list)),
    () => {
      fullIndex = null;
    },
  );
  return fullIndex;
}

/** The vendor a host matches in the current register. */
export async function siteOf(host: string): Promise<MatchResult> {
  // Stale views (the record changed without them) are being rebuilt: read the record meanwhile.
  if (viewsStale) return match(await currentFullIndex(), host);
  let read = await currentHead();
  for (let attempt = 0; read.kind === 'ready' && attempt < 2; attempt++) {
    const found = await fromViews(read, host);
    if (found) return found;
    // A part of another build: the views changed after the head was read. Read the head again.
    if (attempt === 0) {
      forgetParts();
      read = await currentHead();
    }
  }
  // No usable views: the full read, and one rebuild per cause (none when left out on purpose).
  const cause = read.kind === 'ready' ? read.head.stamp : read.kind;
  if (cause !== 'withheld' && cause !== rebuildAskedFor) {
    rebuildAskedFor = cause;
    requestRebuild(false);
  }
  return match(await currentFullIndex(), host);
}

export function currentSettings(): Promise<Settings> {
  settings ??= retryOnFailure(loadSettings(), () => {
    settings = null;
  });
  return settings;
}

/** The views changed: read them afresh from now on. `written`: by the store code, with the record,
 * so they agree with it whatever was written before. */
export function forgetViews(written = false): void {
  forgetParts();
  fullIndex = null;
  if (written) viewsStale = false;
}

function forgetParts(): void {
  head = null;
  shards = new Map();
  chunks = new Map();
}

/** The record changed without its views: read it the full way until they are rebuilt, and mark
 * them stale in storage too, so that a worker stopped before the rebuild does not trust them. */
export function distrustViews(): void {
  forgetViews();
  recordWrites++;
  viewsStale = true;
  markLookupStale().catch(report);
}

export function useSettings(next: Settings): void {
  settings = Promise.resolve(next);
}

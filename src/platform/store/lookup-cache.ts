// The worker's memory of the lookup tables, for store/lookup-read.ts readSiteLookup: the head, and
// the last few shards and chunks read, so a worker badging many tabs reads each part once. Kept for
// the life of one worker (MV3 stops idle workers; a fresh one reads storage again) and forgotten
// when the tables change.
import { type ShardIndex, shardOf } from '../../core/site-shards';
import {
  type HeadRead,
  type LookupParts,
  readLookupHead,
  readSiteShard,
  readVendorChunk,
  type VendorChunk,
} from './lookup-read';

export function cachedLookupParts(
  /** Shards and chunks kept of each (a register of 10,000 vendors has 256 shards and 157 chunks). */
  kept: number,
): LookupParts {
  let head: Promise<HeadRead> | null = null;
  let shards = new Map<number, Promise<ShardIndex | null>>();
  let chunks = new Map<number, Promise<VendorChunk | null>>();
  function cached<T>(parts: Map<number, Promise<T>>, key: number, load: () => Promise<T>): Promise<T> {
    let part = parts.get(key);
    if (!part) {
      part = load();
      if (parts.size >= kept) parts.delete(parts.keys().next().value as number);
      parts.set(key, part);
    }
    return part;
  }
  return {
    head() {
      head ??= readLookupHead();
      return head;
    },
    shard: (h, host) => cached(shards, shardOf(host, h.shards), () => readSiteShard(h, host)),
    chunk: (h, chunk) => cached(chunks, chunk, () => readVendorChunk(h, chunk)),
    forget() {
      head = null;
      shards = new Map();
      chunks = new Map();
    },
  };
}

// What the worker remembers between events, for the life of one worker (MV3 stops idle workers; a
// fresh one reads storage again): the lookup parts it read (platform/store/lookup-cache.ts), the
// register's match index when the tables cannot answer, the settings, and the tables' rebuild.
// A navigation reads through the one lookup reader (platform/store/lookup-read.ts readSiteLookup):
// the head, one shard and one chunk, a few KB, so a woken worker answers as fast with 10,000 vendors
// as with 7.
//
// The tables are written with the record by the store code (store/record-io.ts). A record written
// without them (tests, the bench and devtools write storage directly; an older version) leaves them
// describing an older record: `distrustViews` then makes the worker read the record the full way
// until a rebuild made from the latest such write lands. Unusable tables (none yet, damaged, another
// build or version) are read around the same way and rebuilt once per cause; tables left out on
// purpose (they did not fit) are read around without a rebuild.
import { buildMatchIndex, type MatchResult, match } from '../core/match';
import {
  cachedLookupParts,
  loadList,
  loadSettings,
  markLookupStale,
  readSiteLookup,
  rebuildLookup,
  type Settings,
} from '../platform/store';

// A worker that visits many sites keeps at most this many shards and chunks of each.
const PARTS_KEPT = 32;

const lookup = cachedLookupParts(PARTS_KEPT);

/** A promise kept until forgotten; one that fails is forgotten, so the next call tries again. */
function remembered<T>(load: () => Promise<T>) {
  let value: Promise<T> | null = null;
  return {
    get(): Promise<T> {
      if (!value) {
        const loading = load();
        value = loading;
        loading.catch(() => {
          if (value === loading) value = null;
        });
      }
      return value;
    },
    set(next: T): void {
      value = Promise.resolve(next);
    },
    forget(): void {
      value = null;
    },
  };
}

const fullIndex = remembered(() => loadList().then((loaded) => buildMatchIndex(loaded.list)));
const settings = remembered(loadSettings);

/** The record changed without its tables: they describe an older one until rebuilt. */
let viewsStale = false;
/** Records written without their tables so far: a rebuild trusts the tables again only when none
 * came after it started. */
let recordWrites = 0;
/** What the last rebuild was asked for (a build's stamp, or why there was none): once each. */
let rebuildAskedFor: string | null = null;
let rebuilding: Promise<void> | null = null;
let rebuildAgain = false;

function report(error: unknown): void {
  console.error('Subprocessor Lens:', error);
}

/**
 * Rebuilds the tables, one rebuild at a time; the write's change event then resets what is cached
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
      // Tables made from the latest record written from outside: they can be trusted again.
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

/** The vendor a host matches in the current register. */
export async function siteOf(host: string): Promise<MatchResult> {
  // Stale tables (the record changed without them) are being rebuilt: read the record meanwhile.
  if (viewsStale) return match(await fullIndex.get(), host);
  const read = await readSiteLookup(host, undefined, lookup);
  if ('found' in read) return read.found;
  // No usable tables: the full read, and one rebuild per cause (none when left out on purpose).
  if (read.unusable) {
    const last = await lookup.head(); // the head the reader gave up on
    const cause = last.kind === 'ready' ? last.head.stamp : last.kind;
    if (cause !== rebuildAskedFor) {
      rebuildAskedFor = cause;
      requestRebuild(false);
    }
  }
  return match(await fullIndex.get(), host);
}

export function currentSettings(): Promise<Settings> {
  return settings.get();
}

export function useSettings(next: Settings): void {
  settings.set(next);
}

/** The tables changed: read them afresh from now on. `written`: by the store code, with the record,
 * so they agree with it whatever was written before. */
export function forgetViews(written = false): void {
  lookup.forget();
  fullIndex.forget();
  if (written) viewsStale = false;
}

/** The record changed without its tables: read it the full way until they are rebuilt, and mark
 * them stale in storage too, so that a worker stopped before the rebuild does not trust them. */
export function distrustViews(): void {
  forgetViews();
  recordWrites++;
  viewsStale = true;
  markLookupStale().catch(report);
}

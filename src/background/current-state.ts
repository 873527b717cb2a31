// What the worker remembers between events, for the life of one worker (MV3 stops idle workers; a
// fresh one reads storage again): the lookup parts it read (platform/store/lookup-cache.ts), the
// register's match index when the tables cannot answer, the settings, and the tables' rebuild.
// A navigation reads through the one lookup reader (platform/store/lookup-read.ts readSiteLookup):
// the head, one shard and one chunk, a few KB, so a woken worker answers as fast with 10,000 vendors
// as with 7.
//
// The tables are written with the record by the store code (store/record-io.ts). A record written
// without them (tests, the bench and devtools write storage directly; an older version) leaves them
// describing an older record: `distrustViews` then stops the worker trusting them until a rebuild
// made from the latest such write lands. Meanwhile a lookup waits for that rebuild and then reads
// the tables it made, rather than read the 7 MB record beside it (the two on one thread made the
// rebuild's packing three times slower: issue 12, bench/README.md). It reads the record the full
// way only when waiting cannot help: no rebuild of the latest such write is running, it failed or
// did not land within REBUILD_WAIT_MS, or another such write came during it. Unusable tables (none
// yet, damaged, another build or version) are rebuilt once per cause and waited for the same way;
// tables left out on purpose (they did not fit) are read around without a rebuild.
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
/** The running rebuild: `writes`, the records written without tables when it started (it reads the
 * record after them); `done`, whether it landed. */
let rebuilding: { writes: number; done: Promise<boolean> } | null = null;
let rebuildAgain = false;
/** How long a lookup waits for a running rebuild before it reads the record instead: a rebuild that
 * hangs (a storage call that never settles) must not hold the badges. A 10,000-vendor rebuild takes
 * 0.6-0.9 s here (bench/README.md). */
export const REBUILD_WAIT_MS = 3000;

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
  const writes = recordWrites;
  const done = rebuildLookup().then(
    () => {
      // Tables made from the latest record written from outside: they can be trusted again.
      if (writes === recordWrites) viewsStale = false;
      forgetViews();
      return true;
    },
    (error: unknown) => {
      report(error);
      return false;
    },
  );
  rebuilding = { writes, done };
  done.then(() => {
    rebuilding = null;
    if (rebuildAgain) {
      rebuildAgain = false;
      requestRebuild(false);
    }
  });
}

/** Waits for the running rebuild, if it reads the latest record written without tables; whether the
 * tables can be trusted after it (false: none ran, it failed or was late, or such a record came
 * meanwhile). */
async function rebuilt(): Promise<boolean> {
  const running = rebuilding;
  if (!running || running.writes !== recordWrites) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(resolve, REBUILD_WAIT_MS, false);
  });
  const landed = await Promise.race([running.done, late]);
  clearTimeout(timer);
  return landed && !viewsStale;
}

const fullRead = async (host: string) => match(await fullIndex.get(), host);

/** The vendor a host matches in the current register. */
export async function siteOf(host: string): Promise<MatchResult> {
  // Stale tables (the record changed without them) are being rebuilt: the rebuilt ones answer.
  if (viewsStale && !(await rebuilt())) return fullRead(host);
  const read = await readSiteLookup(host, undefined, lookup);
  if ('found' in read) return read.found;
  // Unusable tables: one rebuild per cause, waited for; tables left out on purpose: the full read.
  if (!read.unusable) return fullRead(host);
  const last = await lookup.head(); // the head the reader gave up on
  const cause = last.kind === 'ready' ? last.head.stamp : last.kind;
  if (cause !== rebuildAskedFor) {
    rebuildAskedFor = cause;
    requestRebuild(false);
  }
  if (await rebuilt()) {
    const again = await readSiteLookup(host, undefined, lookup);
    if ('found' in again) return again.found;
  }
  return fullRead(host);
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

/** The record changed without its tables: trust them no more until they are rebuilt, and mark them
 * stale in storage too, so that a worker stopped before the rebuild does not trust them. */
export function distrustViews(): void {
  forgetViews();
  recordWrites++;
  viewsStale = true;
  markLookupStale().catch(report);
}

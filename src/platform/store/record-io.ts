// Reading and writing the stored sources. Every write is one storage.local.set() of the whole record
// and its read views (atomic: a crash leaves the old record and views or the new ones), and writes are
// serialised, so two refreshes finishing together cannot lose each other's result. A newer record is
// never overwritten; an unreadable one is copied to a backup key before it is replaced.

import { cleanText } from '../../core/normalize/text';
import { browser } from '../browser';
import { t } from '../i18n';
import { FOLLOWED_KEY, LOOKUP_KEY, STORE_BACKUP_KEY, STORE_KEY } from './keys';
import { type BuildOptions, buildLookup, type LookupHead, leftoverKeys, withoutLookup } from './lookup-write';
import { buildPagesSummary } from './pages-summary';
import {
  emptyStoreRecord,
  followedPages,
  type RawStoreRecord,
  readStoreRecord,
  type StoreRead,
  type StoreRecord,
  toStorable,
} from './record';

/** The pages followed from the popup (store/record.ts followedPages), as last written. */
export async function readFollowedPages(): Promise<string[]> {
  try {
    const value: unknown = (await browser.storage.local.get(FOLLOWED_KEY))[FOLLOWED_KEY];
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function readStore(): Promise<StoreRead> {
  try {
    return readStoreRecord((await browser.storage.local.get(STORE_KEY))[STORE_KEY]);
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A write the browser refused (storage full, or another failure): nothing was written, so the
 * stored lists are the ones from before. Its message is a plain sentence for the user. */
export class StoreWriteError extends Error {
  constructor(readonly reason: string) {
    super(/quota/i.test(reason) ? t('storeFull') : t('storeWriteFailed', cleanText(reason, 200)));
  }
}

export class NewerStoreError extends Error {
  constructor(readonly version: number) {
    super(`The saved lists were written by a newer version (storage version ${version}).`);
  }
}

// Writers in this page or worker queue here; navigator.locks (where present) also orders them across
// the extension's pages and its worker.
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks ? () => locks.request(STORE_KEY, task) : task;
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** The pages summary to write beside `views` (store/pages-summary.ts), stamped with their head's
 * stamp; none without a record (the options page then reads the record, which holds nothing), or
 * when it cannot be made: it is not worth losing the record for. */
async function withPagesSummary(
  views: Record<string, unknown>,
  record: StoreRecord | null,
): Promise<Record<string, unknown>> {
  if (!record) return views;
  try {
    return { ...views, ...(await buildPagesSummary(record, (views[LOOKUP_KEY] as LookupHead).stamp)) };
  } catch (error) {
    console.error('Subprocessor Lens: the pages summary was not written:', error);
    return views;
  }
}

/**
 * Writes `items` (the record, or nothing) with the read views of `record` in one set(): the lookup
 * tables and the pages summary. Views that cannot be made, or that do not fit (storage.local holds
 * 10 MB without the unlimitedStorage permission), are not worth losing the record for: it is then
 * written with a head that says there are no lookup tables, so the badge and the popup read the
 * record, and with the pages summary (a few KB) if that still fits, so the options and register
 * pages need not. Keys a larger build left behind are cleared after.
 */
async function writeWithViews(
  items: Record<string, unknown>,
  record: StoreRecord | null,
  storedHead: unknown,
  options: BuildOptions = {},
): Promise<void> {
  const revision = record?.revision ?? null;
  let views: Record<string, unknown> | null = null;
  try {
    views = await withPagesSummary(await buildLookup(record, options), record);
    await browser.storage.local.set({ ...items, ...views });
  } catch (error) {
    console.error('Subprocessor Lens: the read views were not written:', error);
    // The old views' parts go first: they may be what keeps the record from fitting. Until the set
    // below, readers find the old head without its parts and read the (old) record the full way.
    await browser.storage.local.remove(leftoverKeys(storedHead, null)).catch(() => undefined);
    const bare = withoutLookup(revision);
    views = await withPagesSummary(bare, record);
    try {
      await browser.storage.local.set({ ...items, ...views });
    } catch (tooMuch) {
      if (views === bare) throw tooMuch;
      views = bare; // the summary did not fit either: the pages read the record too
      await browser.storage.local.set({ ...items, ...views });
    }
  }
  const leftover = leftoverKeys(storedHead, views[LOOKUP_KEY]);
  if (leftover.length) await browser.storage.local.remove(leftover).catch(() => undefined);
}

async function markStale(): Promise<void> {
  const head: unknown = (await browser.storage.local.get(LOOKUP_KEY))[LOOKUP_KEY];
  if (typeof head === 'object' && head !== null && !(head as { stale?: unknown }).stale)
    await browser.storage.local.set({ [LOOKUP_KEY]: { ...head, stale: true } });
}

/**
 * Marks the stored views stale: the record was written without them (from outside the store code),
 * so they describe an older record. Readers then read around them until a rebuild (the popup reads
 * the record; the worker's badges wait for the rebuild, background/current-state.ts). Done at once (a
 * worker may be stopped any moment), and again after the writes already queued, which include any
 * rebuild that read the record before that write. Queued now, not after the first mark: a rebuild
 * asked for just after this call reads the new record, and a mark behind it would land on its fresh
 * views (they were then rebuilt twice).
 */
export async function markLookupStale(): Promise<void> {
  await Promise.all([markStale(), serialised(markStale)]);
}

/** Makes the read views again from the stored record: after an update of the extension (whose
 * bundled list may differ), or when the record was written without them (from outside this code). */
export function rebuildLookup(): Promise<void> {
  return serialised(async () => {
    const stored = await browser.storage.local.get([STORE_KEY, LOOKUP_KEY]);
    // Read just now, each list checked against its schema (a damaged one is left out of the
    // register, as in the full read): the register needs no second check.
    const read = readStoreRecord(stored[STORE_KEY]);
    await writeWithViews({}, read.kind === 'ok' ? read.record : null, stored[LOOKUP_KEY], {
      listsValidated: true,
    });
  });
}

/**
 * Reads the record, lets `mutate` make the next one (it may change what it was given), and writes it
 * in one set(), bumping the revision. `mutate` returns null to write nothing. Resolves to what was
 * written (or read, when nothing was).
 */
export function updateStore(mutate: (record: StoreRecord) => StoreRecord | null): Promise<StoreRecord> {
  return serialised(async () => {
    const both = await browser.storage.local.get([STORE_KEY, LOOKUP_KEY]);
    const stored: unknown = both[STORE_KEY];
    const read = readStoreRecord(stored);
    if (read.kind === 'newer') throw new NewerStoreError(read.version);
    let previous: RawStoreRecord | null = null;
    let record = emptyStoreRecord();
    if (read.kind === 'ok') {
      previous = read.raw;
      record = read.record;
    } else if (read.kind === 'corrupt') {
      await browser.storage.local.set({ [STORE_BACKUP_KEY]: stored });
    }
    const revision = record.revision;
    const next = mutate(record);
    if (!next) return record;
    const written = { ...next, revision: revision + 1 };
    try {
      const items = { [STORE_KEY]: toStorable(written, previous), [FOLLOWED_KEY]: followedPages(written) };
      await writeWithViews(items, written, both[LOOKUP_KEY]);
    } catch (error) {
      // Chrome says "Resource::kQuotaBytes quota exceeded", Firefox a QuotaExceededError.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new StoreWriteError(reason);
    }
    return written;
  });
}

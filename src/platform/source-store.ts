// Reading and writing the stored sources. Every write is one storage.local.set() of the whole record
// (atomic: a crash leaves the old record or the new one), and writes are serialised, so two refreshes
// finishing together cannot lose each other's result. A newer record is never overwritten; an
// unreadable one is copied to a backup key before it is replaced.
import browser from 'webextension-polyfill';
import {
  emptyStoreRecord,
  type RawStoreRecord,
  readStoreRecord,
  STORE_KEY,
  type StoreRead,
  type StoreRecord,
  toStorable,
} from './store-record';

export const BACKUP_KEY = `${STORE_KEY}.backup`;

export async function readStore(): Promise<StoreRead> {
  try {
    return readStoreRecord((await browser.storage.local.get(STORE_KEY))[STORE_KEY]);
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
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

/**
 * Reads the record, lets `mutate` make the next one (it may change what it was given), and writes it
 * in one set(), bumping the revision. `mutate` returns null to write nothing. Resolves to what was
 * written (or read, when nothing was).
 */
export function updateStore(mutate: (record: StoreRecord) => StoreRecord | null): Promise<StoreRecord> {
  return serialised(async () => {
    const stored: unknown = (await browser.storage.local.get(STORE_KEY))[STORE_KEY];
    const read = readStoreRecord(stored);
    if (read.kind === 'newer') throw new NewerStoreError(read.version);
    let previous: RawStoreRecord | null = null;
    let record = emptyStoreRecord();
    if (read.kind === 'ok') {
      previous = read.raw;
      record = read.record;
    } else if (read.kind === 'corrupt') {
      await browser.storage.local.set({ [BACKUP_KEY]: stored });
    }
    const revision = record.revision;
    const next = mutate(record);
    if (!next) return record;
    const written = { ...next, revision: revision + 1 };
    await browser.storage.local.set({ [STORE_KEY]: toStorable(written, previous) });
    return written;
  });
}

// The list the extension works with: the stored one (kept current by the data-refresh issue) or, when
// there is none or it cannot be read, the list bundled with the extension. Never throws for bad data.
import browser, { type Storage } from 'webextension-polyfill';
import bundledSources from '../../assets/data/sources.json';
import { type SubprocessorList, validateList } from '../core/list';
import { t } from './i18n';
import {
  emptyStoreRecord,
  readStoreRecord,
  STORE_KEY,
  type StoredSource,
  type StoreRead,
} from './store-record';

export interface LoadedList {
  list: SubprocessorList;
  origin: 'stored' | 'bundled';
  /** When the stored list was fetched (ISO date-time); null for the bundled list or an import. */
  fetchedAt: string | null;
  /** A sentence for the user when stored data could not be used; null when all is well. */
  problem: string | null;
}

/** The source shown by default and shipped with the extension (Dovetail's list). */
export const DEFAULT_SOURCE_ID = bundledSources.sources[0]?.id ?? 'dovetail';

let bundled: Promise<SubprocessorList> | null = null;

/** The list shipped in the package (dist/<browser>/data/<id>.json, written by the build). It never
 * changes while the extension runs, so one read per page or worker life is enough. */
export function loadBundledList(): Promise<SubprocessorList> {
  bundled ??= (async () => {
    const response = await fetch(browser.runtime.getURL(`data/${DEFAULT_SOURCE_ID}.json`));
    const checked = validateList(await response.json());
    if (!checked.ok)
      throw new Error(`bundled list data/${DEFAULT_SOURCE_ID}.json: ${checked.issues.join('; ')}`);
    return checked.list;
  })();
  bundled.catch(() => {
    bundled = null; // let the next call try again
  });
  return bundled;
}

async function readStore(): Promise<StoreRead> {
  try {
    return readStoreRecord((await browser.storage.local.get(STORE_KEY))[STORE_KEY]);
  } catch (error) {
    return { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}

function problemOf(read: StoreRead): string | null {
  switch (read.kind) {
    case 'newer':
      return t('listProblemNewer', String(read.version));
    case 'corrupt':
      return t('listProblemCorrupt', read.reason);
    case 'ok': {
      const first = read.invalid[0];
      return first ? t('listProblemSourceDamaged', [first.id, first.issues[0] ?? '']) : null;
    }
    default:
      return null;
  }
}

/** The source to show. The default source first; with several sources the data-refresh issue merges
 * them here into one register (core merge) instead of picking one. */
function chooseSource(sources: Record<string, StoredSource>): StoredSource | null {
  return sources[DEFAULT_SOURCE_ID] ?? Object.values(sources)[0] ?? null;
}

export async function loadList(): Promise<LoadedList> {
  const read = await readStore();
  const problem = problemOf(read);
  const chosen = read.kind === 'ok' ? chooseSource(read.record.sources) : null;
  if (chosen) return { list: chosen.list, origin: 'stored', fetchedAt: chosen.fetchedAt, problem };
  return { list: await loadBundledList(), origin: 'bundled', fetchedAt: null, problem };
}

/** Calls back with the newly loaded list whenever the stored lists change (in any of the extension's
 * pages or its worker). Returns a function that stops listening. */
export function onListChanged(callback: (loaded: LoadedList) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && STORE_KEY in changes) void loadList().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Stores one source's list (adding or replacing it) in a single write, bumping the revision. Other
 * sources, including damaged ones, are kept as they were. A record from a newer version is never
 * overwritten (that would lose its data); an unreadable one is kept under a backup key first.
 * Callers that read-modify-write from several places at once must serialise (e.g. navigator.locks).
 */
export async function saveSource(source: StoredSource): Promise<void> {
  const checked = validateList(source.list);
  if (!checked.ok) throw new Error(`${source.id}: ${checked.issues.join('; ')}`);
  const raw: unknown = (await browser.storage.local.get(STORE_KEY))[STORE_KEY];
  const read = readStoreRecord(raw);
  if (read.kind === 'newer') throw new Error(t('listProblemNewer', String(read.version)));
  if (read.kind === 'corrupt') await browser.storage.local.set({ [`${STORE_KEY}.backup`]: raw });
  const base = read.kind === 'ok' ? read.raw : emptyStoreRecord();
  await browser.storage.local.set({
    [STORE_KEY]: {
      ...base,
      revision: base.revision + 1,
      sources: { ...base.sources, [source.id]: { ...source, list: checked.list } },
    },
  });
}

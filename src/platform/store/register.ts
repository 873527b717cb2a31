// The register from a store record: every source's last good list merged into one (core merge), the
// bundled snapshot standing in for a bundled source until its first good fetch; with no record, the
// bundled list alone. Shared by the full read (store/register-read.ts) and the writer of the read views
// (store/lookup-write.ts), so both make the same register from the same record.
import bundledSources from '../../../assets/data/sources.json';
import { LIST_FORMAT, type SubprocessorList, validateList } from '../../core/list';
import { type ListInput, mergeLists } from '../../core/register/merge';
import { extensionUrl } from '../runtime';
import { BUNDLED_SOURCE_IDS, kindOf, type StoredSource, type StoreRecord } from './record';

/** The source shown by default and shipped with the extension (Dovetail's list). */
export const DEFAULT_SOURCE_ID = bundledSources.sources[0]?.id ?? 'dovetail';

export interface Register {
  /** The merged register (vendors carry listedBy: which sources list them). */
  list: SubprocessorList;
  /** 'stored' when any fetched or imported list is part of it; 'bundled' when only the snapshot is. */
  origin: 'stored' | 'bundled';
  /** The newest good fetch among the lists in use (ISO date-time); null when none was fetched. */
  fetchedAt: string | null;
}

let bundled: Promise<SubprocessorList> | null = null;

/** The list shipped in the package (dist/<browser>/data/<id>.json, written by the build). It never
 * changes while the extension runs, so one read per page or worker life is enough. */
export function loadBundledList(): Promise<SubprocessorList> {
  bundled ??= (async () => {
    const response = await fetch(extensionUrl(`data/${DEFAULT_SOURCE_ID}.json`));
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

/** The sources in register order: bundled ones first (as shipped), then the others as added. */
export function orderedSources(record: StoreRecord): StoredSource[] {
  const rank = (s: StoredSource) => {
    const i = BUNDLED_SOURCE_IDS.indexOf(s.id);
    return i < 0 ? BUNDLED_SOURCE_IDS.length : i;
  };
  return Object.values(record.sources).sort(
    (a, b) =>
      rank(a) - rank(b) || (a.addedAt ?? '').localeCompare(b.addedAt ?? '') || a.id.localeCompare(b.id),
  );
}

/** A bundled source nobody has stored anything for yet: the snapshot, as a source. */
export function snapshotSource(id: string): StoredSource {
  const shipped = bundledSources.sources.find((s) => s.id === id);
  return {
    id,
    title: shipped?.title ?? id,
    url: shipped?.url ?? null,
    kind: 'bundled',
    list: null,
    fetchedAt: null,
    fileName: null,
    addedAt: null,
    etag: null,
    lastModified: null,
    redirectedTo: null,
    lastAttempt: null,
    retry: { failures: 0, retryAt: null },
    held: null,
    history: [],
    capturedAt: null,
    readOnVisit: false,
  };
}

/** Every source the user has: the stored ones, plus shipped ones not stored yet and not removed. */
export function allSources(record: StoreRecord | null): StoredSource[] {
  const stored = record ? orderedSources(record) : [];
  const missing = BUNDLED_SOURCE_IDS.filter(
    (id) => !record?.sources[id] && !record?.removedBundled.includes(id),
  ).map(snapshotSource);
  return [...missing, ...stored];
}

/** The list a source contributes: its last good one, the snapshot for a bundled source, or none. */
export async function listOf(source: StoredSource): Promise<SubprocessorList | null> {
  if (source.list) return source.list;
  // Only the default source's snapshot ships as data/<id>.json today.
  return kindOf(source) === 'bundled' && source.id === DEFAULT_SOURCE_ID ? loadBundledList() : null;
}

function emptyRegister(): SubprocessorList {
  return { format: LIST_FORMAT, source: { title: '', url: null, updated: null }, vendors: [] };
}

/** The register of a readable record; of no record (nothing stored, or unusable), the bundled list. */
export async function registerOf(record: StoreRecord | null): Promise<Register> {
  if (!record) {
    const list = mergeLists([{ sourceId: DEFAULT_SOURCE_ID, list: await loadBundledList() }]);
    return { list, origin: 'bundled', fetchedAt: null };
  }
  const inputs: ListInput[] = [];
  let origin: Register['origin'] = 'bundled';
  let fetchedAt: string | null = null;
  for (const source of allSources(record)) {
    const list = await listOf(source);
    if (!list) continue;
    inputs.push({ sourceId: source.id, list });
    if (source.list) origin = 'stored';
    if (source.list && source.fetchedAt && (!fetchedAt || source.fetchedAt > fetchedAt))
      fetchedAt = source.fetchedAt;
  }
  const list = inputs.length ? mergeLists(inputs) : emptyRegister();
  return { list, origin, fetchedAt };
}

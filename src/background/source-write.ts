// The one store write that changes one source (a refresh, a page read, a held result kept or
// discarded, an import): the source is taken from the record as it is stored at the write, since
// another write may have come between, and the list it shows is read beside it.
import type { SubprocessorList } from '../core/list';
import type { ListDiff } from '../core/register/diff';
import { summarizeDiff } from '../core/register/diff-summary';
import { allSources, listOf, type StoredSource, type StoreRecord, updateStore } from '../platform/store';

type HeldResult = NonNullable<StoredSource['held']>;

/** The source as it stands in `record` (a bundled one may not be stored yet); null when removed. */
export function sourceIn(record: StoreRecord | null, id: string): StoredSource | null {
  return allSources(record).find((s) => s.id === id) ?? null;
}

/**
 * `pick` finds the source in the record as stored now (null: write nothing); `next` makes its next
 * state from it and the list it shows: its own, else, for a bundled source never fetched, the
 * snapshot shipped for `shown` (read before the write, so the store's queue waits on no file).
 * Resolves to the source written, or null when nothing was. A newer record throws (record-io.ts).
 */
export async function writeSource(
  shown: StoredSource | null,
  pick: (record: StoreRecord) => StoredSource | null,
  next: (source: StoredSource, list: SubprocessorList | null) => StoredSource | null,
): Promise<StoredSource | null> {
  const snapshot = shown ? await listOf({ ...shown, list: null }) : null;
  let written: StoredSource | null = null;
  await updateStore((record) => {
    const source = pick(record);
    written = source && next(source, source.list ?? snapshot);
    if (!written) return null;
    record.sources[written.id] = written;
    return record;
  });
  return written;
}

/** A list held on a source for the user to confirm (a mass removal, a preview read from cues):
 * what a refresh and an import both store. `title` names the source in the change summary. */
export function heldResult(
  held: Omit<HeldResult, 'after' | 'summary' | 'removed'>,
  diff: ListDiff,
  title: string,
): HeldResult {
  return {
    ...held,
    after: held.list.vendors.length,
    removed: diff.removed.length,
    summary: summarizeDiff(diff, title),
  };
}

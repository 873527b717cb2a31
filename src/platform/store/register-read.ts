// The register the extension works with, read the full way: the stored record, every source's last
// good list merged into one (store/register.ts), validated on every read. When nothing is stored, or the
// stored record cannot be read, the bundled list alone. Never throws for bad data. The hot readers
// (the worker's badge, the popup's first paint) use the read views instead (store/lookup-write.ts) and come
// here only when those are missing or damaged.
import { validateList } from '../../core/list';
import { t } from '../i18n';
import { kindOf, type StoredSource, type StoreRead } from './record';
import { readStore, updateStore } from './record-io';
import { type Register, registerOf, snapshotSource } from './register';

export interface LoadedList extends Register {
  /** A sentence for the user when stored data could not be used; null when all is well. */
  problem: string | null;
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

export async function loadList(): Promise<LoadedList> {
  const read = await readStore();
  return { ...(await registerOf(read.kind === 'ok' ? read.record : null)), problem: problemOf(read) };
}

/**
 * Stores one source's list (adding or replacing the source) in a single serialised write. Other
 * sources, including damaged ones, are kept as they were. A record from a newer version is never
 * overwritten (that would lose its data); an unreadable one is kept under a backup key first.
 */
export async function saveSource(
  source: Pick<StoredSource, 'id' | 'title' | 'url' | 'fetchedAt' | 'list'> & Partial<StoredSource>,
): Promise<void> {
  const checked = validateList(source.list);
  if (!checked.ok) throw new Error(`${source.id}: ${checked.issues.join('; ')}`);
  await updateStore((record) => {
    const base = record.sources[source.id] ?? snapshotSource(source.id);
    const { damage: _fixed, ...kept } = base;
    record.sources[source.id] = {
      ...kept,
      ...source,
      kind: source.kind ?? kindOf({ ...source, kind: record.sources[source.id]?.kind }),
      list: checked.list,
    };
    return record;
  });
}

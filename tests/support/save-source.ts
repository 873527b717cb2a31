// Seeds storage through the store's own write (updateStore), as the extension writes it: the tests
// store one source's list without going through a refresh or an import.
import { validateList } from '../../src/core/list';
import { kindOf, type StoredSource } from '../../src/platform/store/record';
import { updateStore } from '../../src/platform/store/record-io';
import { snapshotSource } from '../../src/platform/store/register';

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

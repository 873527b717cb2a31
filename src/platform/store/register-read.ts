// The register the extension works with, read the full way: the stored record, every source's last
// good list merged into one (store/register.ts), validated on every read. When nothing is stored, or the
// stored record cannot be read, the bundled list alone. Never throws for bad data. The hot readers
// (the worker's badge, the popup's first paint) use the read views instead (store/lookup-write.ts) and come
// here only when those are missing or damaged.
import { t } from '../i18n';
import type { StoreRead } from './record';
import { readStore } from './record-io';
import { type Register, registerOf } from './register';

export interface LoadedList extends Register {
  /** A sentence for the user when stored data could not be used; null when all is well. */
  problem: string | null;
}

/** What the user is told of a source whose stored list fails its schema: its id and first issue. */
export function damageProblem(id: string, issue: string): string {
  return t('listProblemSourceDamaged', [id, issue]);
}

/** What the user is told when a read of the record could not be used, in whole or in part. */
export function storeProblem(read: StoreRead): string | null {
  switch (read.kind) {
    case 'newer':
      return t('listProblemNewer', String(read.version));
    case 'corrupt':
      return t('listProblemCorrupt', read.reason);
    case 'ok': {
      const first = read.invalid[0];
      return first ? damageProblem(first.id, first.issues[0] ?? '') : null;
    }
    default:
      return null;
  }
}

export async function loadList(): Promise<LoadedList> {
  const read = await readStore();
  return { ...(await registerOf(read.kind === 'ok' ? read.record : null)), problem: storeProblem(read) };
}

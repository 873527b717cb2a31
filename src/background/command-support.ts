// What the background's command handlers share: their answers, the current sources, and the
// writes that turn a newer record into a clear refusal.
import { t } from '../platform/i18n';
import { failure } from '../platform/messages';
import type { Reply } from '../platform/source-types';
import {
  allSources,
  BUNDLED_SOURCE_IDS,
  NewerStoreError,
  readStore,
  type StoredSource,
  type StoreRecord,
  updateStore,
} from '../platform/store';

export function ok(message: string, sourceId: string | null, reports: Reply['reports'] = []): Reply {
  return { ok: true, message, sourceId, reports };
}

export async function currentSources(): Promise<StoredSource[]> {
  const read = await readStore();
  return allSources(read.kind === 'ok' ? read.record : null);
}

/** A readable id that is not taken yet: "example-com", "example-com-2" ... */
export function freshId(record: StoreRecord, base: string): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'list';
  const taken = (id: string) => id in record.sources || BUNDLED_SOURCE_IDS.includes(id);
  let id = stem;
  for (let n = 2; taken(id); n++) id = `${stem}-${n}`;
  return id;
}

/** Runs a store write, turning a newer record into a clear refusal. */
export function write(mutate: (record: StoreRecord) => StoreRecord | null): Promise<Reply | null> {
  return refusing(() => updateStore(mutate));
}

/** Runs `task` (one that writes the store), turning a newer record into a clear refusal. */
export async function refusing(task: () => Promise<unknown>): Promise<Reply | null> {
  try {
    await task();
    return null;
  } catch (error) {
    if (error instanceof NewerStoreError) return failure(t('commandNewerStore', String(error.version)));
    throw error;
  }
}

// The stored lists: one storage.local key holding a versioned record, written in one set() call so a
// crash leaves the old record or the new one, never a mix. Shaped for the data-refresh issue: several
// sources, each with its fetch metadata (etag, last error, history ...) as extra keys on the entry.
import * as v from 'valibot';
import { type SubprocessorList, validateList } from '../core/list';
import { STORE_KEY } from './storage-keys';

export { STORE_KEY };

export const STORE_SCHEMA_VERSION = 1;

// What a source entry says besides its list; extra keys (etag, lastError ...) are kept as they are.
const SourceMetaSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  url: v.nullable(v.string()),
  /** ISO date-time of the fetch that produced `list`; null for an import or the bundled copy. */
  fetchedAt: v.nullable(v.string()),
});

const StoreRecordSchema = v.looseObject({
  schemaVersion: v.literal(STORE_SCHEMA_VERSION),
  /** Bumped by every write: a cheap key for anything derived from the lists. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  // Each list is checked on its own with the core's validateList, so one bad source cannot hide the others.
  sources: v.record(v.string(), v.looseObject({ ...SourceMetaSchema.entries, list: v.unknown() })),
});

export type StoredSource = v.InferOutput<typeof SourceMetaSchema> & { list: SubprocessorList };
export type RawStoreRecord = v.InferOutput<typeof StoreRecordSchema>;
export type StoreRecord = Pick<RawStoreRecord, 'schemaVersion' | 'revision'> & {
  sources: Record<string, StoredSource>;
};

export type StoreRead =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      /** The readable sources, their lists validated. */
      record: StoreRecord;
      /** Sources whose list failed validation: left out of `record`, never deleted from storage. */
      invalid: { id: string; issues: string[] }[];
      /** The whole record as stored (after migration), damaged sources and unknown keys included. */
      raw: RawStoreRecord;
    }
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; reason: string };

/** Upgrades an older record one version at a time; index n turns version n into n + 1. The first
 * schema is 1, so there is nothing to upgrade yet: a version-2 change adds `1: (r) => ...` here. */
const MIGRATIONS: Record<number, (record: Record<string, unknown>) => Record<string, unknown>> = {};

function versionOf(raw: Record<string, unknown>): number | null {
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

/** Reads whatever storage held under STORE_KEY. Never throws: an unreadable record is 'corrupt', one
 * written by a later version of the extension is 'newer' (left untouched, so a downgrade loses nothing). */
export function readStoreRecord(raw: unknown): StoreRead {
  if (raw === undefined || raw === null) return { kind: 'empty' };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { kind: 'corrupt', reason: 'not an object' };
  let record = raw as Record<string, unknown>;
  let version = versionOf(record);
  if (version === null) return { kind: 'corrupt', reason: 'no schema version' };
  if (version > STORE_SCHEMA_VERSION) return { kind: 'newer', version };
  while (version < STORE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { kind: 'corrupt', reason: `no migration from schema version ${version}` };
    record = step(record);
    version++;
  }
  const parsed = v.safeParse(StoreRecordSchema, record);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    return { kind: 'corrupt', reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid record'}` };
  }
  const sources: Record<string, StoredSource> = {};
  const invalid: { id: string; issues: string[] }[] = [];
  for (const [id, entry] of Object.entries(parsed.output.sources)) {
    const checked = validateList(entry.list);
    if (checked.ok) sources[id] = { ...entry, list: checked.list };
    else invalid.push({ id, issues: checked.issues });
  }
  return { kind: 'ok', record: { ...parsed.output, sources }, invalid, raw: parsed.output };
}

export function emptyStoreRecord(): RawStoreRecord {
  return { schemaVersion: STORE_SCHEMA_VERSION, revision: 0, sources: {} };
}

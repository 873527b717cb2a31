// The stored lists: one storage.local key holding a versioned record, written in one set() call so a
// crash leaves the old record or the new one, never a mix. Each source keeps its last good list, its
// fetch metadata, its last attempt and retry state, a result held for confirmation, and its history.
// Reading never throws, and one damaged part never hides the rest: a source whose list fails the
// schema is reported (its stored data left alone), and a damaged metadata field reads as its default.
import * as v from 'valibot';
import bundledSources from '../../../assets/data/sources.json';
import { reassessVendor } from '../../core/assess';
import { type SubprocessorList, validateList } from '../../core/list';
import type { RetryState } from '../../core/refresh/retry-policy';
import { RetrySchema } from '../../core/refresh/retry-policy';
import type { HistoryEntry } from '../../core/register/history-schema';
import { HistoryEntrySchema } from '../../core/register/history-schema';
import { AttemptSchema, type HeldResult, HeldSchema, type LastAttempt, NullableString } from './source-parts';

export const STORE_SCHEMA_VERSION = 3;

/** The ids of the sources shipped with the extension (their snapshot is the list until a fetch). */
export const BUNDLED_SOURCE_IDS: readonly string[] = bundledSources.sources.map((s) => s.id);

export const SOURCE_KINDS = ['bundled', 'url', 'file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

// Only id, title and url are essential; every other field falls back on its own. Unknown keys are
// kept, so a field added by a later minor version survives this one's writes.
const SourceEntrySchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  url: v.nullable(v.string()),
  /** How the source was made; derived for entries that lack it (see kindOf). */
  kind: v.optional(v.fallback(v.picklist(SOURCE_KINDS), 'url')),
  /** The last good list; null until the first good fetch (the bundled snapshot stands in). */
  list: v.optional(v.unknown(), null),
  /** ISO date-time of the fetch that produced `list`; null for an import or the bundled copy. */
  fetchedAt: NullableString,
  fileName: v.optional(NullableString, null),
  /** When the source was added (ISO date-time); orders the sources. */
  addedAt: v.optional(NullableString, null),
  etag: v.optional(NullableString, null),
  lastModified: v.optional(NullableString, null),
  /** Where the last fetch ended up when a redirect left the source's origin (its final URL). */
  redirectedTo: v.optional(NullableString, null),
  lastAttempt: v.optional(v.fallback(v.nullable(AttemptSchema), null), null),
  retry: v.optional(v.fallback(RetrySchema, { failures: 0, retryAt: null }), { failures: 0, retryAt: null }),
  held: v.optional(v.fallback(v.nullable(HeldSchema), null), null),
  history: v.optional(v.fallback(v.array(v.unknown()), []), []),
  /** When the list was last read from the rendered page (followed from the popup); null: never. */
  capturedAt: v.optional(NullableString, null),
  /** A followed page whose static fetch holds no list (built in the browser): kept by visits. */
  readOnVisit: v.optional(v.fallback(v.boolean(), false), false),
});

const StoreRecordSchema = v.looseObject({
  schemaVersion: v.literal(STORE_SCHEMA_VERSION),
  /** Bumped by every write: a cheap key for anything derived from the lists. */
  revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
  sources: v.record(v.string(), SourceEntrySchema),
  /** Bundled sources the user removed: they stay removed across updates of the extension. */
  removedBundled: v.optional(v.fallback(v.array(v.string()), []), []),
});

type RawEntry = v.InferOutput<typeof SourceEntrySchema>;
export type RawStoreRecord = v.InferOutput<typeof StoreRecordSchema>;

/** A source as the extension works with it: every field typed and checked. */
export interface StoredSource {
  id: string;
  title: string;
  url: string | null;
  kind: SourceKind;
  list: SubprocessorList | null;
  fetchedAt: string | null;
  fileName: string | null;
  addedAt: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The final URL of the last fetch when a redirect left the source's origin; else null. */
  redirectedTo: string | null;
  lastAttempt: LastAttempt | null;
  retry: RetryState;
  held: HeldResult | null;
  history: HistoryEntry[];
  /** When the list was last read from the rendered page; null for a list only ever fetched. */
  capturedAt: string | null;
  /** The static fetch holds no list: the list is kept current by reading the page on a visit. */
  readOnVisit: boolean;
  /** Set when the stored list fails the schema: it is left in storage as it was, unused. */
  damage?: string[];
}

export interface StoreRecord {
  schemaVersion: number;
  revision: number;
  sources: Record<string, StoredSource>;
  removedBundled: string[];
}

export type StoreRead =
  | { kind: 'empty' }
  | {
      kind: 'ok';
      record: StoreRecord;
      /** Sources whose list failed validation (kept in `record` with list null and `damage`). */
      invalid: { id: string; issues: string[] }[];
      /** The whole record as stored (after migration), damaged lists and unknown keys included. */
      raw: RawStoreRecord;
    }
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; reason: string };

export function kindOf(entry: { id: string; url: string | null; kind?: SourceKind | undefined }): SourceKind {
  if (entry.kind) return entry.kind;
  if (BUNDLED_SOURCE_IDS.includes(entry.id)) return 'bundled';
  return entry.url ? 'url' : 'file';
}

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/** A stored list with its findings recomputed as ids with params; anything that is not a valid list
 * is left as it was, for the schema to report. */
function reassessedList(raw: unknown): unknown {
  const checked = validateList(raw);
  if (!checked.ok) return raw;
  const { list } = checked;
  return { ...list, vendors: list.vendors.map((vendor) => reassessVendor(vendor, list.source)) };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Upgrades an older record one version at a time; index n turns version n into n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  // 1 -> 2: a source gains its kind, attempt and retry state, held result and history. Version 1
  // kept fetch metadata as loose extra keys; etag and lastModified carry over when they are text.
  1: (record) => {
    const sources = record.sources;
    if (typeof sources !== 'object' || sources === null || Array.isArray(sources)) return record;
    const next: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(sources as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) {
        next[id] = value; // left for the schema to report
        continue;
      }
      const entry = value as Record<string, unknown>;
      const text = (x: unknown) => (typeof x === 'string' ? x : null);
      next[id] = {
        ...entry,
        kind: kindOf({ id, url: text(entry.url) }),
        fileName: null,
        addedAt: null,
        etag: text(entry.etag),
        lastModified: text(entry.lastModified),
        lastAttempt: null,
        retry: { failures: 0, retryAt: null },
        held: null,
        history: [],
      };
    }
    return { ...record, schemaVersion: 2, sources: next, removedBundled: [] };
  },
  // 2 -> 3: findings are stored as ids with params instead of English sentences (the sentence is
  // written when shown, in the reader's language), in each source's list and held result.
  2: (record) => {
    if (!isRecord(record.sources)) return { ...record, schemaVersion: 3 };
    const next: Record<string, unknown> = {};
    for (const [id, entry] of Object.entries(record.sources)) {
      if (!isRecord(entry)) {
        next[id] = entry; // left for the schema to report
        continue;
      }
      const held = isRecord(entry.held)
        ? { ...entry.held, list: reassessedList(entry.held.list) }
        : entry.held;
      const list = entry.list === null || entry.list === undefined ? entry.list : reassessedList(entry.list);
      next[id] = { ...entry, list, held };
    }
    return { ...record, schemaVersion: 3, sources: next };
  },
};

function versionOf(raw: Record<string, unknown>): number | null {
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

function heldOf(raw: RawEntry['held']): HeldResult | null {
  if (!raw) return null;
  const checked = validateList(raw.list);
  return checked.ok ? { ...raw, list: checked.list } : null; // a damaged held result is just dropped
}

function historyOf(raw: unknown[]): HistoryEntry[] {
  // Entries are checked one by one: a damaged one is left out, the others stay.
  return raw.flatMap((entry) => {
    const parsed = v.safeParse(HistoryEntrySchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

function typed(id: string, entry: RawEntry): { source: StoredSource; issues: string[] | null } {
  let list: SubprocessorList | null = null;
  let issues: string[] | null = null;
  if (entry.list !== null && entry.list !== undefined) {
    const checked = validateList(entry.list);
    if (checked.ok) list = checked.list;
    else issues = checked.issues;
  }
  const source: StoredSource = {
    ...entry,
    id,
    kind: kindOf(entry),
    list,
    fetchedAt: entry.fetchedAt,
    fileName: entry.fileName,
    addedAt: entry.addedAt,
    etag: entry.etag,
    lastModified: entry.lastModified,
    redirectedTo: entry.redirectedTo,
    lastAttempt: entry.lastAttempt,
    retry: entry.retry,
    held: heldOf(entry.held),
    history: historyOf(entry.history),
    capturedAt: entry.capturedAt,
    readOnVisit: entry.readOnVisit,
  };
  if (issues) source.damage = issues;
  return { source, issues };
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
    const { source, issues } = typed(id, entry);
    sources[id] = source;
    if (issues) invalid.push({ id, issues });
  }
  const { schemaVersion, revision, removedBundled } = parsed.output;
  return {
    kind: 'ok',
    record: { schemaVersion, revision, sources, removedBundled },
    invalid,
    raw: parsed.output,
  };
}

/** The addresses of the sources followed from their rendered page (their visits re-read them). */
export function followedPages(record: StoreRecord | null): string[] {
  if (!record) return [];
  return Object.values(record.sources).flatMap((s) => (s.url && s.capturedAt !== null ? [s.url] : []));
}

export function emptyStoreRecord(): StoreRecord {
  return { schemaVersion: STORE_SCHEMA_VERSION, revision: 0, sources: {}, removedBundled: [] };
}

/**
 * The record to store for `next`, read from `previous` (the raw record it was made from). A source
 * whose list was damaged and not replaced keeps its stored list as it was; unknown keys stay.
 */
export function toStorable(next: StoreRecord, previous: RawStoreRecord | null): Record<string, unknown> {
  const sources: Record<string, unknown> = {};
  for (const [id, source] of Object.entries(next.sources)) {
    const { damage, ...rest } = source;
    const before = previous?.sources[id];
    const list = damage && source.list === null && before ? before.list : source.list;
    sources[id] = { ...before, ...rest, list };
  }
  const base = previous ?? {};
  return { ...base, ...next, sources };
}

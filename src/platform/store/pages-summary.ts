// The pages summary: what the options page shows of the stored sources (each one's counts, dates,
// last attempt, held result, damage) and their merged history, made from the record when it is
// written and stored in the same storage.local.set() as the record and its lookup views
// (store/record-io.ts), stamped with their head's stamp. The page then reads this (a few KB) instead
// of the whole record (7 MB and 0.5 s a read at 10,000 vendors, issue 12). It trusts it as the
// badge and popup trust the views: only beside a head of this version that is not stale
// (store/record-io.ts markLookupStale) and carries the same stamp. Anything else (missing, damaged,
// another build, a record written from outside) reads as null, and the page reads the record the
// full way (store/source-summaries.ts). When the lookup tables are left out (they did not fit), the
// summary is still written beside their head if it fits, and the pages read it; if it does not,
// they read the record as the badge then does. What depends on the
// applied policy (`managed`) or on the reader's language (the damage sentence) is not stored: the
// page adds it when it reads.
import * as v from 'valibot';
import { mergeHistories } from '../../core/register/history';
import { HistoryEntrySchema } from '../../core/register/history-schema';
import { browser } from '../browser';
import { SOURCE_ORIGINS } from '../source-types';
import { LOOKUP_KEY, PAGES_KEY } from './keys';
import { isHead } from './lookup-read';
import { extensionVersion } from './lookup-write';
import { packJson, unpackJson } from './packed-json';
import type { StoredSource, StoreRecord } from './record';
import { allSources, listOf } from './register';
import { AttemptSchema, HeldSummarySchema } from './source-parts';

/** Bumped when the summary's shape changes: one of another format is never read. */
export const PAGES_FORMAT = 1;

const Text = v.string();
const NullableText = v.nullable(v.string());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A source as the pages show it (platform/source-types.ts SourceSummary), without what the page
 * adds when it reads: `managed` (the policy) and `problem` (a sentence made of `damage`). */
const SourceShownSchema = v.object({
  id: Text,
  title: Text,
  url: NullableText,
  redirectsTo: NullableText,
  origin: v.picklist(SOURCE_ORIGINS),
  fileName: NullableText,
  vendorCount: Count,
  updated: NullableText,
  fetchedAt: NullableText,
  importedAt: NullableText,
  lastAttempt: v.nullable(AttemptSchema),
  retryAt: NullableText,
  held: v.nullable(HeldSummarySchema),
  /** The first issue of a stored list that fails its schema; null when the list is sound. */
  damage: NullableText,
  keptBy: v.picklist(['schedule', 'visit']),
  capturedAt: NullableText,
});

const PagesSummarySchema = v.object({
  format: v.literal(PAGES_FORMAT),
  /** The stamp of the lookup head written with it (store/lookup-write.ts LookupHead). */
  stamp: Text,
  /** Every source, in the order the pages show them (store/register.ts allSources). */
  sources: v.array(SourceShownSchema),
  /** The applied changes of every source, newest first (core/register/history.ts mergeHistories). */
  history: v.array(HistoryEntrySchema),
  /** The first source, in record order, whose stored list fails its schema (the page's problem
   * line, store/register-read.ts storeProblem); null when none does. */
  damaged: v.nullable(v.object({ id: Text, issue: Text })),
});

export type SourceShown = v.InferOutput<typeof SourceShownSchema>;
export type PagesSummary = v.InferOutput<typeof PagesSummarySchema>;

function originOf(source: StoredSource): SourceShown['origin'] {
  if (source.kind === 'file') return 'imported';
  if (!source.list) return source.kind === 'bundled' ? 'bundled' : 'none';
  return source.fetchedAt ? 'fetched' : 'imported';
}

/** The origin a source's address redirects to, when it is not the address's own. */
function redirectOrigin(source: StoredSource): string | null {
  if (!source.redirectedTo || !source.url) return null;
  try {
    const to = new URL(source.redirectedTo).origin;
    return to === new URL(source.url).origin ? null : to;
  } catch {
    return null;
  }
}

/** The issues of a source's stored list that fails its schema. A writer's record may still carry the
 * mark of a list it replaced (store/record.ts toStorable keeps the damaged list only while the list
 * is null), so the mark counts only where a reading of what is written would find it again. */
function damageOf(source: StoredSource): string[] | null {
  return source.damage && source.list === null ? source.damage : null;
}

/** What the pages show of one source, but for the policy and the language. The one rule for both
 * the summary and the full read (store/source-summaries.ts). */
export async function sourceShown(source: StoredSource): Promise<SourceShown> {
  const list = await listOf(source);
  const { held } = source;
  const damage = damageOf(source);
  return {
    id: source.id,
    title: source.title,
    url: source.url,
    redirectsTo: redirectOrigin(source),
    origin: originOf(source),
    fileName: source.fileName,
    vendorCount: list?.vendors.length ?? 0,
    updated: list?.source.updated ?? null,
    fetchedAt: source.list ? source.fetchedAt : null,
    importedAt: source.kind === 'file' ? source.addedAt : null,
    lastAttempt: source.lastAttempt,
    retryAt: source.retry.retryAt === null ? null : new Date(source.retry.retryAt).toISOString(),
    held: held
      ? {
          at: held.at,
          reason: held.reason,
          reader: held.reader,
          confidence: held.confidence,
          message: held.message,
          before: held.before,
          after: held.after,
          removed: held.removed,
          summary: held.summary,
        }
      : null,
    damage: damage ? (damage[0] ?? '') : null,
    keptBy: source.readOnVisit ? 'visit' : 'schedule',
    capturedAt: source.capturedAt,
  };
}

/** The summary of a record, as the storage item to write beside the views stamped `stamp`. */
export async function buildPagesSummary(record: StoreRecord, stamp: string): Promise<Record<string, string>> {
  const sources = Object.values(record.sources);
  const first = sources.find((s) => damageOf(s));
  const summary: PagesSummary = {
    format: PAGES_FORMAT,
    stamp,
    sources: await Promise.all(allSources(record).map(sourceShown)),
    history: mergeHistories(sources.map((s) => s.history)),
    damaged: first ? { id: first.id, issue: damageOf(first)?.[0] ?? '' } : null,
  };
  return { [PAGES_KEY]: await packJson(summary) };
}

/** The summary, when it describes the stored record: beside a head of this version, not stale, of
 * the same build. Null for anything else: the caller reads the record. Never throws. */
export async function readPagesSummary(): Promise<PagesSummary | null> {
  try {
    const stored = await browser.storage.local.get([LOOKUP_KEY, PAGES_KEY]);
    const head: unknown = stored[LOOKUP_KEY];
    if (!isHead(head) || head.version !== extensionVersion() || head.stale === true) return null;
    const parsed = v.safeParse(PagesSummarySchema, await unpackJson(stored[PAGES_KEY]));
    return parsed.success && parsed.output.stamp === head.stamp ? parsed.output : null;
  } catch {
    return null;
  }
}

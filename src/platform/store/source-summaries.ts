// The read side of the refresh for the pages: what each source holds and how its last attempt went,
// the history of applied changes, and the register as a file. Straight from storage, so the pages
// need no running worker to show it.
import type { Storage } from 'webextension-polyfill';
import { mergeHistories } from '../../core/register/history';
import type { HistoryEntry } from '../../core/register/history-schema';
import { REVIEW_EXPORT_FIELD, reviewRecordOf } from '../../core/register/review-state';
import { browser } from '../browser';
import { t } from '../i18n';
import { followedByPolicy, loadAppliedPolicy, type Policy } from '../managed-policy';
import type { SourceOrigin, SourceSummary } from '../source-types';
import { POLICY_KEY, STORE_KEY } from './keys';
import type { StoredSource, StoreRead } from './record';
import { readStore } from './record-io';
import { allSources, listOf } from './register';
import { loadList, storeProblem } from './register-read';
import { loadReviews } from './reviews';

function originOf(source: StoredSource): SourceOrigin {
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

async function viewOf(source: StoredSource, policy: Policy): Promise<SourceSummary> {
  const list = await listOf(source);
  const { held } = source;
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
    problem: source.damage ? t('listProblemSourceDamaged', [source.id, source.damage[0] ?? '']) : null,
    keptBy: source.readOnVisit ? 'visit' : 'schedule',
    capturedAt: source.capturedAt,
    managed: followedByPolicy(policy, source.url),
  };
}

function summariesOf(read: StoreRead, policy: Policy): Promise<SourceSummary[]> {
  return Promise.all(allSources(read.kind === 'ok' ? read.record : null).map((s) => viewOf(s, policy)));
}

function historyOf(read: StoreRead): HistoryEntry[] {
  if (read.kind !== 'ok') return [];
  return mergeHistories(Object.values(read.record.sources).map((s) => s.history));
}

/** Every source, bundled ones first then in the order they were added. */
export async function loadSources(): Promise<SourceSummary[]> {
  const [read, policy] = await Promise.all([readStore(), loadAppliedPolicy()]);
  return summariesOf(read, policy);
}

/** The applied changes of every source, newest first. */
export async function loadHistory(): Promise<HistoryEntry[]> {
  return historyOf(await readStore());
}

export interface SourcesPage {
  sources: SourceSummary[];
  history: HistoryEntry[];
  /** What could not be used of the stored record (store/register-read.ts storeProblem). */
  problem: string | null;
}

/** What the options page shows, from one read of the record: the record of 10,000 vendors costs
 * about 0.5 s a read, and the page used to read it three times per change (sources, history, and
 * the merged register only for its problem line). */
export async function loadSourcesPage(): Promise<SourcesPage> {
  const [read, policy] = await Promise.all([readStore(), loadAppliedPolicy()]);
  return { sources: await summariesOf(read, policy), history: historyOf(read), problem: storeProblem(read) };
}

/** The merged register as v1 JSON text: what the badge, popup and search use, listings included,
 * and the team's reviews in the extension field "review" (README: the list document). */
export async function exportRegister(): Promise<string> {
  const [loaded, reviews] = await Promise.all([loadList(), loadReviews()]);
  const document = { ...loaded.list, [REVIEW_EXPORT_FIELD]: reviewRecordOf(reviews.reviews) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Calls back after any change to the stored sources (or which of them the policy follows). Returns a function that stops listening. */
export function onSourcesChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && (STORE_KEY in changes || POLICY_KEY in changes)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// The read side of the refresh for the pages: what each source holds and how its last attempt went,
// the history of applied changes, and the register as a file. Straight from storage, so the pages
// need no running worker to show it.
import type { Storage } from 'webextension-polyfill';
import { mergeHistories } from '../../core/register/history';
import type { HistoryEntry } from '../../core/register/history-schema';
import { REVIEW_EXPORT_FIELD, reviewRecordOf } from '../../core/register/review-state';
import { browser } from '../browser';
import { followedByPolicy, loadAppliedPolicy, type Policy } from '../managed-policy';
import type { SourceSummary } from '../source-types';
import { POLICY_KEY } from './keys';
import { storeChangeOf } from './lookup-read';
import { readPagesSummary, type SourceShown, sourceShown } from './pages-summary';
import type { StoredSource, StoreRead } from './record';
import { readStore } from './record-io';
import { allSources } from './register';
import { damageProblem, loadList, storeProblem } from './register-read';
import { loadReviews } from './reviews';

/** A source as the page shows it: what is stored, with what the policy and the language add. */
function summaryOf(shown: SourceShown, policy: Policy): SourceSummary {
  const { damage, ...rest } = shown;
  return {
    ...rest,
    problem: damage === null ? null : damageProblem(shown.id, damage),
    managed: followedByPolicy(policy, shown.url),
  };
}

async function viewOf(source: StoredSource, policy: Policy): Promise<SourceSummary> {
  return summaryOf(await sourceShown(source), policy);
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

export interface SourcesPageRead {
  /** Read the record even where the pages summary looks current: it was written from outside the
   * store code just now, and the worker may not have marked the summary stale yet. */
  fullRead?: boolean;
}

/** What the options page shows. From the pages summary (store/pages-summary.ts) when it is the
 * stored record's: a few KB where the record of 10,000 vendors costs about 0.5 s a read. Otherwise
 * from one full read of the record (the page used to read it three times per change: sources,
 * history, and the merged register only for its problem line). */
export async function loadSourcesPage(how: SourcesPageRead = {}): Promise<SourcesPage> {
  const [summary, policy] = await Promise.all([
    how.fullRead ? null : readPagesSummary(),
    loadAppliedPolicy(),
  ]);
  if (summary)
    return {
      sources: summary.sources.map((shown) => summaryOf(shown, policy)),
      history: summary.history,
      problem: summary.damaged ? damageProblem(summary.damaged.id, summary.damaged.issue) : null,
    };
  const read = await readStore();
  return { sources: await summariesOf(read, policy), history: historyOf(read), problem: storeProblem(read) };
}

/** The merged register as v1 JSON text: what the badge, popup and search use, listings included,
 * and the team's reviews in the extension field "review" (README: the list document). */
export async function exportRegister(): Promise<string> {
  const [loaded, reviews] = await Promise.all([loadList(), loadReviews()]);
  const document = { ...loaded.list, [REVIEW_EXPORT_FIELD]: reviewRecordOf(reviews.reviews) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Calls back after any change to the stored sources (or which of them the policy follows), with
 * how to read them: the record itself when it changed without its views (written from outside).
 * A change of the views alone (marked stale, rebuilt) calls back too: a page that read the summary
 * just before the worker marked it stale reads again. Returns a function that stops listening. */
export function onSourcesChanged(callback: (how: SourcesPageRead) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    const change = storeChangeOf(changes);
    if (change || POLICY_KEY in changes) callback({ fullRead: change === 'record' });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// One refresh of one source: fetch (bounded; conditional where the origin's permission allows the
// extra headers), parse, judge, then a single serialised store write that either applies the list
// (with a history entry), holds it for the user, or keeps the last good list and records why and when
// to retry. Nothing here lives in worker memory: each step reads storage afresh.
import { judgeRefresh } from '../core/credibility';
import { sameJson } from '../core/diff';
import { summarizeDiff } from '../core/diff-summary';
import type { SubprocessorList } from '../core/list';
import { parse } from '../core/parse/index';
import { addToHistory, historyEntry } from '../core/refresh-history';
import { afterFailure, afterSuccess, type RetryState } from '../core/retry-policy';
import { type FetchListResult, fetchList } from '../platform/fetch-list';
import { t } from '../platform/i18n';
import { allSources, listOf } from '../platform/list-store';
import type { SourceReport } from '../platform/messages';
import { notifySource } from '../platform/notifications';
import { hasOrigin } from '../platform/permissions';
import { loadSettings } from '../platform/settings';
import { readStore, updateStore } from '../platform/source-store';
import type { StoredSource, StoreRecord } from '../platform/store-record';
import { type Attempt, decisionText, fetchFailure, summaryText } from './refresh-text';

export type Trigger = 'user' | 'schedule' | 'retry';

export interface RunOptions {
  trigger: Trigger;
  /** The clock, for tests. */
  now?: () => number;
  /** Fetch limits, for tests; the defaults are fetchList's. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Told when the source's list is being read (vendors null) and once it is read (its vendor
   * count), for the progress of long work (long-work.ts). */
  onStep?: (step: { sourceId: string; title: string; vendors: number | null }) => void;
}

/** What the store write decided, for the notification that follows it. */
type Notice = { kind: 'changed'; text: string } | { kind: 'held'; text: string } | null;

/** The source as it stands in `record` (a bundled one may not be stored yet); null when removed. */
function sourceIn(record: StoreRecord | null, id: string): StoredSource | null {
  return allSources(record).find((s) => s.id === id) ?? null;
}

function failed(
  source: StoredSource,
  now: number,
  retryAfterMs: number | null,
  retries: boolean,
): RetryState {
  if (!retries) return { failures: source.retry.failures + 1, retryAt: null };
  return afterFailure(source.retry, now, { retryAfterMs, random: Math.random() });
}

/** The updated source after a fetch that brought a body, and what to tell the user. */
function judged(
  source: StoredSource,
  stored: SubprocessorList | null,
  fetched: Extract<FetchListResult, { kind: 'ok' }>,
  at: string,
  now: number,
  retries: boolean,
  onRead?: (vendors: number) => void,
): { next: StoredSource; attempt: Attempt; notice: Notice } {
  const parsed = parse(fetched.text, {
    url: source.url,
    contentType: fetched.contentType,
    title: source.title,
  });
  if (parsed.ok) onRead?.(parsed.list.vendors.length);
  const decision = judgeRefresh(stored, parsed);
  if (decision.action === 'reject') {
    const attempt = decisionText(decision, source, null);
    return {
      next: { ...source, lastAttempt: { at, ...attempt }, retry: failed(source, now, null, retries) },
      attempt,
      notice: null,
    };
  }
  if (decision.action === 'hold') {
    const attempt = decisionText(decision, source, null);
    const held = {
      at,
      reason: decision.reason,
      message: attempt.message,
      before: decision.before,
      after: decision.list.vendors.length,
      removed: decision.removed,
      summary: summarizeDiff(decision.diff, source.title),
      list: decision.list,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    };
    const text = t('notifyHeldMessage', [source.title, String(decision.removed), String(decision.before)]);
    // The same held version found again (the next day's refresh) is not news: no second notification.
    const again = source.held !== null && sameJson(source.held.list.vendors, decision.list.vendors);
    return {
      next: { ...source, held, lastAttempt: { at, ...attempt }, retry: afterSuccess() },
      attempt,
      notice: again ? null : { kind: 'held', text },
    };
  }
  const summary = decision.diff ? summarizeDiff(decision.diff, source.title) : null;
  const attempt = decisionText(decision, source, summary);
  const entry = decision.diff
    ? historyEntry(decision.diff, { at, sourceId: source.id, listTitle: source.title })
    : null;
  const { damage: _replaced, ...rest } = source;
  return {
    next: {
      ...rest,
      list: decision.list,
      fetchedAt: at,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastAttempt: { at, ...attempt },
      retry: afterSuccess(),
      held: null, // a newer good list supersedes a held one
      history: entry ? addToHistory(source.history, entry) : source.history,
    },
    attempt,
    notice: entry && summary ? { kind: 'changed', text: summaryText(summary) } : null,
  };
}

function afterFetch(
  source: StoredSource,
  stored: SubprocessorList | null,
  result: FetchListResult,
  permitted: boolean,
  now: number,
  retries: boolean,
  onRead?: (vendors: number) => void,
): { next: StoredSource; attempt: Attempt; notice: Notice } {
  const at = new Date(now).toISOString();
  if (result.kind === 'ok') return judged(source, stored, result, at, now, retries, onRead);
  if (result.kind === 'not-modified') {
    // Nothing changed at the source: only the attempt is recorded.
    const attempt: Attempt = { outcome: 'not-modified', message: t('refreshNotModified') };
    return {
      next: { ...source, lastAttempt: { at, ...attempt }, retry: afterSuccess() },
      attempt,
      notice: null,
    };
  }
  const attempt = fetchFailure(result, source, permitted);
  // An address that cannot be fetched will not become fetchable by waiting.
  const retryable = retries && result.kind !== 'invalid-url';
  const retryAfter = result.kind === 'http-error' ? result.retryAfterMs : null;
  return {
    next: { ...source, lastAttempt: { at, ...attempt }, retry: failed(source, now, retryAfter, retryable) },
    attempt,
    notice: null,
  };
}

/** Refreshes one source and stores the outcome; null when there is no such source to fetch. */
export async function refreshOne(id: string, options: RunOptions): Promise<SourceReport | null> {
  const now = options.now ?? Date.now;
  const read = await readStore();
  const before = sourceIn(read.kind === 'ok' ? read.record : null, id);
  if (!before?.url) return null;
  const url = before.url;
  const step = options.onStep;
  step?.({ sourceId: id, title: before.title, vendors: null });
  const permitted = await hasOrigin(url);
  // Conditional headers need the origin's permission: without it they trigger a CORS preflight the
  // server may refuse. And only a stored list can answer a 304.
  const result = await fetchList(url, {
    etag: before.list ? before.etag : null,
    lastModified: before.list ? before.lastModified : null,
    conditional: permitted,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  const settings = await loadSettings();
  const retries = settings.schedule !== 'off';
  let outcome: { next: StoredSource; attempt: Attempt; notice: Notice } | null = null;
  // The list to judge against, read again inside the write: another refresh may have stored one.
  const snapshot = await listOf({ ...before, list: null });
  await updateStore((record) => {
    const source = sourceIn(record, id);
    if (!source || source.url !== url) return null; // removed or changed while we fetched
    const onRead = step && ((vendors: number) => step({ sourceId: id, title: before.title, vendors }));
    outcome = afterFetch(source, source.list ?? snapshot, result, permitted, now(), retries, onRead);
    record.sources[id] = outcome.next;
    return record;
  });
  if (!outcome) return null;
  const { attempt, notice } = outcome as { attempt: Attempt; notice: Notice };
  if (notice && settings.notifications && options.trigger !== 'user') {
    const title = notice.kind === 'held' ? t('notifyHeldTitle') : t('notifyChangedTitle');
    await notifySource(id, title, notice.text).catch((error: unknown) => {
      console.error('Subprocessor Lens: notification failed:', error);
    });
  }
  return { sourceId: id, title: before.title, outcome: attempt.outcome, message: attempt.message };
}

/** Refreshes the given sources one after another (polite to shared hosts, and to the machine). */
export async function refreshMany(ids: readonly string[], options: RunOptions): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const id of ids) {
    const report = await refreshOne(id, options);
    if (report) reports.push(report);
  }
  return reports;
}

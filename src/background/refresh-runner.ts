// One refresh of one source: fetch (bounded; conditional where the origin's permission allows the
// extra headers), parse, judge, then a single serialised store write that either applies the list
// (with a history entry), holds it for the user, or keeps the last good list and records why and when
// to retry. Nothing here lives in worker memory: each step reads storage afresh.

import { isolate } from '../core/isolate';
import type { SubprocessorList } from '../core/list';
import { applyList } from '../core/refresh/apply-list';
import { judgeRefresh } from '../core/refresh/decision';
import { afterFailure, afterSuccess, type RetryState } from '../core/refresh/retry-policy';
import { diffLists, sameJson } from '../core/register/diff';
import type { ParseResult } from '../core/result';
import { type FetchListResult, fetchList } from '../platform/fetch-list';
import { t } from '../platform/i18n';
import { notifySource } from '../platform/notifications';
import { hasOrigin } from '../platform/permissions';
import type { SourceReport } from '../platform/source-types';
import type { StoredSource } from '../platform/store';
import { loadSettings, readStore } from '../platform/store';
import { parser } from './parser';
import { type Attempt, decisionText, fetchFailure, summaryText } from './refresh-text';
import { heldResult, sourceIn, writeSource } from './source-write';

/** Who asked: the user (the answer is shown, no notification), the schedule or its retry, or a
 * visit of a followed page (in the background, or the popup opened on it). */
export type Trigger = 'user' | 'schedule' | 'retry' | 'visit';

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

function failed(
  source: StoredSource,
  now: number,
  retryAfterMs: number | null,
  retries: boolean,
): RetryState {
  if (!retries) return { failures: source.retry.failures + 1, retryAt: null };
  return afterFailure(source.retry, now, { retryAfterMs, random: Math.random() });
}

/** Where a list to judge came from: a fetch's body, or the page as the user's browser rendered it;
 * and what the parser read in it. */
type Read =
  | { by: 'fetch'; fetched: Extract<Fetched, { kind: 'ok' }> }
  | { by: 'capture'; parsed: ParseResult; recordFirst: boolean };

/** A fetch's result, with what the parser read in its body when it brought one. */
type Fetched =
  | Exclude<FetchListResult, { kind: 'ok' }>
  | (Extract<FetchListResult, { kind: 'ok' }> & { parsed: ParseResult });

type Outcome = { next: StoredSource; attempt: Attempt; notice: Notice };

/** A source followed from its rendered page whose static fetch finds no list (a page built in the
 * browser, or one behind a sign-in): not an error, and nothing to retry; visits keep it current. */
function readOnVisit(source: StoredSource, at: string): Outcome {
  const attempt: Attempt = { outcome: 'read-on-visit', message: t('refreshReadOnVisit') };
  return {
    next: { ...source, readOnVisit: true, lastAttempt: { at, ...attempt }, retry: afterSuccess() },
    attempt,
    notice: null,
  };
}

/** The updated source after a read that brought a body (null: a rendered page with no list, which
 * changes nothing), and what to tell the user. */
function judged(
  source: StoredSource,
  stored: SubprocessorList | null,
  read: Read,
  at: string,
  now: number,
  retries: boolean,
  onRead?: (vendors: number) => void,
): Outcome | null {
  const parsed = read.by === 'fetch' ? read.fetched.parsed : read.parsed;
  if (parsed.ok) onRead?.(parsed.list.vendors.length);
  const decision = judgeRefresh(stored, parsed);
  const validators =
    read.by === 'fetch'
      ? { etag: read.fetched.etag, lastModified: read.fetched.lastModified }
      : { etag: source.etag, lastModified: source.lastModified };
  if (decision.action === 'reject') {
    // A page read as the user sees it that holds no list (a sign-in page, still loading): nothing
    // to say; the stored list stays as it is.
    if (read.by === 'capture') return null;
    if (source.capturedAt !== null) return readOnVisit(source, at);
    const attempt = decisionText(decision, source, null);
    return {
      next: { ...source, lastAttempt: { at, ...attempt }, retry: failed(source, now, null, retries) },
      attempt,
      notice: null,
    };
  }
  const captured = read.by === 'capture' ? { capturedAt: at } : { readOnVisit: false };
  if (decision.action === 'hold') {
    const attempt = decisionText(decision, source, null);
    const held = heldResult(
      {
        at,
        reason: decision.reason,
        reader: decision.reader,
        confidence: decision.confidence,
        message: attempt.message,
        before: decision.before,
        list: decision.list,
        ...validators,
      },
      decision.diff,
      source.title,
    );
    const text =
      decision.reason === 'preview'
        ? t('notifyPreviewMessage', [isolate(source.title), String(decision.list.vendors.length)])
        : t('notifyHeldMessage', [isolate(source.title), String(decision.removed), String(decision.before)]);
    // The same held version found again (the next day's refresh) is not news: no second notification.
    const again = source.held !== null && sameJson(source.held.list.vendors, decision.list.vendors);
    return {
      next: { ...source, ...captured, held, lastAttempt: { at, ...attempt }, retry: afterSuccess() },
      attempt,
      notice: again ? null : { kind: 'held', text },
    };
  }
  // A list followed from its page is news in the history from its first version on.
  const diff =
    decision.diff ??
    (read.by === 'capture' && read.recordFirst
      ? diffLists({ ...decision.list, vendors: [] }, decision.list)
      : null);
  const { next, summary, entry } = applyList(source, decision.list, { at, diff });
  const attempt = decisionText(decision, source, decision.diff ? summary : null);
  return {
    next: {
      ...next,
      ...captured,
      fetchedAt: at,
      ...validators,
      lastAttempt: { at, ...attempt },
      retry: afterSuccess(),
    },
    attempt,
    notice: entry && summary && decision.diff ? { kind: 'changed', text: summaryText(summary) } : null,
  };
}

function afterFetch(
  source: StoredSource,
  stored: SubprocessorList | null,
  result: Fetched,
  permitted: boolean,
  now: number,
  retries: boolean,
  onRead?: (vendors: number) => void,
): Outcome {
  const at = new Date(now).toISOString();
  const outcome = afterFetchOf(source, stored, result, permitted, now, retries, at, onRead);
  // Where the address led, when a redirect left its origin: shown on the source's card.
  const finalUrl = 'finalUrl' in result ? result.finalUrl : null;
  if (finalUrl !== null)
    outcome.next = { ...outcome.next, redirectedTo: leavesOrigin(result.url, finalUrl) ? finalUrl : null };
  return outcome;
}

function leavesOrigin(url: string, finalUrl: string | null): boolean {
  if (!finalUrl) return false;
  try {
    return new URL(finalUrl).origin !== new URL(url).origin;
  } catch {
    return false;
  }
}

function afterFetchOf(
  source: StoredSource,
  stored: SubprocessorList | null,
  result: Fetched,
  permitted: boolean,
  now: number,
  retries: boolean,
  at: string,
  onRead?: (vendors: number) => void,
): Outcome {
  if (result.kind === 'ok')
    return (
      judged(source, stored, { by: 'fetch', fetched: result }, at, now, retries, onRead) ??
      readOnVisit(source, at)
    );
  if (result.kind === 'not-modified') {
    // Nothing changed at the source: only the attempt is recorded.
    const attempt: Attempt = { outcome: 'not-modified', message: t('refreshNotModified') };
    return {
      next: { ...source, lastAttempt: { at, ...attempt }, retry: afterSuccess() },
      attempt,
      notice: null,
    };
  }
  // A followed page behind a sign-in answers a fetch without the user's session with 401 or 403.
  const signIn = result.kind === 'http-error' && (result.status === 401 || result.status === 403);
  if (signIn && source.capturedAt !== null) return readOnVisit(source, at);
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
  const fetched = await fetchList(url, {
    etag: before.list ? before.etag : null,
    lastModified: before.list ? before.lastModified : null,
    conditional: permitted,
    // A redirect to another origin needs that origin's permission, like any source.
    mayRead: hasOrigin,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  });
  // Parsed before the write, which cannot wait (in Chrome the parser answers from its offscreen
  // document); named as the source was when its refresh began.
  const result: Fetched =
    fetched.kind === 'ok'
      ? {
          ...fetched,
          parsed: await parser.parse(fetched.text, {
            url,
            contentType: fetched.contentType,
            title: before.title,
          }),
        }
      : fetched;
  const onRead = step && ((vendors: number) => step({ sourceId: id, title: before.title, vendors }));
  return storeOutcome(id, before, options, (source, stored, retries) =>
    afterFetch(source, stored, result, permitted, now(), retries, onRead),
  );
}

/**
 * The one store write of a read: `decide` makes the source's next state from the source as it is
 * stored now (another write may have come between) and the list to judge against; then the
 * notification, unless the user asked (they see the answer). Null when nothing was written.
 */
async function storeOutcome(
  id: string,
  before: StoredSource,
  options: RunOptions,
  decide: (source: StoredSource, stored: SubprocessorList | null, retries: boolean) => Outcome | null,
): Promise<SourceReport | null> {
  const settings = await loadSettings();
  const retries = settings.schedule !== 'off';
  let outcome: Outcome | null = null;
  // The list to judge against is the one stored at the write: another refresh may have stored one.
  await writeSource(
    before,
    (record) => {
      const source = sourceIn(record, id);
      return source && source.url === before.url ? source : null; // removed or changed meanwhile
    },
    (source, stored) => {
      outcome = decide(source, stored, retries);
      return outcome?.next ?? null;
    },
  );
  if (!outcome) return null;
  const { attempt, notice } = outcome as Outcome;
  if (notice && settings.notifications && options.trigger !== 'user') {
    const title = notice.kind === 'held' ? t('notifyHeldTitle') : t('notifyChangedTitle');
    await notifySource(id, title, notice.text).catch((error: unknown) => {
      console.error('Subprocessor Lens: notification failed:', error);
    });
  }
  return { sourceId: id, title: before.title, outcome: attempt.outcome, message: attempt.message };
}

/**
 * Applies a list read from the page the user's browser rendered (the popup's Follow, a visit of a
 * followed page) through the same judge as a refresh: history, hold on mass removal, notification.
 * A page with no list changes nothing (null). `recordFirst`: the first list goes in the history.
 */
export async function applyCapture(
  id: string,
  html: string,
  options: RunOptions & { recordFirst?: boolean },
): Promise<SourceReport | null> {
  const now = options.now ?? Date.now;
  const read = await readStore();
  const before = sourceIn(read.kind === 'ok' ? read.record : null, id);
  if (!before?.url) return null;
  const parsed = await parser.parse(html, { url: before.url, contentType: 'text/html', title: before.title });
  const capture: Read = { by: 'capture', parsed, recordFirst: options.recordFirst ?? false };
  return storeOutcome(id, before, options, (source, stored, retries) => {
    const at = new Date(now()).toISOString();
    return judged(source, stored, capture, at, now(), retries);
  });
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

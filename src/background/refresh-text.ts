// The sentences a refresh leaves for the user (stored as the source's last attempt, shown in
// notifications), through the browser's i18n. A failure always says what is kept and since when.

import { isolate } from '../core/isolate';
import type { RefreshDecision, RejectReason } from '../core/refresh/decision';
import type { DiffSummary, SummaryPart } from '../core/register/history-schema';
import type { FetchListResult } from '../platform/fetch-list';
import { t } from '../platform/i18n';
import { type AttemptOutcome, READER_KEYS } from '../platform/source-types';
import type { StoredSource } from '../platform/store';

function formatMoment(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  try {
    return new Intl.DateTimeFormat(t('formatLocale'), { dateStyle: 'medium', timeStyle: 'short' }).format(
      time,
    );
  } catch {
    return iso;
  }
}

/** What stays in use after a failure: "The list fetched on 27 Nov 2026, 08:00 stays in use." */
export function keptText(source: StoredSource): string {
  if (source.list && source.fetchedAt) return t('refreshKeptFetched', formatMoment(source.fetchedAt));
  if (source.list) return t('refreshKeptStored');
  return source.kind === 'bundled' ? t('refreshKeptBundled') : t('refreshKeptNone');
}

function namesText(part: SummaryPart): string {
  const names = part.names.map(isolate).join(', ');
  return part.more > 0 ? t('summaryMore', [names, String(part.more)]) : names;
}

const VERBS = [
  ['added', 'summaryAdded'],
  ['removed', 'summaryRemoved'],
  ['changed', 'summaryChanged'],
] as const;

/** "Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe" */
export function summaryText(summary: DiffSummary): string {
  const phrases = VERBS.filter(([part]) => summary[part].count > 0).map(([part, key], i) => {
    const p = summary[part];
    if (i > 0) return t(`${key}Short`, [String(p.count), namesText(p)]);
    return p.count === 1 ? t(`${key}One`, namesText(p)) : t(`${key}Many`, [String(p.count), namesText(p)]);
  });
  return t('summaryLine', [isolate(summary.listTitle), phrases.join(t('summarySeparator'))]);
}

export interface Attempt {
  outcome: AttemptOutcome;
  message: string;
}

/** A fetch that brought no list to judge: its outcome and sentence. */
export function fetchFailure(
  result: Exclude<FetchListResult, { kind: 'ok' | 'not-modified' }>,
  source: StoredSource,
  permitted: boolean,
): Attempt {
  const kept = keptText(source);
  switch (result.kind) {
    case 'http-error':
      return { outcome: 'http-error', message: t('refreshHttpError', [String(result.status), kept]) };
    case 'timeout':
      return {
        outcome: 'timeout',
        message: t('refreshTimeout', [String(Number((result.timeoutMs / 1000).toFixed(1))), kept]),
      };
    case 'too-large':
      return {
        outcome: 'too-large',
        message: t('refreshTooLarge', [(result.maxBytes / 1e6).toFixed(0), kept]),
      };
    case 'invalid-url':
      return { outcome: 'invalid-url', message: t('refreshInvalidUrl', kept) };
    case 'insecure-redirect':
      return {
        outcome: 'insecure-redirect',
        message: t('refreshInsecureRedirect', [new URL(result.finalUrl).origin, kept]),
      };
    case 'redirect-refused':
      return {
        outcome: 'redirect-refused',
        message: t('refreshRedirectRefused', [new URL(result.finalUrl).origin, kept]),
      };
    default: {
      // The browser says only "Failed to fetch"; without the origin's permission the likeliest cause
      // is a server that does not allow cross-origin reads.
      if (!permitted) {
        const host = source.url ? new URL(source.url).hostname : '';
        return { outcome: 'no-permission', message: t('refreshNoPermission', [host, kept]) };
      }
      return { outcome: 'network-error', message: t('refreshNetworkError', kept) };
    }
  }
}

const REJECT_KEYS: Record<RejectReason, string> = {
  'no-vendors': 'refreshNoVendors',
  'too-large': 'refreshParseTooLarge',
  unreadable: 'refreshUnreadable',
  'rendered-in-browser': 'refreshRenderedInBrowser',
  pdf: 'refreshPdf',
};

/** The sentence for a judged result. */
export function decisionText(
  decision: RefreshDecision,
  source: StoredSource,
  summary: DiffSummary | null,
): Attempt {
  if (decision.action === 'reject') {
    const kept = keptText(source);
    const detail = decision.parseError?.message ?? '';
    const key = REJECT_KEYS[decision.reason];
    return { outcome: 'rejected', message: t(key, [detail, kept]) };
  }
  if (decision.action === 'hold' && decision.reason === 'preview') {
    return {
      outcome: 'held',
      message: t('refreshHeldPreview', [
        t(READER_KEYS[decision.reader]),
        String(decision.list.vendors.length),
      ]),
    };
  }
  if (decision.action === 'hold') {
    return {
      outcome: 'held',
      message: t('refreshHeld', [
        String(decision.removed),
        String(decision.before),
        String(decision.list.vendors.length),
      ]),
    };
  }
  if (decision.reason === 'first')
    return { outcome: 'first', message: t('refreshFirst', String(decision.list.vendors.length)) };
  if (decision.reason === 'unchanged') return { outcome: 'unchanged', message: t('refreshUnchanged') };
  return {
    outcome: 'updated',
    message: summary?.notable ? t('refreshUpdated', summaryText(summary)) : t('refreshUpdatedQuietly'),
  };
}

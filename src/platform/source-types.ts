// The shapes the refresh stores and shows, apart from any browser API so storage code, the
// background and the pages (through messages.ts) share one definition.

import type { ListLink } from '../core/page/list-links';
import type { Confidence, Reader } from '../core/result';
import type { HeldSummary, LastAttempt } from './store/source-parts';

/** What a fetch attempt came to. The first four are successes; the rest keep the last good list. */
export const ATTEMPT_OUTCOMES = [
  'first', // the source's first list was stored
  'updated', // a changed list was applied
  'unchanged', // the list came back identical
  'not-modified', // 304: the server says nothing changed
  'held', // it lost most vendors: waiting for the user's confirmation
  'rejected', // no vendors / unreadable / too long to be a list
  'http-error',
  'network-error',
  'timeout',
  'too-large',
  'no-permission', // cross-origin read refused and no host permission for the origin
  'insecure-redirect', // an https source redirected to plain http: refused
  'redirect-refused', // redirected to another origin the extension may not read
  'invalid-url',
  'read-on-visit', // a page built in the browser: its static fetch has no list; visits keep it current
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

const SUCCESSES: ReadonlySet<AttemptOutcome> = new Set([
  'first',
  'updated',
  'unchanged',
  'not-modified',
  'read-on-visit',
]);

/** Whether an outcome is a failure the user should see as an error (held is neither). */
export function attemptFailed(outcome: AttemptOutcome): boolean {
  return !SUCCESSES.has(outcome) && outcome !== 'held';
}

// Stored shapes, declared once by their schemas (store/source-parts.ts); types only here, so the
// pages that read this file carry no schema code.

/** Where the list in use for a source came from. 'none': added by URL, no good fetch yet. */
export const SOURCE_ORIGINS = ['bundled', 'fetched', 'imported', 'none'] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];

export interface SourceSummary {
  id: string;
  title: string;
  /** Null for a list imported from a file. */
  url: string | null;
  /** The origin the source's address last redirected to, when not its own; else null. */
  redirectsTo: string | null;
  origin: SourceOrigin;
  /** The file name, for an imported list. */
  fileName: string | null;
  vendorCount: number;
  /** The list's own "last updated" date (YYYY-MM-DD), as the publisher states it. */
  updated: string | null;
  /** The last good fetch (ISO date-time); null for the bundled snapshot, an import, or never. */
  fetchedAt: string | null;
  /** When the list was imported (ISO date-time), for an imported source. */
  importedAt: string | null;
  lastAttempt: LastAttempt | null;
  /** When the next automatic retry after a failure runs (ISO date-time); null: none pending. */
  retryAt: string | null;
  held: HeldSummary | null;
  /** A sentence when this source's stored data is damaged (the rest still works); else null. */
  problem: string | null;
  /** How the list is kept current: fetched on the schedule, or read from the rendered page when
   * the user visits it (a list built in the browser, followed from the popup). */
  keptBy: 'schedule' | 'visit';
  /** When the list was last read from the rendered page (ISO date-time); null: never. */
  capturedAt: string | null;
  /** Followed because the organisation's policy names it: the user cannot remove it. */
  managed: boolean;
}

export interface SourceReport {
  sourceId: string;
  title: string;
  outcome: AttemptOutcome;
  message: string;
}

export interface Reply {
  ok: boolean;
  /** Translated; for ok: false, why the command could not run. */
  message: string;
  /** The source the command made or acted on (addSource, importList ...); null for 'all'. */
  sourceId: string | null;
  /** One per source fetched (refresh, addSource). */
  reports: SourceReport[];
  /** What inspectPage found on the page. */
  page?: PagePreview;
}

/** A reply as one sentence for a live region: the command's own message, else each source's. */
export function replyText(reply: Reply): string {
  if (!reply.ok || reply.reports.length === 0) return reply.message;
  if (reply.reports.length === 1) return reply.reports[0]?.message ?? reply.message;
  return reply.reports.map((r) => `${r.title}: ${r.message}`).join(' ');
}

/** Whether a reply is bad news: the command could not run, or a source's refresh failed. */
export function replyFailed(reply: Reply): boolean {
  return !reply.ok || reply.reports.some((r) => attemptFailed(r.outcome));
}

/** What the popup learns of the page it was opened on (the worker reads and parses it). */
export interface PagePreview {
  /** 'list': the page holds a list; 'links': it links to one; 'none': neither; 'too-large': over
   * 5 MB; 'refused': the page may not be read (a browser page, a store, a PDF). */
  state: 'list' | 'links' | 'none' | 'too-large' | 'refused';
  url: string | null;
  /** The title a followed source would get ("Acme: Subprocessors"). */
  title: string;
  list: {
    count: number;
    /** The first vendors' names, as written. */
    names: string[];
    reader: Reader;
    confidence: Confidence;
  } | null;
  links: ListLink[];
  /** The source that already follows this page, if one does. */
  followedId: string | null;
}

/** The message key that names how a list was read, in words ("prose", "a list of links"). */
export const READER_KEYS: Record<Reader, string> = {
  table: 'readerTable',
  sections: 'readerSections',
  bullets: 'readerBullets',
  links: 'readerLinks',
  prose: 'readerProse',
  json: 'readerJson',
  yaml: 'readerYaml',
};

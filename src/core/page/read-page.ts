// What a page the user's browser rendered holds, in one call: the title of a source followed from
// it, the list on it when the refresh's judge would apply it as a first version, and otherwise the
// links on it that lead to lists. One call, because in Chrome it crosses from the worker to the
// parser's offscreen document (core/parser-calls.ts).
import { parse } from '../parse/index';
import { judgeRefresh } from '../refresh/decision';
import type { ParseResult } from '../result';
import { followedTitle, type PageNames } from './followed-title';
import { type ListLink, listLinksIn } from './list-links';

export type ListFound = Extract<ParseResult, { ok: true }>;

export interface PageRead {
  title: string;
  /** The list worth following on the page; null when there is none. */
  found: ListFound | null;
  /** Links to lists, when the page holds none itself (empty otherwise). */
  links: ListLink[];
}

/** A list worth following: one the refresh's judge would apply as a first version. */
function listIn(parsed: ParseResult): ListFound | null {
  return parsed.ok && judgeRefresh(null, parsed).action === 'apply' ? parsed : null;
}

export function readPage(page: PageNames & { html: string }, url: string): PageRead {
  const title = followedTitle(page, url);
  const found = listIn(parse(page.html, { url, contentType: 'text/html' }));
  return { title, found, links: found ? [] : listLinksIn(page.html, url) };
}

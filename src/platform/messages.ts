/**
 * The refresh protocol between the extension's pages (the options page) and the background, which
 * alone fetches and writes the stored lists (so writes are serialised in one place and run on with
 * the page closed).
 *
 * Commands (page -> background, over runtime.sendMessage; each resolves to a Reply, never throws):
 *   refreshSource(sourceId | 'all')   fetch now (conditional where we may), judge, apply / hold / keep
 *   addSource(url, title?)            new source from an address, fetched at once. Call
 *                                     requestOrigin(url) (./permissions) in the click handler first:
 *                                     a permission prompt needs the user's gesture, which a message
 *                                     loses. A server that allows CORS needs no permission.
 *   removeSource(id)                  drop a source, its list and history (and its host permission
 *                                     when no other source uses that origin)
 *   confirmHeld(id) / discardHeld(id) apply or drop a held result (one that lost most vendors)
 *   importList(text, fileName)        parse a file's text as a list; it becomes a source without URL
 *   inspectPage(tabId)                the popup's tab: read its rendered page (./capture-page) and
 *                                     answer a PagePreview (a list? links to one?) in `page`. A page
 *                                     a source already follows is re-read into that source.
 *   followPage(tabId)                 read the page again and add it as a source, its list stored
 *                                     as the last good one. Call requestOrigin(url) in the click
 *                                     handler first: with it, visits keep the list current.
 *
 *   A source whose last attempt is 'no-permission' (the site refuses cross-origin reads and the origin
 *   was not granted; in Firefox even the manifest's own host may be ungranted) wants a button that
 *   calls requestOrigin(source.url) in its click handler, then refreshSource(source.id).
 *
 *   Reply = { ok, message, sourceId, reports }: ok false means the command itself could not run
 *   (unknown source, bad address, unreadable import, background unreachable) and message says why.
 *   A refresh that fails is still ok: true, and each source's outcome is in reports (and stored as
 *   that source's lastAttempt). Messages are already translated (browser i18n): show them as they are.
 *
 * Read side (pages read storage directly; no message needed, works while the worker sleeps):
 *   loadSources(): SourceSummary[]     each source: title, url, origin, vendor count, dates, last attempt,
 *                                   retry time, held result; bundled source first, then by adding order
 *   loadHistory(): HistoryEntry[]   applied changes of every source, newest first (core/refresh-history)
 *   exportRegister(): string        the merged register as v1 JSON text (what the badge uses)
 *   onSourcesChanged(cb)            calls back after any change to the stored sources; returns unsubscribe
 *   Settings (schedule 'off' | 'daily' | 'weekly', notifications on/off) are in ./settings, with
 *   the ones an organisation's policy locks (./managed-policy); long work in the worker and how far
 *   it is (refresh of all, import, a first load) in ./progress.
 *
 * Every request is validated on receipt (./serve-requests, valibot); anything else is answered with
 * ok: false. The sending side here stays free of the schema library: it is on the popup's path.
 */
import { browser } from './browser';
import type { Request } from './serve-requests';
import type { Reply } from './source-types';

/** `to` keeps our messages apart from any other the runtime may carry. */
export const TO = 'lens-background';

export function failure(message: string, sourceId: string | null = null): Reply {
  return { ok: false, message, sourceId, reports: [] };
}

async function send(type: Request['type'], fields: Record<string, unknown>): Promise<Reply> {
  try {
    const reply = (await browser.runtime.sendMessage({ to: TO, type, ...fields })) as Reply | undefined;
    return reply ?? failure('No answer from the extension’s background. Reload the page and try again.');
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error));
  }
}

export function refreshSource(sourceId: string | 'all'): Promise<Reply> {
  return send('refresh', { sourceId });
}

export function addSource(url: string, title?: string): Promise<Reply> {
  return send('addSource', title === undefined ? { url } : { url, title });
}

export function removeSource(id: string): Promise<Reply> {
  return send('removeSource', { id });
}

export function confirmHeld(id: string): Promise<Reply> {
  return send('confirmHeld', { id });
}

export function discardHeld(id: string): Promise<Reply> {
  return send('discardHeld', { id });
}

export function importList(text: string, fileName: string): Promise<Reply> {
  return send('importList', { text, fileName });
}

export function inspectPage(tabId: number): Promise<Reply> {
  return send('inspectPage', { tabId });
}

export function followPage(tabId: number): Promise<Reply> {
  return send('followPage', { tabId });
}

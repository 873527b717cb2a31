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
 * Every request is validated on receipt (valibot); anything else is answered with ok: false.
 */
import * as v from 'valibot';
import browser, { type Runtime } from 'webextension-polyfill';
import type { Reply } from './source-types';

// The wire format. `to` keeps our messages apart from any other the runtime may carry.
const TO = 'lens-background';
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const RequestSchema = v.variant('type', [
  v.object({ to: v.literal(TO), type: v.literal('refresh'), sourceId: Id }),
  v.object({
    to: v.literal(TO),
    type: v.literal('addSource'),
    url: v.pipe(v.string(), v.maxLength(2000)),
    title: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  v.object({ to: v.literal(TO), type: v.literal('removeSource'), id: Id }),
  v.object({ to: v.literal(TO), type: v.literal('confirmHeld'), id: Id }),
  v.object({ to: v.literal(TO), type: v.literal('discardHeld'), id: Id }),
  v.object({
    to: v.literal(TO),
    type: v.literal('importList'),
    // The parser's own limit is 5 M characters; a little more lets it give its own clear message.
    text: v.pipe(v.string(), v.maxLength(6_000_000)),
    fileName: v.pipe(v.string(), v.maxLength(300)),
  }),
  v.object({ to: v.literal(TO), type: v.literal('inspectPage'), tabId: TabId }),
  v.object({ to: v.literal(TO), type: v.literal('followPage'), tabId: TabId }),
]);

export type Request = v.InferOutput<typeof RequestSchema>;
type RequestOf<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'to' | 'type'>;

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

export type ParsedMessage =
  | { kind: 'request'; request: Request }
  | { kind: 'invalid'; reason: string }
  | null;

/** A received message: one of ours (validated), one of ours that is malformed, or null (not ours). */
export function parseRequest(message: unknown): ParsedMessage {
  if (typeof message !== 'object' || message === null || (message as { to?: unknown }).to !== TO) return null;
  const parsed = v.safeParse(RequestSchema, message);
  if (parsed.success) return { kind: 'request', request: parsed.output };
  const issue = parsed.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { kind: 'invalid', reason: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid request'}` };
}

export type Handlers = { [T in Request['type']]: (request: RequestOf<T>) => Promise<Reply> };

/**
 * The background's side: answers our requests from extension pages with `handlers`. A handler that
 * throws is answered with ok: false and its message, so a page never waits on a silent failure.
 */
export function serveRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const parsed = parseRequest(message);
    if (parsed === null) return undefined; // not ours: let other listeners answer
    // Only the extension's own pages may command it (no content scripts exist; web pages cannot reach
    // onMessage, but a check costs nothing).
    if (sender.id !== browser.runtime.id) return Promise.resolve(failure('Not allowed.'));
    if (parsed.kind === 'invalid') return Promise.resolve(failure(`Bad request: ${parsed.reason}`));
    const { request } = parsed;
    const handler = handlers[request.type] as (r: Request) => Promise<Reply>;
    return handler(request).catch((error: unknown) =>
      failure(error instanceof Error ? error.message : String(error)),
    );
  });
}

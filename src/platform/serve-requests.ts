// The background's side of the refresh protocol (./messages): every request validated on receipt.
import * as v from 'valibot';
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser';
import { failure, TO } from './messages';
import type { Reply } from './source-types';

// The wire format.
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
 * The answer goes through sendResponse (the listener returns true to keep it open), not a returned
 * promise: Chrome's own `chrome` namespace before 148 ignores a returned promise.
 */
export function serveRequests(handlers: Handlers): void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ) => {
    const parsed = parseRequest(message);
    if (parsed === null) return false; // not ours: let other listeners answer
    void answer(parsed, sender, handlers).then(sendResponse);
    return true;
  };
  // The typings allow only `true` from a sendResponse listener; false (not answering) is valid too.
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListenerCallback);
}

function answer(
  parsed: Exclude<ParsedMessage, null>,
  sender: Runtime.MessageSender,
  handlers: Handlers,
): Promise<Reply> {
  // Only the extension's own pages may command it (no content scripts exist; web pages cannot reach
  // onMessage, but a check costs nothing).
  if (sender.id !== browser.runtime.id) return Promise.resolve(failure('Not allowed.'));
  if (parsed.kind === 'invalid') return Promise.resolve(failure(`Bad request: ${parsed.reason}`));
  const { request } = parsed;
  const handler = handlers[request.type] as (r: Request) => Promise<Reply>;
  return handler(request).catch((error: unknown) =>
    failure(error instanceof Error ? error.message : String(error)),
  );
}

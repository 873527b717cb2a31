// The service worker's door to the parser's offscreen document (Chrome only; Firefox's background
// page parses in its own thread, background/parser.ts). The document is made on the first call,
// answers through runtime messages (the only extension API an offscreen document has) and is
// closed when no call has come for IDLE_MS, so it costs memory only while lists are being read.
import type { ParserCall } from '../core/parser-calls';
import { browser } from './browser';

export const OFFSCREEN_PAGE = 'offscreen.html';
export const PARSER_TO = 'lens-parser';
/** Closed after this long without a call: a refresh of every source reads them one after another. */
export const IDLE_MS = 15_000;

export interface ParserMessage {
  to: typeof PARSER_TO;
  call: ParserCall;
  args: unknown[];
}

export type ParserAnswer = { ok: true; value: unknown } | { ok: false; error: string };

export function isParserMessage(message: unknown): message is ParserMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { to, call, args } = message as Partial<ParserMessage>;
  return to === PARSER_TO && typeof call === 'string' && Array.isArray(args);
}

// Chrome's offscreen API and runtime.getContexts (Chrome 116+), which the polyfill's types lack.
interface OffscreenHost {
  offscreen: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getContexts(filter: { contextTypes: string[]; documentUrls: string[] }): Promise<unknown[]>;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
  };
}

const host = browser as unknown as OffscreenHost;

let busy = 0;
let making: Promise<void> | null = null;
let closing: Promise<void> | null = null;
let idle: ReturnType<typeof setTimeout> | undefined;

async function isOpen(): Promise<boolean> {
  const url = host.runtime.getURL(OFFSCREEN_PAGE);
  return (
    (await host.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length > 0
  );
}

async function open(): Promise<void> {
  await closing;
  // One document per extension: a worker stopped and woken again finds the one it made before.
  making ??= (async () => {
    if (await isOpen()) return;
    try {
      await host.offscreen.createDocument({
        url: OFFSCREEN_PAGE,
        reasons: ['DOM_PARSER'],
        justification:
          'Reads subprocessor lists (web pages, markdown, JSON, YAML) out of the service worker.',
      });
    } catch (error) {
      // Made meanwhile by another life of the worker: use it. Anything else is the caller's error.
      if (!(await isOpen())) throw error;
    }
  })().finally(() => {
    making = null;
  });
  await making;
}

function closeWhenIdle(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (busy > 0 || closing) return;
    closing = host.offscreen
      .closeDocument()
      .catch(() => undefined) // closed already
      .finally(() => {
        closing = null;
      });
  }, IDLE_MS);
}

/** Runs one of the parser's calls in the offscreen document and gives its answer. */
export async function callParser<T>(call: ParserCall, args: unknown[]): Promise<T> {
  busy++;
  clearTimeout(idle);
  try {
    await open();
    const message: ParserMessage = { to: PARSER_TO, call, args };
    const answer = (await host.runtime.sendMessage(message)) as ParserAnswer | undefined;
    if (!answer) throw new Error('the list reader did not answer');
    if (!answer.ok) throw new Error(answer.error);
    return answer.value as T;
  } finally {
    busy--;
    if (busy === 0) closeWhenIdle();
  }
}

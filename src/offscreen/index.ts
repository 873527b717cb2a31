// The parser's offscreen document (Chrome): answers the service worker's parser calls
// (platform/offscreen.ts) and nothing else; every other message is the worker's to answer.
import { PARSER_CALLS } from '../core/parser-calls';
import { browser } from '../platform/browser';
import { isParserMessage, type ParserAnswer } from '../platform/offscreen';

function answer(call: string, args: unknown[]): ParserAnswer {
  if (!Object.hasOwn(PARSER_CALLS, call)) return { ok: false, error: `no parser call "${call}"` };
  try {
    const run = PARSER_CALLS[call as keyof typeof PARSER_CALLS] as (...a: unknown[]) => unknown;
    return { ok: true, value: run(...args) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

browser.runtime.onMessage.addListener(((
  message: unknown,
  sender: { id?: string },
  reply: (a: unknown) => void,
) => {
  if (!isParserMessage(message) || sender.id !== browser.runtime.id) return undefined;
  reply(answer(message.call, message.args));
  return undefined; // answered already
}) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

// The parser's calls that the background makes, as one table. The background calls them through
// background/parser.ts: in its own thread in Firefox (a background page) and in tests, and in
// Chrome in an offscreen document (src/offscreen/index.ts), which keeps the parser and its
// libraries (about 420 KB of the worker's 500 KB) out of the service worker that every navigation
// wakes. What crosses is plain data: text and options in, a parse result or a page read out.
import { readPage } from './page/read-page';
import { parse } from './parse/index';

export const PARSER_CALLS = { parse, readPage };

type Calls = typeof PARSER_CALLS;
export type ParserCall = keyof Calls;

/** The calls as the background makes them: each answers later, wherever it runs. */
export type Parser = {
  [K in ParserCall]: (...args: Parameters<Calls[K]>) => Promise<ReturnType<Calls[K]>>;
};

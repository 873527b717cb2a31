// The parser as Chrome's service worker calls it: in the offscreen document (src/offscreen), made
// when a list is to be read and closed when idle. Chrome's build uses this file in the place of
// background/parser.ts (scripts/build-extension.ts); both export the same `parser`.
import type { Parser } from '../core/parser-calls';
import { callParser } from '../platform/offscreen';

export const parser: Parser = {
  parse: (...args) => callParser('parse', args),
  readPage: (...args) => callParser('readPage', args),
};

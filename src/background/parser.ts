// The parser, called in this thread: Firefox's background page and the tests. Chrome's build puts
// background/parser-offscreen.ts in this file's place (scripts/build-extension.ts), so that its
// service worker does not carry the parser (core/parser-calls.ts says why).
import { PARSER_CALLS, type Parser } from '../core/parser-calls';

export const parser: Parser = {
  parse: async (...args) => PARSER_CALLS.parse(...args),
  readPage: async (...args) => PARSER_CALLS.readPage(...args),
};

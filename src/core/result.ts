// What parse() answers: a list, or a typed error that says what was wrong. Never a throw.
import type { SubprocessorList } from './list';

export const PARSE_ERROR_CODES = [
  'empty',
  'too-large',
  'invalid-json',
  'invalid-document',
  'no-vendors',
  'unsupported',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

export type ParseResult =
  | { ok: true; list: SubprocessorList; format: InputFormat; warnings: string[] }
  | { ok: false; error: ParseError };

export type InputFormat = 'v1-json' | 'json-array' | 'markdown' | 'html';

export function parseError(code: ParseErrorCode, message: string): ParseResult {
  return { ok: false, error: { code, message } };
}

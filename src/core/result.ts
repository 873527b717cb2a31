// What parse() answers: a list, or a typed error that says what was wrong. Never a throw.
import type { SubprocessorList } from './list';

export const PARSE_ERROR_CODES = [
  'empty',
  'too-large',
  'invalid-json',
  'invalid-document',
  'no-vendors',
  'unsupported',
  'invalid-yaml',
  // A page that a browser builds with script (a trust centre's shell): the list is not in it.
  'rendered-in-browser',
  'pdf',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

export interface ParseError {
  code: ParseErrorCode;
  message: string;
}

/** How the vendors were found: one reader per input shape (src/core/parse). */
export const READERS = ['table', 'sections', 'bullets', 'links', 'prose', 'json', 'yaml'] as const;
export type Reader = (typeof READERS)[number];

/**
 * How sure the reader is that what it found are the list's vendors: tables, labelled sections and
 * data files state them ("high"); prose and link lists are read from cues ("medium" or "low"), and
 * the options page shows such a result as a preview the user confirms.
 */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type ParseResult =
  | {
      ok: true;
      list: SubprocessorList;
      format: InputFormat;
      reader: Reader;
      confidence: Confidence;
      warnings: string[];
    }
  | { ok: false; error: ParseError };

export type InputFormat = 'v1-json' | 'json-array' | 'yaml' | 'markdown' | 'html';

export function parseError(code: ParseErrorCode, message: string): ParseResult {
  return { ok: false, error: { code, message } };
}

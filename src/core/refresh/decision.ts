// What a refresh does to the stored list: apply it, hold it for the user to confirm, or reject it.
// The last good list is never replaced by something that is not a list (an error page answered
// with 200, garbage, an empty body), nor silently by a list that lost most of its vendors at once,
// which is far more often a broken or partial page than a company dropping its subprocessors.

import type { SubprocessorList } from '../list';
import { diffLists, isEmptyDiff, type ListDiff } from '../register/diff';
import { summarizeDiff } from '../register/diff-summary';
import type { Confidence, ParseError, ParseResult, Reader } from '../result';

export interface CredibilityOptions {
  /** Hold when more than this share of the stored vendors is gone... (default 0.5) */
  maxRemovedShare?: number;
  /** ...and at least this many are gone ("more than a couple"; default 3). */
  minRemoved?: number;
}

export const REJECT_REASONS = [
  'no-vendors',
  'too-large',
  'unreadable',
  'rendered-in-browser',
  'pdf',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const HOLD_REASONS = ['lost-most-vendors', 'preview'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export type RefreshDecision =
  | {
      action: 'apply';
      /** first: nothing was stored; unchanged: identical to the stored list; changed: anything else. */
      reason: 'first' | 'unchanged' | 'changed';
      list: SubprocessorList;
      /** Null for the first list. */
      diff: ListDiff | null;
      warnings: string[];
      message: string;
    }
  | {
      action: 'hold';
      /** lost-most-vendors: it lost most vendors at once; preview: it was read from cues (prose,
       * links) with less than high confidence, and the user looks at it before it replaces a list. */
      reason: HoldReason;
      /** How the held list was read (core/result.ts). */
      reader: Reader;
      confidence: Confidence;
      list: SubprocessorList;
      diff: ListDiff;
      /** Stored vendors, and how many of them the new list no longer has. */
      before: number;
      removed: number;
      warnings: string[];
      message: string;
    }
  | {
      action: 'reject';
      reason: RejectReason;
      parseError: ParseError | null;
      message: string;
    };

const KEPT = 'The last good list is kept.';
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function reject(parseError: ParseError): RefreshDecision {
  switch (parseError.code) {
    case 'empty':
    case 'no-vendors':
      return {
        action: 'reject',
        reason: 'no-vendors',
        parseError,
        message: `The source answered, but no vendors were found in what it sent (an error or sign-in page?). ${KEPT}`,
      };
    case 'too-large':
      return {
        action: 'reject',
        reason: 'too-large',
        parseError,
        message: `The source sent more than a list can be. ${parseError.message} ${KEPT}`,
      };
    // Not a broken source: a page built by script in the browser, or a PDF. The parser's message
    // says how to get the list.
    case 'rendered-in-browser':
    case 'pdf':
      return {
        action: 'reject',
        reason: parseError.code,
        parseError,
        message: `${parseError.message} ${KEPT}`,
      };
    default:
      return {
        action: 'reject',
        reason: 'unreadable',
        parseError,
        message: `The source could not be read as a subprocessor list. ${parseError.message} ${KEPT}`,
      };
  }
}

/** Decides what the result of parsing a fetched source does to the stored list (null: none yet). */
export function judgeRefresh(
  stored: SubprocessorList | null,
  result: ParseResult,
  options: CredibilityOptions = {},
): RefreshDecision {
  if (!result.ok) return reject(result.error);
  const { list, warnings, reader, confidence } = result;
  if (list.vendors.length === 0) {
    return reject({ code: 'no-vendors', message: 'The list has no vendors.' });
  }
  const read = { reader, confidence };
  // A list read from cues replaces nothing unseen: a new one, or a change, waits for the user.
  if (confidence !== 'high') {
    const diff = diffLists(stored ?? { ...list, vendors: [] }, list);
    if (!stored || !isEmptyDiff(diff)) {
      return {
        action: 'hold',
        reason: 'preview',
        ...read,
        list,
        diff,
        before: stored?.vendors.length ?? 0,
        removed: diff.removed.length,
        warnings,
        message: `Read by ${reader} with ${confidence} confidence: ${plural(list.vendors.length, 'vendor')}. It waits for your confirmation before it replaces the list.`,
      };
    }
  }
  if (!stored) {
    return {
      action: 'apply',
      reason: 'first',
      list,
      diff: null,
      warnings,
      message: `First version of this list: ${plural(list.vendors.length, 'vendor')}.`,
    };
  }
  const diff = diffLists(stored, list);
  const before = stored.vendors.length;
  const removed = diff.removed.length;
  const maxShare = options.maxRemovedShare ?? 0.5;
  const minRemoved = options.minRemoved ?? 3;
  if (removed >= minRemoved && removed > before * maxShare) {
    return {
      action: 'hold',
      reason: 'lost-most-vendors',
      ...read,
      list,
      diff,
      before,
      removed,
      warnings,
      message: `The new version no longer lists ${removed} of the ${plural(before, 'stored vendor')} (it has ${plural(list.vendors.length, 'vendor')}). It waits for your confirmation; until then the stored list stays in use.`,
    };
  }
  if (isEmptyDiff(diff)) {
    return {
      action: 'apply',
      reason: 'unchanged',
      list,
      diff,
      warnings,
      message: 'The list has not changed.',
    };
  }
  const summary = summarizeDiff(diff, list.source.title);
  return {
    action: 'apply',
    reason: 'changed',
    list,
    diff,
    warnings,
    message: summary.notable
      ? `${summary.text}.`
      : 'Updated; no vendor was added, removed or changed in substance.',
  };
}

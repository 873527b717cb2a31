// The schemas of a stored source's parts besides its list: last attempt, retry state, a held result
// and history entries; their types are inferred here and nowhere else declared. Each is checked on
// its own (store/record.ts), so one damaged part reads as its default instead of hiding the source.
import * as v from 'valibot';
import type { SubprocessorList } from '../../core/list';
import { HOLD_REASONS } from '../../core/refresh/decision';
import { DiffSummarySchema } from '../../core/register/history-schema';
import { CONFIDENCES, READERS } from '../../core/result';
import { ATTEMPT_OUTCOMES } from '../source-types';

export const NullableString = v.fallback(v.nullable(v.string()), null);

export const AttemptSchema = v.object({
  /** ISO date-time. */
  at: v.string(),
  outcome: v.picklist(ATTEMPT_OUTCOMES),
  /** A translated sentence for the user; for a failure it says that the last good list is kept and
   * when it was fetched. */
  message: v.string(),
});

/** What the pages are shown of a held result (store/source-summaries.ts): all of it but the list. */
export const HeldSummarySchema = v.object({
  /** When it was fetched (ISO date-time). */
  at: v.string(),
  /** lost-most-vendors, or preview: read with less than high confidence (core/refresh/decision.ts). */
  reason: v.picklist(HOLD_REASONS),
  /** How the held list was read; null for results held before readers were named. */
  reader: v.optional(v.fallback(v.nullable(v.picklist(READERS)), null), null),
  confidence: v.optional(v.fallback(v.nullable(v.picklist(CONFIDENCES)), null), null),
  /** A translated sentence: how many vendors it no longer lists, or how it was read. */
  message: v.string(),
  /** Vendors in the stored list, in the held one, and how many of the stored ones it lacks. */
  before: v.number(),
  after: v.number(),
  removed: v.number(),
  /** What applying it would change (counts and first names). */
  summary: DiffSummarySchema,
});

export const HeldSchema = v.object({
  ...HeldSummarySchema.entries,
  /** Checked as a list on its own (store/record.ts): a held result with a damaged list is dropped. */
  list: v.unknown(),
  /** The held response's validators, stored with the list if the user applies it. */
  etag: v.optional(NullableString, null),
  lastModified: v.optional(NullableString, null),
});

export type LastAttempt = v.InferOutput<typeof AttemptSchema>;
export type HeldSummary = v.InferOutput<typeof HeldSummarySchema>;
/** A held result as the extension works with it: its list checked. */
export type HeldResult = Omit<v.InferOutput<typeof HeldSchema>, 'list'> & { list: SubprocessorList };

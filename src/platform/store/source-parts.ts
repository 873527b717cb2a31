// The schemas of a stored source's parts besides its list: last attempt, retry state, a held result
// and history entries. Each is checked on its own (store/record.ts), so one damaged part reads as
// its default instead of hiding the source.
import * as v from 'valibot';
import { HOLD_REASONS } from '../../core/refresh/decision';
import { VENDOR_FIELDS } from '../../core/register/diff';
import { CONFIDENCES, READERS } from '../../core/result';
import { ATTEMPT_OUTCOMES } from '../source-types';

export const NullableString = v.fallback(v.nullable(v.string()), null);

export const AttemptSchema = v.object({
  at: v.string(),
  outcome: v.picklist(ATTEMPT_OUTCOMES),
  message: v.string(),
});

export const RetrySchema = v.object({
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  retryAt: v.nullable(v.number()),
});

const PartSchema = v.object({ count: v.number(), names: v.array(v.string()), more: v.number() });
const SummarySchema = v.object({
  listTitle: v.string(),
  added: PartSchema,
  removed: PartSchema,
  changed: PartSchema,
  notable: v.boolean(),
  text: v.string(),
});

export const HeldSchema = v.object({
  at: v.string(),
  reason: v.picklist(HOLD_REASONS),
  /** How the held list was read; absent in results held before readers were named. */
  reader: v.optional(v.fallback(v.nullable(v.picklist(READERS)), null), null),
  confidence: v.optional(v.fallback(v.nullable(v.picklist(CONFIDENCES)), null), null),
  message: v.string(),
  before: v.number(),
  after: v.number(),
  removed: v.number(),
  summary: SummarySchema,
  list: v.unknown(),
  /** The held response's validators, stored with the list if the user applies it. */
  etag: v.optional(NullableString, null),
  lastModified: v.optional(NullableString, null),
});

const BriefSchema = v.object({ name: v.string(), website: v.nullable(v.string()), location: v.string() });
export const HistoryEntrySchema = v.object({
  at: v.string(),
  sourceId: v.string(),
  listTitle: v.string(),
  summary: SummarySchema,
  added: v.array(BriefSchema),
  removed: v.array(BriefSchema),
  changed: v.array(
    v.object({
      name: v.string(),
      changes: v.array(
        v.object({ field: v.picklist(VENDOR_FIELDS), before: v.unknown(), after: v.unknown() }),
      ),
    }),
  ),
  updated: v.nullable(v.object({ before: v.nullable(v.string()), after: v.nullable(v.string()) })),
  confirmed: v.boolean(),
});

// The stored shapes of the history, schema first (as core/list.ts is): a diff's summary, and a
// history entry with its vendors and field changes. The types are inferred from these schemas, and
// store/record.ts reads stored entries through them. Kept apart from history.ts and diff-summary.ts
// so that code which only makes entries does not carry the schema library.
import * as v from 'valibot';
import { CertificationSchema, DpaSchema, LocationSchema } from '../list';

export const SummaryPartSchema = v.object({
  count: v.number(),
  /** The first names, in list order. */
  names: v.array(v.string()),
  /** How many more are not named. */
  more: v.number(),
});

export const DiffSummarySchema = v.object({
  listTitle: v.string(),
  added: SummaryPartSchema,
  removed: SummaryPartSchema,
  /** Only vendors with a notable change (see notableFields in diff.ts). */
  changed: SummaryPartSchema,
  /** Whether there is anything to tell: false for a reordered or re-assessed but equal list. */
  notable: v.boolean(),
  /** English default text. */
  text: v.string(),
});

export const VendorBriefSchema = v.object({
  name: v.string(),
  website: v.nullable(v.string()),
  /** The location as the list words it. */
  location: v.string(),
});

// One field's change, for each field a history keeps (diff.ts REPORTED_FIELDS), with the field's own
// vendor schema. History is stored data: a value that fails its schema reads as empty (a list
// field) or null (a single one), so a damaged change still shows as "changed", never as garbage.
const items = <T extends v.GenericSchema>(item: T) => v.fallback(v.array(item), []);
const change = <F extends string, T extends v.GenericSchema>(field: F, value: T) =>
  v.object({ field: v.literal(field), before: value, after: value });
const single = <T extends v.GenericSchema>(value: T) => v.fallback(v.nullable(value), null);

export const HistoryFieldChangeSchema = v.variant('field', [
  change('name', v.fallback(v.string(), '')),
  change('website', single(v.string())),
  change('domains', items(v.string())),
  change('location', single(LocationSchema)),
  change('certifications', items(CertificationSchema)),
  change('dataProcessed', items(v.string())),
  change('use', items(v.string())),
  change('dpa', single(DpaSchema)),
]);

export const HistoryChangeSchema = v.object({
  name: v.string(),
  /** Only the fields that changed in substance, in VENDOR_FIELDS order. */
  changes: v.array(HistoryFieldChangeSchema),
});

export const HistoryEntrySchema = v.object({
  /** When the change was applied (ISO date-time). */
  at: v.string(),
  sourceId: v.string(),
  /** The source's title when the change was applied. */
  listTitle: v.string(),
  /** Counts and first names, and an English sentence ("Dovetail added 1 subprocessor: Rev.ai"). */
  summary: DiffSummarySchema,
  added: v.array(VendorBriefSchema),
  removed: v.array(VendorBriefSchema),
  changed: v.array(HistoryChangeSchema),
  /** The list's own "last updated" date before and after, when the publisher changed it. */
  updated: v.nullable(v.object({ before: v.nullable(v.string()), after: v.nullable(v.string()) })),
  /** Applied by the user after it was held for confirmation (it lost most vendors). */
  confirmed: v.boolean(),
});

export type SummaryPart = v.InferOutput<typeof SummaryPartSchema>;
export type DiffSummary = v.InferOutput<typeof DiffSummarySchema>;
export type VendorBrief = v.InferOutput<typeof VendorBriefSchema>;
export type HistoryFieldChange = v.InferOutput<typeof HistoryFieldChangeSchema>;
export type HistoryChange = v.InferOutput<typeof HistoryChangeSchema>;
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

// One line of a source's history: what an applied refresh changed, small enough to keep fifty of.
// Only news is kept: vendors added and removed, and the fields that changed in substance
// (notableFields in diff.ts); the full lists are not, since the stored list is the latest anyway.

import type { Vendor } from '../list';
import { type FieldChange, type ListDiff, notableChanges, notableFields, type REPORTED_FIELDS } from './diff';
import { summarizeDiff } from './diff-summary';
import type { HistoryEntry, VendorBrief } from './history-schema';

/** Entries kept per source, newest first. */
export const MAX_HISTORY = 50;
/** Vendors named per entry and kind; a change larger than this keeps its counts in `summary`. */
export const MAX_HISTORY_VENDORS = 200;

/** A change of a field a history keeps: every notable field is one (diff.ts notableFields). */
type Reported = Extract<FieldChange, { field: (typeof REPORTED_FIELDS)[number] }>;

function brief(vendor: Vendor): VendorBrief {
  return { name: vendor.name, website: vendor.website, location: vendor.location.text };
}

export interface EntryContext {
  at: string;
  sourceId: string;
  listTitle: string;
  confirmed?: boolean;
}

/** The history entry for an applied diff; null when it holds no news (reordered, re-assessed). */
export function historyEntry(diff: ListDiff, context: EntryContext): HistoryEntry | null {
  const summary = summarizeDiff(diff, context.listTitle);
  if (!summary.notable) return null;
  const changed = notableChanges(diff).map((change) => {
    const fields = new Set(notableFields(change));
    return { name: change.name, changes: change.changes.filter((c): c is Reported => fields.has(c.field)) };
  });
  const before = diff.source?.before.updated ?? null;
  const after = diff.source?.after.updated ?? null;
  return {
    at: context.at,
    sourceId: context.sourceId,
    listTitle: context.listTitle,
    summary,
    added: diff.added.slice(0, MAX_HISTORY_VENDORS).map(brief),
    removed: diff.removed.slice(0, MAX_HISTORY_VENDORS).map(brief),
    changed: changed.slice(0, MAX_HISTORY_VENDORS),
    updated: before === after ? null : { before, after },
    confirmed: context.confirmed ?? false,
  };
}

/** The history with `entry` first, bounded to `max` entries (the oldest fall off). */
export function addToHistory(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  max = MAX_HISTORY,
): HistoryEntry[] {
  return [entry, ...history].slice(0, Math.max(1, max));
}

/** Several sources' histories as one, newest first (ties keep the sources' order). */
export function mergeHistories(histories: readonly (readonly HistoryEntry[])[]): HistoryEntry[] {
  return histories
    .flatMap((h, s) => h.map((entry, i) => ({ entry, s, i })))
    .sort((a, b) => b.entry.at.localeCompare(a.entry.at) || a.s - b.s || a.i - b.i)
    .map((x) => x.entry);
}

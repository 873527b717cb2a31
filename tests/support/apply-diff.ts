// The newer list rebuilt from the older one and their diff: the diff tests use it to show that a
// diff is exact (nothing is lost or invented). The extension never applies a diff, so it lives here.
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { type FieldChange, type ListDiff, sameJson } from '../../src/core/register/diff';

export function applyChanges(vendor: Vendor, changes: readonly FieldChange[]): Vendor {
  const out: Record<string, unknown> = { ...vendor };
  for (const change of changes) {
    if (change.after === undefined) delete out[change.field];
    else out[change.field] = change.after;
  }
  return out as Vendor;
}

export type ApplyResult = { ok: true; list: SubprocessorList } | { ok: false; message: string };

/**
 * The newer list from the older one and their diff. The vendors come out as a set: kept and changed
 * vendors in the older list's order, then the added ones, so the order can differ from the newer
 * list's. Equal entries are interchangeable, so duplicates inside a list are handled too.
 */
export function applyDiff(before: SubprocessorList, diff: ListDiff): ApplyResult {
  const slots = before.vendors.map((vendor) => ({ vendor, state: 'open' as 'open' | 'done' | 'gone' }));
  const claim = (vendor: Vendor) => slots.find((s) => s.state === 'open' && sameJson(s.vendor, vendor));
  for (const vendor of diff.removed) {
    const slot = claim(vendor);
    if (!slot)
      return { ok: false, message: `The diff removes "${vendor.name}", which this list does not hold.` };
    slot.state = 'gone';
  }
  for (const change of diff.changed) {
    const slot = claim(change.before);
    if (!slot)
      return { ok: false, message: `The diff changes "${change.name}", which this list does not hold.` };
    slot.vendor = applyChanges(change.before, change.changes);
    slot.state = 'done';
  }
  const vendors = [...slots.filter((s) => s.state !== 'gone').map((s) => s.vendor), ...diff.added];
  return { ok: true, list: { ...before, source: diff.source ? diff.source.after : before.source, vendors } };
}

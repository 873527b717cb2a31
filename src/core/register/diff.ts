// What changed between two versions of a list: vendors added, removed, and changed field by field.
// A diff is exact (tests/support/apply-diff.ts rebuilds the newer list from the older one), and separately says which
// changes a person would call news (notableFields): a reordered list or a re-worded finding is not.
import type { ListSource, SubprocessorList, Vendor } from '../list';
import { hostOf } from '../normalize/url';
import { nameKey, nameKeyOf, pairVendors } from './vendor-identity';

export type VendorField = keyof Vendor;

// A record over the schema's keys, so a field added to the schema but not here fails type checking.
const FIELDS: Record<VendorField, true> = {
  name: true,
  website: true,
  domains: true,
  hostingDomains: true,
  unverifiedDomains: true,
  location: true,
  certifications: true,
  dataProcessed: true,
  use: true,
  dpa: true,
  flags: true,
  listedBy: true,
};
/** Every vendor field, in the order changes are listed. */
export const VENDOR_FIELDS = Object.keys(FIELDS) as VendorField[];

/** Fields whose change is reported. The others are derived (findings, hosting suffixes, listings). */
export const REPORTED_FIELDS = [
  'name',
  'website',
  'domains',
  'location',
  'certifications',
  'dataProcessed',
  'use',
  'dpa',
] as const satisfies readonly VendorField[];

export type FieldChange = {
  [F in VendorField]: { field: F; before: Vendor[F]; after: Vendor[F] };
}[VendorField];

export interface VendorChange {
  /** The vendor's identity (name without legal form and punctuation), as in vendor-identity.ts. */
  key: string;
  /** The vendor's name in the newer list. */
  name: string;
  /** The whole older entry: a diff is applied by finding it by value, and history can show it. */
  before: Vendor;
  /** Every field that differs, in VENDOR_FIELDS order; never empty. */
  changes: FieldChange[];
}

export interface ListDiff {
  /** In the newer list's order. */
  added: Vendor[];
  /** In the older list's order. */
  removed: Vendor[];
  /** In the newer list's order. */
  changed: VendorChange[];
  /** The list's own title, URL or date, when they differ. */
  source: { before: ListSource; after: ListSource } | null;
}

/** Structural equality of JSON-like values; a key whose value is undefined counts as absent. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameJson(ra[key], rb[key])) return false;
  return true;
}

function fieldChanges(before: Vendor, after: Vendor): FieldChange[] {
  return VENDOR_FIELDS.filter((field) => !sameJson(before[field], after[field])).map(
    (field) => ({ field, before: before[field], after: after[field] }) as FieldChange,
  );
}

export function diffLists(before: SubprocessorList, after: SubprocessorList): ListDiff {
  const { pairs, unpairedBefore, unpairedAfter } = pairVendors(before.vendors, after.vendors);
  const changed: VendorChange[] = [];
  for (const [i, j] of pairs) {
    const old = before.vendors[i] as Vendor;
    const now = after.vendors[j] as Vendor;
    const changes = fieldChanges(old, now);
    if (changes.length > 0) changed.push({ key: nameKeyOf(now), name: now.name, before: old, changes });
  }
  return {
    added: unpairedAfter.map((j) => after.vendors[j] as Vendor),
    removed: unpairedBefore.map((i) => before.vendors[i] as Vendor),
    changed,
    source: sameJson(before.source, after.source) ? null : { before: before.source, after: after.source },
  };
}

/** Nothing differs at all (the two lists hold the same vendors and source). */
export function isEmptyDiff(diff: ListDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && diff.source === null;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function itemsOf(change: FieldChange): { before: string[]; after: string[] } | null {
  switch (change.field) {
    case 'domains':
    case 'dataProcessed':
    case 'use':
      return { before: change.before, after: change.after };
    case 'hostingDomains':
    case 'unverifiedDomains':
      return { before: change.before ?? [], after: change.after ?? [] };
    case 'certifications':
      return { before: change.before.map((c) => c.label), after: change.after.map((c) => c.label) };
    default:
      return null;
  }
}

/** For a field holding a list of items: the items added and removed (case and spacing ignored). */
export function fieldDelta(change: FieldChange): { added: string[]; removed: string[] } | null {
  const items = itemsOf(change);
  if (!items) return null;
  const had = new Set(items.before.map(fold));
  const has = new Set(items.after.map(fold));
  return {
    added: [...new Set(items.after.filter((x) => !had.has(fold(x))))],
    removed: [...new Set(items.before.filter((x) => !has.has(fold(x))))],
  };
}

function isNotable(change: FieldChange): boolean {
  switch (change.field) {
    case 'name':
      return nameKey(change.before) !== nameKey(change.after);
    case 'website':
      return (change.before && hostOf(change.before)) !== (change.after && hostOf(change.after));
    case 'location':
      return (
        fold(change.before.text) !== fold(change.after.text) || change.before.country !== change.after.country
      );
    case 'dpa':
      return change.before.status !== change.after.status || change.before.date !== change.after.date;
    case 'domains':
    case 'certifications':
    case 'dataProcessed':
    case 'use': {
      const delta = fieldDelta(change);
      return delta !== null && delta.added.length + delta.removed.length > 0;
    }
    default:
      return false;
  }
}

/**
 * The reported fields that changed in substance: not a legal form added to a name, a re-ordered
 * or re-cased item list, re-worded DPA text with the same status and date, or a derived field.
 */
export function notableFields(change: VendorChange): VendorField[] {
  return change.changes.filter(isNotable).map((c) => c.field);
}

/** The changed vendors a person would call news. */
export function notableChanges(diff: ListDiff): VendorChange[] {
  return diff.changed.filter((c) => notableFields(c).length > 0);
}

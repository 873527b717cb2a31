// The register page's table as data: one row per vendor of the merged register with what its
// columns show and sort by, the filters that narrow it, and the sort orders. Rows are made once per
// register; each sort order is made once and kept, so a keystroke only walks one array.
import type { Severity, SubprocessorList, Vendor } from '../list';
import { type ObjectionIndex, type ObjectionWindow, windowOpen } from '../objection-window';
import { bySeverity } from '../severity';
import { TRANSFER_BASES, type TransferBasis, transferBasisOf } from '../transfer-basis';
import { REVIEW_STATUSES, type ReviewLookup, type ReviewStatus, statusOf } from './review-state';

export interface RegisterRow {
  /** The vendor's index in the register (and in its search index). */
  index: number;
  vendor: Vendor;
  /** The sources that list the vendor, in register order. */
  sourceIds: string[];
  transfer: TransferBasis;
  /** The vendor's findings, most serious first. */
  flags: Vendor['flags'];
  window: ObjectionWindow | null;
  status: ReviewStatus;
}

export const SORT_COLUMNS = [
  // The register's own order (first-seen over the lists, in priority order): no header sorts by it,
  // and it is the default, so the first rows need only the register's first vendors.
  'order',
  'vendor',
  'listedBy',
  'location',
  'transfer',
  'dpa',
  'certifications',
  'findings',
  'added',
  'status',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface RegisterSort {
  column: SortColumn;
  direction: SortDirection;
}

export interface RegisterFilter {
  query: string;
  source: string | null;
  country: string | null;
  finding: string | null;
  status: ReviewStatus | null;
  /** Only vendors whose objection window is open today. */
  windowOpen: boolean;
}

export const NO_FILTER: RegisterFilter = {
  query: '',
  source: null,
  country: null,
  finding: null,
  status: null,
  windowOpen: false,
};
export const DEFAULT_SORT: RegisterSort = { column: 'order', direction: 'ascending' };

export function buildRows(
  list: SubprocessorList,
  reviews: ReviewLookup,
  objections: ObjectionIndex,
): RegisterRow[] {
  return list.vendors.map((vendor, index) => ({
    index,
    vendor,
    sourceIds: (vendor.listedBy ?? []).map((l) => l.sourceId),
    transfer: transferBasisOf(vendor),
    flags: [...vendor.flags].sort(bySeverity),
    window: objections.windowOf(vendor),
    status: statusOf(reviews, vendor),
  }));
}

const SEVERITY_WEIGHT: Record<Severity, number> = { risk: 10_000, warning: 100, info: 1 };
const DPA_RANK = { 'not-signed': 0, unknown: 1, incorporated: 2, signed: 3 } as const;

/** How serious a vendor's findings are: risks outweigh any number of warnings, and so on. */
export function findingWeight(flags: Vendor['flags']): number {
  return flags.reduce((sum, f) => sum + (SEVERITY_WEIGHT[f.severity] ?? 0), 0);
}

type Key = string | number;

function keyOf(row: RegisterRow, column: SortColumn): Key {
  const vendor = row.vendor;
  switch (column) {
    case 'order':
      return row.index;
    case 'vendor':
      return vendor.name;
    case 'listedBy':
      return row.sourceIds.length;
    case 'location':
      return vendor.location.country ?? `~${vendor.location.text}`;
    case 'transfer':
      return TRANSFER_BASES.indexOf(row.transfer);
    case 'dpa':
      return DPA_RANK[vendor.dpa.status] * 1e8 + Number((vendor.dpa.date ?? '0').replaceAll('-', ''));
    case 'certifications':
      return vendor.certifications.length;
    case 'findings':
      return findingWeight(row.flags);
    case 'added':
      return row.window?.addedOn ?? '';
    case 'status':
      return REVIEW_STATUSES.indexOf(row.status);
  }
}

/** The rows' order for a sort: ties in register order, whatever the direction. */
export function sortOrder(rows: readonly RegisterRow[], sort: RegisterSort, locale: string): number[] {
  if (sort.column === 'order') {
    const order = rows.map((_, i) => i);
    return sort.direction === 'ascending' ? order : order.reverse();
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const keys = rows.map((row) => keyOf(row, sort.column));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const x = keys[a] as Key;
    const y = keys[b] as Key;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sign * c || a - b;
  });
  return order;
}

/** Whether a row passes the filters other than the query. */
export function passes(row: RegisterRow, filter: RegisterFilter, today: string): boolean {
  if (filter.source !== null && !row.sourceIds.includes(filter.source)) return false;
  if (filter.country !== null && (row.vendor.location.country ?? '') !== filter.country) return false;
  if (filter.finding !== null && !row.flags.some((f) => f.id === filter.finding)) return false;
  if (filter.status !== null && row.status !== filter.status) return false;
  if (filter.windowOpen && !windowOpen(row.window, today)) return false;
  return true;
}

/**
 * The rows to show, in `order` (row positions from sortOrder); `matches` are the vendor indexes the
 * search found (null: no query, every row).
 */
export function visibleRows(
  rows: readonly RegisterRow[],
  order: readonly number[],
  filter: RegisterFilter,
  matches: readonly number[] | null,
  today: string,
): RegisterRow[] {
  const found = matches ? new Uint8Array(rows.length) : null;
  if (found && matches) for (const i of matches) found[i] = 1;
  const out: RegisterRow[] = [];
  for (const i of order) {
    const row = rows[i] as RegisterRow;
    if (found && !found[row.index]) continue;
    if (passes(row, filter, today)) out.push(row);
  }
  return out;
}

/** The values a filter can take in this register, for its menu: countries and finding ids seen. */
export function filterChoices(rows: readonly RegisterRow[]): { countries: string[]; findings: string[] } {
  const countries = new Set<string>();
  const findings = new Set<string>();
  for (const row of rows) {
    if (row.vendor.location.country) countries.add(row.vendor.location.country);
    for (const flag of row.flags) findings.add(flag.id);
  }
  return { countries: [...countries].sort(), findings: [...findings].sort() };
}

// The register as CSV for a spreadsheet: one row per vendor, RFC 4180 quoting, CRLF line ends.
// List text is untrusted, and a spreadsheet runs a cell that starts with = + - @ (or a tab or CR
// that hides one) as a formula, so such cells get a leading apostrophe: "CSV injection", see
// https://owasp.org/www-community/attacks/CSV_Injection
import { findingText } from './finding-text';
import type { Listing, SubprocessorList, Vendor } from './list';
import { type ReviewLookup, type Reviews, reviewLookup } from './register/review-state';
import type { Translation } from './translate';

/** Column names, stable like the v1 JSON keys, so a sheet built on an export keeps working. */
export const CSV_COLUMNS = [
  'Vendor',
  'Website',
  'Domains',
  'Location',
  'Country',
  'Certifications',
  'Data processed',
  'Use',
  'DPA status',
  'DPA date',
  'DPA text',
  'Findings',
  'Listed by',
  // The team's own review (review-state.ts), empty for a vendor nobody reviewed.
  'My status',
  'My DPA signed',
  'Owner',
  'Next review',
  'Notes',
] as const;

/** Put before the text of a .csv file so that spreadsheets read it as UTF-8. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised if a spreadsheet would run it, quoted if it holds a comma, quote or line end. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

// Items inside one cell: "; " reads well and is not the field separator.
const joinItems = (items: readonly string[]) => items.join('; ');

function listingText(listing: Listing): string {
  const dpa = [listing.dpa.status, listing.dpa.date].filter(Boolean).join(' ');
  const facts = [`DPA ${dpa}`, listing.location.text].filter(Boolean).join(', ');
  return `${listing.title} (${facts})`;
}

function reviewCells(vendor: Vendor, lookup: ReviewLookup): string[] {
  const review = lookup.find(vendor)?.review;
  if (!review) return ['', '', '', '', ''];
  return [review.status, review.dpaSignedOn ?? '', review.owner, review.nextReview ?? '', review.notes];
}

function vendorCells(vendor: Vendor, tr: Translation, lookup: ReviewLookup): string[] {
  return [
    vendor.name,
    vendor.website ?? '',
    joinItems(vendor.domains),
    vendor.location.text,
    vendor.location.country ?? '',
    joinItems(vendor.certifications.map((c) => c.label || c.text)),
    joinItems(vendor.dataProcessed),
    joinItems(vendor.use),
    vendor.dpa.status,
    vendor.dpa.date ?? '',
    vendor.dpa.text,
    joinItems(vendor.flags.map((f) => `${f.severity}: ${findingText(f, tr)}`)),
    joinItems((vendor.listedBy ?? []).map(listingText)),
    ...reviewCells(vendor, lookup),
  ];
}

/** The whole register: a header row, then one row per vendor in the register's order, with the
 * team's review of each (notes are text: a note that starts like a formula is neutralised too);
 * findings are written in the translation's language. */
export function registerToCsv(list: SubprocessorList, tr: Translation, reviews: Reviews = {}): string {
  const lookup = reviewLookup(reviews);
  const rows = [
    csvRow(CSV_COLUMNS),
    ...list.vendors.map((vendor) => csvRow(vendorCells(vendor, tr, lookup))),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

// The team's own review of each vendor: my status, my DPA, owner, next review, notes. It is the
// user's work, not the lists', so it is keyed by vendor identity (vendor-identity.ts: the name key,
// with the website host as a second way in), survives a refresh that renames "Stripe" to
// "Stripe, Inc." and outlives the source that listed the vendor. Every entry is checked on its own
// and every field falls back on its own: a damaged record is read as far as it can be.
import * as v from 'valibot';
import type { Vendor } from '../list';
import { hostKeyOf, type Identifiable, nameKey } from './vendor-identity';

export const REVIEW_SCHEMA_VERSION = 1;
export const REVIEW_STATUSES = [
  'not-reviewed',
  'under-review',
  'approved',
  'rejected',
  'no-longer-used',
] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const NOTES_MAX = 10_000;
const SHORT_MAX = 300;

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
// Only http(s) links, as in the list schema: a javascript: or data: link is refused, not stored.
const HttpUrl = v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\/[^\s]+$/i));
// Text is kept as inert text (never markup); an overlong text is cut rather than lost entirely.
const Text = (max: number) =>
  v.fallback(
    v.pipe(
      v.string(),
      v.transform((s) => s.slice(0, max)),
    ),
    '',
  );

export const ReviewSchema = v.object({
  /** The vendor's name when the review was last saved: shown for a vendor no list names today. */
  name: Text(SHORT_MAX),
  /** The website host at that time: finds the review again after a rename. */
  host: v.fallback(v.nullable(v.pipe(v.string(), v.maxLength(SHORT_MAX))), null),
  status: v.fallback(v.picklist(REVIEW_STATUSES), 'not-reviewed'),
  dpaSignedOn: v.fallback(v.nullable(IsoDate), null),
  dpaLink: v.fallback(v.nullable(HttpUrl), null),
  owner: Text(SHORT_MAX),
  nextReview: v.fallback(v.nullable(IsoDate), null),
  notes: Text(NOTES_MAX),
  /** ISO date-time of the last change: the newer of two copies wins an import. */
  updatedAt: Text(40),
});

export type Review = v.InferOutput<typeof ReviewSchema>;
/** Name key -> review. */
export type Reviews = Record<string, Review>;

export interface ReviewRecord {
  schemaVersion: number;
  reviews: Reviews;
}

export type ReviewProblem =
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; skipped: number };

export interface ReviewRead {
  reviews: Reviews;
  /** Why the stored record is not as this version writes it; null when all is well. When set, the
   * stored value is backed up before the next write replaces it. */
  problem: ReviewProblem | null;
}

type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
/** Upgrades an older record one version at a time; index n turns version n into n + 1. None yet:
 * version 1 is the first, and the table is where version 2's step goes. */
export const REVIEW_MIGRATIONS: Record<number, Migration> = {};

export function emptyReview(vendor: Identifiable): Review {
  return {
    name: vendor.name.slice(0, SHORT_MAX),
    host: hostKeyOf(vendor),
    status: 'not-reviewed',
    dpaSignedOn: null,
    dpaLink: null,
    owner: '',
    nextReview: null,
    notes: '',
    updatedAt: '',
  };
}

/** Checks one entry: null when it is not an object at all (then nothing in it can be read). */
export function parseReview(raw: unknown): Review | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const parsed = v.safeParse(ReviewSchema, raw);
  return parsed.success ? parsed.output : null;
}

/** The entries of a reviews map, each checked; keys are re-made from the entry's name when missing. */
function parseReviews(raw: unknown): { reviews: Reviews; skipped: number } {
  const reviews: Reviews = {};
  let skipped = 0;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { reviews, skipped: 1 };
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const review = parseReview(entry);
    if (!review) {
      skipped++;
      continue;
    }
    const own = key.trim() || nameKey(review.name);
    if (own) reviews[own] = review;
    else skipped++;
  }
  return { reviews, skipped };
}

/**
 * Reads whatever storage (or an imported file) held. Never throws. A newer record is read with this
 * version's schema, as far as it goes (unknown fields are left out); an unreadable one gives nothing
 * but says so, so its writer can back it up first.
 */
export function readReviewRecord(raw: unknown): ReviewRead {
  if (raw === undefined || raw === null) return { reviews: {}, problem: null };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { reviews: {}, problem: { kind: 'corrupt', reason: 'not an object' } };
  let record = raw as Record<string, unknown>;
  let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : null;
  if (version === null || !Number.isInteger(version))
    return { ...parseReviews(record.reviews), problem: { kind: 'corrupt', reason: 'no schema version' } };
  if (version > REVIEW_SCHEMA_VERSION)
    return { reviews: parseReviews(record.reviews).reviews, problem: { kind: 'newer', version } };
  while (version < REVIEW_SCHEMA_VERSION) {
    const step = REVIEW_MIGRATIONS[version];
    if (!step)
      return {
        reviews: parseReviews(record.reviews).reviews,
        problem: { kind: 'corrupt', reason: `no migration from version ${version}` },
      };
    record = step(record);
    version++;
  }
  const { reviews, skipped } = parseReviews(record.reviews);
  return { reviews, problem: skipped ? { kind: 'damaged', skipped } : null };
}

export function reviewRecordOf(reviews: Reviews): ReviewRecord {
  return { schemaVersion: REVIEW_SCHEMA_VERSION, reviews };
}

/** The key a vendor's review is stored under. */
export function reviewKeyOf(vendor: Identifiable): string {
  return nameKey(vendor.name);
}

export interface ReviewLookup {
  /** The vendor's review and the key it is stored under; by name key, else by website host. */
  find(vendor: Identifiable): { key: string; review: Review } | null;
}

/** A lookup for many vendors: the host index is built once. */
export function reviewLookup(reviews: Reviews): ReviewLookup {
  const byHost = new Map<string, string>();
  for (const [key, review] of Object.entries(reviews)) if (review.host) byHost.set(review.host, key);
  const empty = byHost.size === 0 && Object.keys(reviews).length === 0;
  return {
    find(vendor) {
      if (empty) return null;
      const own = reviewKeyOf(vendor);
      const direct = reviews[own];
      if (direct) return { key: own, review: direct };
      if (!byHost.size) return null;
      const host = hostKeyOf(vendor);
      const key = host ? byHost.get(host) : undefined;
      const review = key ? reviews[key] : undefined;
      return key && review ? { key, review } : null;
    },
  };
}

/** My status of a vendor: "not reviewed" until someone sets it. */
export function statusOf(lookup: ReviewLookup, vendor: Identifiable): ReviewStatus {
  return lookup.find(vendor)?.review.status ?? 'not-reviewed';
}

/**
 * The reviews with one vendor's review set. A review found by host (the vendor was renamed) moves
 * to the vendor's name key; the name and host are brought up to date.
 */
export function withReview(reviews: Reviews, vendor: Vendor, review: Review, at: string): Reviews {
  const found = reviewLookup(reviews).find(vendor);
  const next = { ...reviews };
  if (found) delete next[found.key];
  const checked = parseReview({ ...review, name: vendor.name, host: hostKeyOf(vendor), updatedAt: at });
  if (checked) next[reviewKeyOf(vendor)] = checked;
  return next;
}

/** Imported reviews over the stored ones: per key, the copy changed last wins (a tie: the import). */
export function mergeReviews(stored: Reviews, imported: Reviews): Reviews {
  const next = { ...stored };
  for (const [key, review] of Object.entries(imported)) {
    const mine = next[key];
    if (!mine || review.updatedAt >= mine.updatedAt) next[key] = review;
  }
  return next;
}

/** The v1 JSON export's extension field that carries the reviews (documented in the README). */
export const REVIEW_EXPORT_FIELD = 'review';

/** The reviews an exported or imported v1 document carries, checked like a stored record. */
export function reviewsOfDocument(document: unknown): ReviewRead {
  if (typeof document !== 'object' || document === null) return { reviews: {}, problem: null };
  return readReviewRecord((document as Record<string, unknown>)[REVIEW_EXPORT_FIELD]);
}

/** The reviews an imported file's text carries: only a JSON document with the field has any. */
export function reviewsOfText(text: string): ReviewRead {
  const start = text.trimStart();
  if (!start.startsWith('{')) return { reviews: {}, problem: null };
  try {
    return reviewsOfDocument(JSON.parse(start));
  } catch {
    return { reviews: {}, problem: null }; // not JSON: the list import says what is wrong
  }
}

// The team's review status of a vendor, for the popup's cards. Loaded by import() (./index.tsx) as
// the popup starts and not waited for: the reviews' schema (valibot) stays out of popup.js, and a
// card shows its status line as soon as the reviews are read, usually a frame after the first paint.
import type { Vendor } from '../core/list';
import { type ReviewStatus, reviewLookup, statusOf } from '../core/register/review-state';
import { loadReviews } from '../platform/store/reviews';

export type MyStatus = (vendor: Vendor) => ReviewStatus | null;

/** A vendor nobody reviewed shows no status line. */
export async function readMyStatus(): Promise<MyStatus> {
  const lookup = reviewLookup((await loadReviews()).reviews);
  return (vendor) => (lookup.find(vendor) ? statusOf(lookup, vendor) : null);
}

// The team's review state in storage.local under its own key (REVIEW_KEY), apart from the lists'
// record: a refresh or a removed source never writes it. Writes are serialised (navigator.locks
// across the extension's pages) and read-modify-write. A record that is damaged or from a newer
// version is read as far as it goes (core/review-state.ts) and copied to a backup key before the
// first write replaces it, so nothing the user wrote is silently dropped.
import type { Storage } from 'webextension-polyfill';
import type { Vendor } from '../../core/list';
import {
  mergeReviews,
  type Review,
  type ReviewRead,
  type Reviews,
  readReviewRecord,
  reviewRecordOf,
  reviewsOfText,
  withReview,
} from '../../core/register/review-state';
import { browser } from '../browser';
import { REVIEW_BACKUP_KEY, REVIEW_KEY } from './keys';

export async function loadReviews(): Promise<ReviewRead> {
  try {
    return readReviewRecord((await browser.storage.local.get(REVIEW_KEY))[REVIEW_KEY]);
  } catch (error) {
    return {
      reviews: {},
      problem: { kind: 'corrupt', reason: error instanceof Error ? error.message : String(error) },
    };
  }
}

let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const run = locks ? () => locks.request(REVIEW_KEY, task) : task;
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Reads, changes and writes the reviews in one step; backs up a record that is not as ours. */
export function updateReviews(change: (reviews: Reviews) => Reviews): Promise<Reviews> {
  return serialised(async () => {
    const raw: unknown = (await browser.storage.local.get(REVIEW_KEY))[REVIEW_KEY];
    const read = readReviewRecord(raw);
    if (read.problem) await browser.storage.local.set({ [REVIEW_BACKUP_KEY]: raw });
    const next = change(read.reviews);
    await browser.storage.local.set({ [REVIEW_KEY]: reviewRecordOf(next) });
    return next;
  });
}

export function saveReview(vendor: Vendor, review: Review): Promise<Reviews> {
  return updateReviews((reviews) => withReview(reviews, vendor, review, new Date().toISOString()));
}

/** Imported reviews (already checked) over the stored ones; the copy changed last wins. */
export function importReviews(imported: Reviews): Promise<Reviews> {
  return updateReviews((reviews) => mergeReviews(reviews, imported));
}

export function onReviewsChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && REVIEW_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Imports the reviews an imported file carries, if any (checked as a stored record is); resolves
 * to how many were read. */
export async function importReviewsOfText(text: string): Promise<number> {
  const { reviews } = reviewsOfText(text);
  const count = Object.keys(reviews).length;
  if (count) await importReviews(reviews);
  return count;
}

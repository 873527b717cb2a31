import { describe, expect, it } from 'vitest';
import type { Vendor } from '../../../src/core/list';
import {
  emptyReview,
  mergeReviews,
  REVIEW_SCHEMA_VERSION,
  type Review,
  readReviewRecord,
  reviewLookup,
  reviewRecordOf,
  reviewsOfText,
  statusOf,
  withReview,
} from '../../../src/core/register/review-state';
import { blankVendor } from '../../support/blank-vendor';

function vendor(name: string, website: string | null = null): Vendor {
  return blankVendor(name, { website });
}

const stripe = vendor('Stripe', 'https://stripe.com');
const AT = '2026-12-01T10:00:00.000Z';

function review(partial: Partial<Review> = {}): Review {
  return { ...emptyReview(stripe), status: 'approved', owner: 'Priya', updatedAt: AT, ...partial };
}

describe('review state', () => {
  it('finds a review again after a rename that keeps the name key or the website host', () => {
    const reviews = withReview({}, stripe, review(), AT);
    expect(Object.keys(reviews)).toEqual(['stripe']);
    const lookup = reviewLookup(reviews);
    expect(statusOf(lookup, vendor('Stripe, Inc.', 'https://stripe.com'))).toBe('approved');
    expect(statusOf(lookup, vendor('Stripe Payments Europe', 'https://www.stripe.com/'))).toBe('approved');
    expect(statusOf(lookup, vendor('Mixpanel', 'https://mixpanel.com'))).toBe('not-reviewed');
  });

  it('moves a review found by host to the new name, keeping what the user wrote', () => {
    const before = withReview({}, stripe, review({ notes: 'checked SCCs' }), AT);
    const renamed = vendor('Stripe Payments', 'https://stripe.com');
    const found = reviewLookup(before).find(renamed);
    if (!found) throw new Error('not found by host');
    const after = withReview(before, renamed, { ...found.review, status: 'under-review' }, AT);
    expect(Object.keys(after)).toEqual(['stripepayments']);
    expect(after.stripepayments).toMatchObject({
      name: 'Stripe Payments',
      notes: 'checked SCCs',
      status: 'under-review',
    });
  });

  it('reads every field on its own: a bad one falls back, the others stay', () => {
    const read = readReviewRecord({
      schemaVersion: REVIEW_SCHEMA_VERSION,
      reviews: {
        stripe: { ...review(), status: 'maybe', dpaLink: 'javascript:alert(1)', nextReview: '2027-01-01' },
        mixpanel: {
          ...review(),
          name: 'Mixpanel',
          dpaLink: 'https://mixpanel.com/dpa',
          notes: 'x'.repeat(20_000),
        },
      },
    });
    expect(read.problem).toBeNull();
    expect(read.reviews.stripe).toMatchObject({
      status: 'not-reviewed',
      dpaLink: null,
      nextReview: '2027-01-01',
      owner: 'Priya',
    });
    expect(read.reviews.mixpanel?.dpaLink).toBe('https://mixpanel.com/dpa');
    // Cut, not dropped.
    expect(read.reviews.mixpanel?.notes).toHaveLength(10_000);
  });

  it('keeps the readable entries of a damaged record and says how many were not', () => {
    const read = readReviewRecord({
      schemaVersion: 1,
      reviews: { stripe: review(), bad: 'not an entry', worse: [1] },
    });
    expect(Object.keys(read.reviews)).toEqual(['stripe']);
    expect(read.problem).toEqual({ kind: 'damaged', skipped: 2 });
  });

  it('reads a newer record as far as it goes, and says it is newer', () => {
    const read = readReviewRecord({
      schemaVersion: 7,
      reviews: { stripe: { ...review(), colour: 'green' } },
    });
    expect(read.problem).toEqual({ kind: 'newer', version: 7 });
    expect(read.reviews.stripe?.status).toBe('approved');
    expect(read.reviews.stripe).not.toHaveProperty('colour');
  });

  it('reports a record without a version or not an object as corrupt, keeping what it can', () => {
    expect(readReviewRecord('garbage')).toEqual({
      reviews: {},
      problem: { kind: 'corrupt', reason: 'not an object' },
    });
    const read = readReviewRecord({ reviews: { stripe: review() } });
    expect(read.problem?.kind).toBe('corrupt');
    expect(read.reviews.stripe?.owner).toBe('Priya');
    expect(readReviewRecord(undefined)).toEqual({ reviews: {}, problem: null });
  });

  it('merges an import: per vendor the copy changed last wins', () => {
    const mine = {
      stripe: review({ owner: 'me', updatedAt: '2026-12-02T00:00:00Z' }),
      mixpanel: review({ owner: 'old', updatedAt: '2026-01-01T00:00:00Z' }),
    };
    const theirs = {
      stripe: review({ owner: 'them', updatedAt: '2026-11-01T00:00:00Z' }),
      mixpanel: review({ owner: 'new', updatedAt: '2026-06-01T00:00:00Z' }),
      rev: review({ owner: 'x' }),
    };
    const merged = mergeReviews(mine, theirs);
    expect([merged.stripe?.owner, merged.mixpanel?.owner, merged.rev?.owner]).toEqual(['me', 'new', 'x']);
  });

  it('reads the reviews an exported document carries, checked, and none from other text', () => {
    const document = {
      format: 'subprocessor-list/v1',
      vendors: [],
      review: reviewRecordOf({ stripe: review({ dpaLink: 'data:text/html,x' }) }),
    };
    const read = reviewsOfText(JSON.stringify(document));
    expect(read.reviews.stripe).toMatchObject({ owner: 'Priya', dpaLink: null });
    expect(reviewsOfText('# Subprocessors\n- Stripe').reviews).toEqual({});
    expect(reviewsOfText('{ not json').reviews).toEqual({});
    expect(reviewsOfText(JSON.stringify({ format: 'subprocessor-list/v1', vendors: [] })).problem).toBeNull();
  });
});

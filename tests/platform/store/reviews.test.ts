import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Vendor } from '../../../src/core/list';
import { emptyReview } from '../../../src/core/register/review-state';
import { REVIEW_BACKUP_KEY, REVIEW_KEY } from '../../../src/platform/store/keys';
import { importReviewsOfText, loadReviews, saveReview } from '../../../src/platform/store/reviews';
import { fakeBrowser } from '../../support/fake-browser';
import { seedVendor } from '../../support/ui';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];
let stripe: Vendor;

beforeEach(() => {
  fakeBrowser.reset();
  stripe = seedVendor('Stripe');
});

describe('the review store', () => {
  it('saves a review under the vendor identity, versioned, and reads it back', async () => {
    await saveReview(stripe, {
      ...emptyReview(stripe),
      status: 'approved',
      notes: '<img src=x onerror=alert(1)>',
    });
    expect(await stored(REVIEW_KEY)).toMatchObject({
      schemaVersion: 1,
      reviews: { stripe: { status: 'approved' } },
    });
    const read = await loadReviews();
    expect(read.problem).toBeNull();
    expect(read.reviews.stripe?.notes).toBe('<img src=x onerror=alert(1)>');
    expect(read.reviews.stripe?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('backs up a damaged record before the first write replaces it, keeping what could be read', async () => {
    const damaged = {
      schemaVersion: 1,
      reviews: { mixpanel: { name: 'Mixpanel', status: 'rejected' }, bad: 42 },
    };
    await fakeBrowser.storage.local.set({ [REVIEW_KEY]: damaged });
    expect((await loadReviews()).problem).toEqual({ kind: 'damaged', skipped: 1 });
    await saveReview(stripe, { ...emptyReview(stripe), status: 'approved' });
    expect(await stored(REVIEW_BACKUP_KEY)).toEqual(damaged);
    const read = await loadReviews();
    expect(read.problem).toBeNull();
    expect(Object.keys(read.reviews).sort()).toEqual(['mixpanel', 'stripe']);
  });

  it('backs up a record of a newer version before writing over it', async () => {
    const newer = {
      schemaVersion: 9,
      reviews: { mixpanel: { name: 'Mixpanel', status: 'approved', tags: ['x'] } },
    };
    await fakeBrowser.storage.local.set({ [REVIEW_KEY]: newer });
    const read = await loadReviews();
    expect(read.problem).toEqual({ kind: 'newer', version: 9 });
    expect(read.reviews.mixpanel?.status).toBe('approved');
    await saveReview(stripe, emptyReview(stripe));
    expect(await stored(REVIEW_BACKUP_KEY)).toEqual(newer);
    expect(Object.keys((await loadReviews()).reviews).sort()).toEqual(['mixpanel', 'stripe']);
  });

  it('imports the reviews an exported file carries, validated, and nothing from a file without them', async () => {
    const file = JSON.stringify({
      format: 'subprocessor-list/v1',
      source: { title: 'x', url: null, updated: null },
      vendors: [],
      review: {
        schemaVersion: 1,
        reviews: {
          stripe: { ...emptyReview(stripe), owner: 'Ana', dpaLink: 'javascript:alert(1)', updatedAt: 'z' },
        },
      },
    });
    expect(await importReviewsOfText(file)).toBe(1);
    expect((await loadReviews()).reviews.stripe).toMatchObject({ owner: 'Ana', dpaLink: null });
    expect(await importReviewsOfText('<html><body>Subprocessors</body></html>')).toBe(0);
  });
});

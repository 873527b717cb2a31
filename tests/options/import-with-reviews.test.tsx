import { describe, expect, it, vi } from 'vitest';
import { importWithReviews } from '../../src/options/import-with-reviews';
import type { Reply } from '../../src/platform/source-types';
import { t } from '../support/ui';

const done = (ok: boolean, message: string): Reply => ({
  ok,
  message,
  sourceId: ok ? 'a' : null,
  reports: [],
});

describe('an import that carries the team reviews', () => {
  it('stores the reviews after the list and says how many', async () => {
    const order: string[] = [];
    const list = vi.fn(async () => (order.push('list'), done(true, 'Imported 7 vendors.')));
    const reviews = vi.fn(async () => (order.push('reviews'), 3));
    const reply = await importWithReviews('{}', 'a.json', list, reviews, t);
    expect(order).toEqual(['list', 'reviews']);
    expect(reply).toMatchObject({ ok: true, message: `Imported 7 vendors. ${t('reviewsImported', '3')}` });
  });

  it('leaves the reply as it is when the file has no reviews', async () => {
    const reply = await importWithReviews(
      'x',
      'a.md',
      async () => done(true, 'Imported.'),
      async () => 0,
      t,
    );
    expect(reply.message).toBe('Imported.');
  });

  it('says so when the reviews could not be stored, instead of dropping them in silence', async () => {
    const fail = async () => {
      throw new Error('storage is full');
    };
    const reply = await importWithReviews('{}', 'a.json', async () => done(true, 'Imported.'), fail, t);
    expect(reply.ok).toBe(false);
    expect(reply.message).toBe(`Imported. ${t('reviewsImportFailed', 'storage is full')}`);
  });

  it('reads no reviews from a file whose list was refused', async () => {
    const reviews = vi.fn(async () => 1);
    const reply = await importWithReviews('{}', 'a.json', async () => done(false, 'Refused.'), reviews, t);
    expect(reply).toMatchObject({ ok: false, message: 'Refused.' });
    expect(reviews).not.toHaveBeenCalled();
  });
});

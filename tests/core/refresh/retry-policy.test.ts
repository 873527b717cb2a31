import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  isRetryDue,
  MAX_RETRY_AFTER_MS,
  NO_RETRY,
  type RetryState,
  retryDelay,
} from '../../../src/core/refresh/retry-policy';
import { FC_SEED } from '../../support/list-arbitraries';
import { NOW as TEST_NOW } from '../../support/test-date';

const MIN = 60_000;
const NOW = TEST_NOW.getTime();

function failTimes(n: number): RetryState {
  let state = NO_RETRY;
  for (let i = 0; i < n; i++) state = afterFailure(state, NOW);
  return state;
}

describe('retry policy', () => {
  it('backs off 5 min, 30 min, 2 h, then 12 h for good', () => {
    expect([1, 2, 3, 4, 5, 50].map(retryDelay)).toEqual([
      5 * MIN,
      30 * MIN,
      120 * MIN,
      720 * MIN,
      720 * MIN,
      720 * MIN,
    ]);
    expect(failTimes(3)).toEqual({ failures: 3, retryAt: NOW + 120 * MIN });
  });

  it('is due only once its time has come, and a success clears it', () => {
    const state = failTimes(1);
    expect(isRetryDue(state, NOW + 5 * MIN - 1)).toBe(false);
    expect(isRetryDue(state, NOW + 5 * MIN)).toBe(true);
    expect(afterSuccess()).toEqual({ failures: 0, retryAt: null });
    expect(isRetryDue(afterSuccess(), NOW)).toBe(false);
    expect(afterFailure(afterSuccess(), NOW).retryAt).toBe(NOW + 5 * MIN);
  });

  it("honours a server's Retry-After when longer, up to a day", () => {
    expect(afterFailure(NO_RETRY, NOW, { retryAfterMs: 60 * MIN }).retryAt).toBe(NOW + 60 * MIN);
    expect(afterFailure(NO_RETRY, NOW, { retryAfterMs: 1000 }).retryAt).toBe(NOW + 5 * MIN);
    expect(afterFailure(NO_RETRY, NOW, { retryAfterMs: 365 * 24 * 60 * MIN }).retryAt).toBe(
      NOW + MAX_RETRY_AFTER_MS,
    );
  });

  it('spreads retries by at most 10%, never shrinking the schedule out of order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, random) => {
          const state = afterFailure({ failures: n - 1, retryAt: null }, NOW, { random });
          const wait = (state.retryAt ?? 0) - NOW;
          expect(wait).toBeGreaterThanOrEqual(retryDelay(n) * 0.9 - 1);
          expect(wait).toBeLessThanOrEqual(retryDelay(n) * 1.1 + 1);
          expect(retryDelay(n + 1)).toBeGreaterThanOrEqual(retryDelay(n));
        },
      ),
      { seed: FC_SEED, numRuns: 100 },
    );
  });
});

// When to try a source again after a failed refresh: soon at first, then less and less often, so a
// broken or overloaded server is not hammered by every installed copy. A success resets it.
import * as v from 'valibot';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Waits after the 1st, 2nd, 3rd and later consecutive failures. */
export const RETRY_DELAYS_MS = [5 * MINUTE, 30 * MINUTE, 2 * HOUR, 12 * HOUR] as const;
/** A server's Retry-After is honoured up to a day; beyond that the normal schedule takes over. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR;

export const RetrySchema = v.object({
  /** Consecutive failures since the last success. */
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the next attempt may run (ms since the epoch); null: no retry pending. */
  retryAt: v.nullable(v.number()),
});
export type RetryState = v.InferOutput<typeof RetrySchema>;

export const NO_RETRY: RetryState = { failures: 0, retryAt: null };

export interface FailureOptions {
  /** The server's Retry-After, in ms, if it sent one (429, 503). */
  retryAfterMs?: number | null;
  /** A number in [0, 1) to spread retries by ±10% so copies do not retry in step; 0.5 = none. */
  random?: number;
}

/** The wait after the n-th consecutive failure (n >= 1), capped at the last step. */
export function retryDelay(failures: number): number {
  const step = Math.min(Math.max(1, Math.floor(failures)), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[step] ?? RETRY_DELAYS_MS[3];
}

export function afterFailure(state: RetryState, now: number, options: FailureOptions = {}): RetryState {
  const failures = state.failures + 1;
  const random = Math.min(Math.max(options.random ?? 0.5, 0), 1);
  const backoff = Math.round(retryDelay(failures) * (0.9 + 0.2 * random));
  const serverWait = Math.min(Math.max(options.retryAfterMs ?? 0, 0), MAX_RETRY_AFTER_MS);
  return { failures, retryAt: now + Math.max(backoff, serverWait) };
}

export function afterSuccess(): RetryState {
  return NO_RETRY;
}

/** Whether a retry is pending and its time has come. */
export function isRetryDue(state: RetryState, now: number): boolean {
  return state.retryAt !== null && now >= state.retryAt;
}

// Shared settings for the property tests. `npm test` runs few inputs with a fixed seed, so a
// failure reproduces; `npm run fuzz` runs FUZZ_SCALE times as many (default 30) from a random
// seed (FUZZ_SEED=N replays one; fast-check prints the seed and path of any failure).
// The per-input time bound catches a hang or a quadratic blow-up. It is generous, so that it
// holds on a loaded two-core machine: it is a tripwire, not a speed budget.
import type fc from 'fast-check';

const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
/** How many times more work `npm run fuzz` does than `npm test` (1 in npm test). */
export const FUZZ_SCALE = scale;
const seedEnv = process.env.FUZZ_SEED;
export const FUZZ_SEED =
  seedEnv === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedEnv ?? 20_261_127) || 20_261_127;

/** fast-check parameters for a property that runs `ciRuns` inputs in `npm test`. */
export function fuzzParams(ciRuns: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: ciRuns * scale, endOnFailure: true };
}

/** The vitest timeout of a property test: ample for its runs at this scale. */
export const FUZZ_TIMEOUT_MS = 60_000 * scale;

/** 2 s, plus 40 ms per 1,000 characters: 100 KB gets 6 s where a linear parse takes ~0.3 s. */
export function timeBoundMs(length: number): number {
  return 2000 + (40 * length) / 1000;
}

/** Runs fn and fails if it takes longer than the bound for an input of this length. */
export function timed<T>(length: number, fn: () => T): T {
  const started = performance.now();
  const out = fn();
  const ms = performance.now() - started;
  if (ms > timeBoundMs(length)) {
    throw new Error(
      `took ${Math.round(ms)} ms for ${length} characters (bound ${Math.round(timeBoundMs(length))} ms)`,
    );
  }
  return out;
}

// Timing and memory helpers for the benchmark. The machine is shared and noisy: every figure is a
// median over repetitions, and each is compared with its baseline measured in the same run.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Milliseconds one call takes, as the median of `reps` calls. */
export function medianMs(reps: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

// gc() without asking the user for --expose-gc: the flag can be set at run time, and a fresh
// context then sees the function.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export function gc(): void {
  collect();
  collect();
}

/** Bytes on the JS heap plus array buffers (typed arrays live outside the heap), after a full gc. */
export function memoryNow(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const alive: unknown[] = [];

// In its own frame, so that no local variable of the caller keeps the previous value alive.
function retainedOnce<T>(make: () => T, touch: (value: T) => void): number {
  const before = memoryNow();
  const value = make();
  touch(value);
  alive.push(value);
  return memoryNow() - before;
}

/** Memory a value built by `make` keeps alive: the delta around it, median of `reps`. */
export function retainedBytes<T>(reps: number, make: () => T, touch: (value: T) => void = () => {}): number {
  const sizes: number[] = [];
  for (let i = 0; i < reps; i++) {
    sizes.push(retainedOnce(make, touch));
    alive.length = 0;
  }
  return median(sizes);
}

// Browser events are asynchronous: tests poll for the state they expect, with a deadline, instead of
// sleeping a fixed time (a loaded 2-core machine makes any fixed sleep either slow or flaky).

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was awaited, for the error message. */
  what?: string;
}

/** Calls `read` until `done` holds for its value, and returns it; throws with the last value seen. */
export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 50, what = 'the condition' }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`${what} did not hold within ${timeoutMs} ms; last seen ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

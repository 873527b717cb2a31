// Long work in the worker, and how far it is: refreshing every source, importing a file, the first
// load of a newly added list. The worker writes each step to storage.session (cleared when the
// browser closes), so an options page opened at any moment, or again after it was left, shows what
// is going on and how it ended, while the work itself goes on in the worker.
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';
import { browser } from './browser';
import { PROGRESS_KEY } from './store';

export const TASKS = ['refresh-all', 'import', 'add'] as const;
export type Task = (typeof TASKS)[number];

/** A running task not heard of for this long was cut short (the worker stopped): it is not shown. */
export const STALE_AFTER_MS = 2 * 60_000;

const ProgressSchema = v.object({
  task: v.picklist(TASKS),
  state: v.picklist(['running', 'done']),
  /** Translated: what it is doing now ("Refreshing 3 of 12 sources: Reading Acme’s list…"). */
  text: v.string(),
  /** Steps done and in all (sources, for a refresh of all); total 0 when it cannot be counted. */
  done: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Translated: how it ended, once done. */
  outcome: v.nullable(v.string()),
  tone: v.picklist(['info', 'error']),
  startedAt: v.number(),
  updatedAt: v.number(),
});

export type Progress = v.InferOutput<typeof ProgressSchema>;

async function readAll(): Promise<Partial<Record<Task, Progress>>> {
  try {
    const raw: unknown = (await browser.storage.session.get(PROGRESS_KEY))[PROGRESS_KEY];
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Partial<Record<Task, Progress>> = {};
    for (const task of TASKS) {
      const parsed = v.safeParse(ProgressSchema, (raw as Record<string, unknown>)[task]);
      if (parsed.success) out[task] = parsed.output;
    }
    return out;
  } catch {
    return {}; // no session storage (an old browser): no progress to show
  }
}

/** The tasks worth showing at `now`: running ones still heard of, and how the others ended. */
export async function loadProgress(now = Date.now()): Promise<Progress[]> {
  return Object.values(await readAll()).filter(
    (p) => p.state === 'done' || now - p.updatedAt < STALE_AFTER_MS,
  );
}

// The worker's writes queue here, so a slow write never lands after a later one.
let writes: Promise<unknown> = Promise.resolve();

/** Stores one task's state (the worker's side). Never throws: progress is a courtesy. */
export function saveProgress(progress: Progress): Promise<void> {
  const next = writes.then(async () => {
    const all = await readAll();
    await browser.storage.session.set({ [PROGRESS_KEY]: { ...all, [progress.task]: progress } });
  });
  writes = next.catch(() => undefined);
  return next.catch((error: unknown) => {
    console.warn('Subprocessor Lens: progress not stored:', error);
  });
}

/** Calls back when any task's state changes. Returns a function that stops listening. */
export function onProgressChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'session' && PROGRESS_KEY in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

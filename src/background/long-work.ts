// The worker's side of progress (platform/progress.ts): a task says each step as it takes it and
// ends with its outcome, in sentences the options page shows as they are. The sentences for the
// steps of reading one list live here, so refresh, import and a first load say them alike.
import { t } from '../platform/i18n';
import { failure } from '../platform/messages';
import { type Progress, saveProgress, type Task } from '../platform/progress';
import { type Reply, replyFailed, replyText } from '../platform/source-types';

export interface Work {
  /** A step: what it is doing now, and how many of `total` are done. Resolves once stored: await it
   * before blocking work (a parse), or the page sees the step only after it. */
  step(text: string, done?: number): Promise<void>;
  /** The end: the reply's message (each source's, for several) becomes the outcome. */
  finish(reply: Reply): Promise<Reply>;
}

function count(n: number): string {
  try {
    return new Intl.NumberFormat(t('formatLocale')).format(n);
  } catch {
    return String(n);
  }
}

/** "Reading Acme’s list…", then "Reading Acme’s list… 2,340 vendors" once it is read. */
export function readingText(name: string, vendors: number | null = null): string {
  return vendors === null ? t('progressReading', name) : t('progressReadVendors', [name, count(vendors)]);
}

/** "Reading acme.json…", then "Reading acme.json… 2,340 vendors". */
export function readingFileText(fileName: string, vendors: number | null = null): string {
  return vendors === null
    ? t('progressReadingFile', fileName)
    : t('progressReadFileVendors', [fileName, count(vendors)]);
}

/** "Refreshing 3 of 12 sources: Reading Acme’s list…". */
export function refreshingText(at: number, total: number, step: string): string {
  return t('progressRefreshing', [count(at), count(total), step]);
}

/** Starts a task with its first step, resolving once that is stored (so blocking work after it, a
 * parse, does not hide it). */
export async function startWork(task: Task, total: number, first: string, now = Date.now): Promise<Work> {
  const startedAt = now();
  let current: Progress = {
    task,
    state: 'running',
    text: first,
    done: 0,
    total,
    outcome: null,
    tone: 'info',
    startedAt,
    updatedAt: startedAt,
  };
  await saveProgress(current);
  return {
    step(text, done = current.done) {
      if (text === current.text && done === current.done) return Promise.resolve();
      current = { ...current, text, done, updatedAt: now() };
      return saveProgress(current);
    },
    async finish(reply) {
      current = {
        ...current,
        state: 'done',
        done: current.total,
        outcome: replyText(reply),
        tone: replyFailed(reply) ? 'error' : 'info',
        updatedAt: now(),
      };
      await saveProgress(current);
      return reply;
    },
  };
}

/** Runs `body` as a task: started with its first step, finished with its reply, and finished as a
 * failure if it throws (then rethrown), so a page never waits on work that has ended. */
export async function runWork(
  task: Task,
  total: number,
  first: string,
  body: (work: Work) => Promise<Reply>,
): Promise<Reply> {
  const work = await startWork(task, total, first);
  try {
    return await work.finish(await body(work));
  } catch (error) {
    await work.finish(failure(error instanceof Error ? error.message : String(error)));
    throw error;
  }
}

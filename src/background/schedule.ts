// When the sources are fetched without anyone asking: a periodic alarm for the schedule (daily or
// weekly, aimed at the moment the stalest source is due) and a one-off alarm for the earliest retry
// after a failure. Alarms outlive the worker; the plan is recomputed from storage whenever it may
// change (install, browser start, settings, any refresh or source change), never kept in memory.
import { isRetryDue } from '../core/refresh/retry-policy';
import { clearAlarm, getAlarm, setAlarm } from '../platform/alarms';
import type { StoredSource } from '../platform/store';
import { allSources, loadSettings, readStore, type Schedule } from '../platform/store';

export const SCHEDULE_ALARM = 'lens-refresh';
export const RETRY_ALARM = 'lens-retry';

const MINUTE = 60_000;
export const PERIOD_MINUTES: Record<Exclude<Schedule, 'off'>, number> = {
  daily: 24 * 60,
  weekly: 7 * 24 * 60,
};
/** A source never fetched is first fetched this long after the browser or extension starts, so
 * the first fetch does not compete with the start itself. */
export const FIRST_FETCH_DELAY_MS = 10 * MINUTE;
/** No alarm is set sooner than this (browsers' minimum is 30 s to 1 min). */
export const MIN_DELAY_MS = MINUTE;
/** A source checked this little before its time still counts as due, so alarm jitter skips none. */
export const DUE_SLACK_MS = 5 * MINUTE;

function checkedAt(source: StoredSource): number | null {
  const at = source.lastAttempt ? Date.parse(source.lastAttempt.at) : Number.NaN;
  return Number.isNaN(at) ? null : at;
}

/** Whether the schedule should fetch `source` at `now`: it has an address, no retry is pending,
 * and its last attempt is a period old (or there was none). */
export function isDue(source: StoredSource, now: number, periodMs: number): boolean {
  if (!source.url) return false;
  if (source.retry.retryAt !== null && !isRetryDue(source.retry, now)) return false;
  const at = checkedAt(source);
  return at === null || at + periodMs - DUE_SLACK_MS <= now;
}

async function fetchable(): Promise<StoredSource[]> {
  const read = await readStore();
  return allSources(read.kind === 'ok' ? read.record : null).filter((s) => s.url !== null);
}

/** The sources the schedule alarm should fetch now (none when the schedule is off). */
export async function dueSources(now: number): Promise<string[]> {
  const { schedule } = await loadSettings();
  if (schedule === 'off') return [];
  const periodMs = PERIOD_MINUTES[schedule] * MINUTE;
  return (await fetchable()).filter((s) => isDue(s, now, periodMs)).map((s) => s.id);
}

/** The sources whose retry time has come. */
export async function retrySources(now: number): Promise<string[]> {
  return (await fetchable()).filter((s) => isRetryDue(s.retry, now)).map((s) => s.id);
}

async function planSchedule(sources: StoredSource[], schedule: Schedule, now: number): Promise<void> {
  if (schedule === 'off' || sources.length === 0) {
    await clearAlarm(SCHEDULE_ALARM);
    return;
  }
  const period = PERIOD_MINUTES[schedule];
  const existing = await getAlarm(SCHEDULE_ALARM);
  let when = Number.POSITIVE_INFINITY;
  for (const source of sources) {
    const at = checkedAt(source);
    if (at !== null) when = Math.min(when, at + period * MINUTE);
  }
  if (sources.some((s) => checkedAt(s) === null)) {
    // Keep an alarm that already fires soon enough, so repeated planning does not postpone it.
    const first = now + FIRST_FETCH_DELAY_MS;
    when = Math.min(when, existing ? Math.min(existing.scheduledTime, first) : first);
  }
  when = Math.max(when, now + MIN_DELAY_MS);
  const unchanged =
    existing && existing.periodInMinutes === period && Math.abs(existing.scheduledTime - when) <= MINUTE;
  if (!unchanged) await setAlarm(SCHEDULE_ALARM, when, period);
}

async function planRetry(sources: StoredSource[], schedule: Schedule, now: number): Promise<void> {
  const times = sources.flatMap((s) => (s.retry.retryAt === null ? [] : [s.retry.retryAt]));
  if (schedule === 'off' || times.length === 0) {
    await clearAlarm(RETRY_ALARM);
    return;
  }
  const when = Math.max(Math.min(...times), now + MIN_DELAY_MS);
  const existing = await getAlarm(RETRY_ALARM);
  if (!existing || Math.abs(existing.scheduledTime - when) > MINUTE) await setAlarm(RETRY_ALARM, when);
}

/** Sets both alarms from the settings and the stored sources. */
export async function planAlarms(now = Date.now()): Promise<void> {
  const [{ schedule }, sources] = await Promise.all([loadSettings(), fetchable()]);
  await planSchedule(sources, schedule, now);
  await planRetry(sources, schedule, now);
}

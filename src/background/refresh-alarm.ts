// What the refresh alarms do when they fire: fetch the sources that are due (schedule) or whose retry
// time has come (retry), then plan the next alarms from what was stored.
import { refreshMany } from './refresh-runner';
import { dueSources, planAlarms, RETRY_ALARM, retrySources, SCHEDULE_ALARM } from './schedule';

export async function onRefreshAlarm(name: string, now = Date.now()): Promise<void> {
  if (name !== SCHEDULE_ALARM && name !== RETRY_ALARM) return;
  try {
    if (name === SCHEDULE_ALARM) await refreshMany(await dueSources(now), { trigger: 'schedule' });
    else await refreshMany(await retrySources(now), { trigger: 'retry' });
  } finally {
    await planAlarms();
  }
}

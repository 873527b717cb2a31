// Named alarms (chrome.alarms): they outlive the service worker, which the browser wakes to deliver
// them, so a schedule works with every page closed. The browser may drop alarms on restart or update;
// the background re-creates its own on install and startup.
import { browser } from './browser';

export interface AlarmInfo {
  name: string;
  /** When it fires next (ms since the epoch). */
  scheduledTime: number;
  /** Minutes between firings; undefined for a one-off alarm. */
  periodInMinutes?: number;
}

export async function getAlarm(name: string): Promise<AlarmInfo | null> {
  return (await browser.alarms.get(name)) ?? null;
}

/** Creates or replaces the alarm `name`, first firing at `when`, then every `periodInMinutes`. */
export async function setAlarm(name: string, when: number, periodInMinutes?: number): Promise<void> {
  await browser.alarms.create(name, periodInMinutes === undefined ? { when } : { when, periodInMinutes });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

export function onAlarm(callback: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => callback(alarm.name));
}

// The user's settings: synced between the user's browsers where the browser offers storage.sync,
// otherwise kept locally. Each field falls back to its default on its own, so one bad value (or one
// written by another version) never resets the others.
import * as v from 'valibot';
import browser, { type Storage } from 'webextension-polyfill';
import { MAX_OBJECTION_DAYS } from '../core/objection-window';
import { SETTINGS_KEY } from './storage-keys';

export { SETTINGS_KEY };

export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

const SettingsSchema = v.object({
  /** Show the toolbar badge on vendors' sites. */
  badge: v.fallback(v.boolean(), true),
  /** How often the sources are fetched in the background (chrome.alarms); 'off' fetches only on request. */
  schedule: v.fallback(v.picklist(SCHEDULES), 'daily'),
  /** A browser notification when a refresh adds, removes or changes vendors, or needs confirmation. */
  notifications: v.fallback(v.boolean(), true),
  /** Days to object after a source adds a subprocessor (Art. 28(2) GDPR), per source id; a source
   * not named here has DEFAULT_OBJECTION_DAYS (core/objection-window.ts). */
  objectionDays: v.fallback(
    v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_OBJECTION_DAYS))),
    {},
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Anything stored -> valid settings: unknown keys dropped, wrong types replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw !== null && typeof raw === 'object' ? raw : {});
}

function areas(): Storage.StorageArea[] {
  // storage.sync is missing in some builds (and may be disabled by policy): local is the fallback.
  return browser.storage.sync ? [browser.storage.sync, browser.storage.local] : [browser.storage.local];
}

async function readRaw(): Promise<unknown> {
  for (const area of areas()) {
    try {
      const raw = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (raw !== undefined) return raw;
    } catch {
      // This area is unavailable: try the next one.
    }
  }
  return undefined;
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await readRaw());
}

/** Merges `partial` into the stored settings and returns the result. */
export async function saveSettings(partial: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...partial });
  let lastError: unknown = null;
  for (const area of areas()) {
    try {
      await area.set({ [SETTINGS_KEY]: next });
      return next;
    } catch (error) {
      lastError = error; // e.g. sync quota exceeded: fall back to local
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** Calls back with the new settings whenever they change, in this or another of the extension's
 * pages or browsers. Returns a function that stops listening. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if ((area === 'sync' || area === 'local') && SETTINGS_KEY in changes) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

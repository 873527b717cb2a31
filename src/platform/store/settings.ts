// The user's settings: synced between the user's browsers where the browser offers storage.sync,
// otherwise kept locally. Each field falls back to its default on its own, so one bad value (or one
// written by another version) never resets the others. An organisation's policy
// (managed-policy.ts) can lock any of them: what it sets is what every reader gets, and saving
// leaves a locked field alone.
import * as v from 'valibot';
import type { Storage } from 'webextension-polyfill';
import { MAX_OBJECTION_DAYS } from '../../core/objection-window';
import { browser } from '../browser';
import { POLICY_KEY, SETTINGS_KEY } from './keys';

export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** Each setting's own schema: for the stored settings and for a policy that locks it alike. */
const FIELDS = {
  /** Show the toolbar badge on vendors' sites. */
  badge: v.boolean(),
  /** How often the sources are fetched in the background (chrome.alarms); 'off' fetches only on request. */
  schedule: v.picklist(SCHEDULES),
  /** A browser notification when a refresh adds, removes or changes vendors, or needs confirmation. */
  notifications: v.boolean(),
};

const SettingsSchema = v.object({
  badge: v.fallback(FIELDS.badge, true),
  schedule: v.fallback(FIELDS.schedule, 'daily'),
  notifications: v.fallback(FIELDS.notifications, true),
  /** Days to object after a source adds a subprocessor (Art. 28(2) GDPR), per source id; a source
   * not named here has DEFAULT_OBJECTION_DAYS (core/objection-window.ts). */
  objectionDays: v.fallback(
    v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_OBJECTION_DAYS))),
    {},
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
/** The settings a policy can lock (the objection windows are per source, never locked). */
export type SettingName = keyof typeof FIELDS;
export const SETTING_NAMES = Object.keys(FIELDS) as SettingName[];

/** What a policy locks: any of the fields, each valid on its own. */
const LocksSchema = v.partial(v.object(FIELDS));

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Anything stored -> valid settings: unknown keys dropped, wrong types replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, raw !== null && typeof raw === 'object' ? raw : {});
}

/** The settings a policy locks, each checked on its own: a bad value is left out, with a line in
 * `issues` ("schedule: Invalid type: …"), and the others still lock. */
export function parseLocks(raw: Record<string, unknown>): { locks: Partial<Settings>; issues: string[] } {
  const locks: Record<string, unknown> = {};
  const issues: string[] = [];
  for (const name of SETTING_NAMES) {
    if (raw[name] === undefined) continue;
    const parsed = v.safeParse(FIELDS[name], raw[name]);
    if (parsed.success) locks[name] = parsed.output;
    else issues.push(`${name}: ${parsed.issues[0]?.message ?? 'invalid value'}`);
  }
  // Each field was checked above; the whole, once more, gives its type from the schema.
  return { locks: v.parse(LocksSchema, locks), issues };
}

/** What the applied policy (written by the worker, see managed-policy.ts) locks; none on any doubt. */
export async function loadLocks(): Promise<Partial<Settings>> {
  try {
    const applied: unknown = (await browser.storage.local.get(POLICY_KEY))[POLICY_KEY];
    return typeof applied === 'object' && applied !== null
      ? parseLocks(applied as Record<string, unknown>).locks
      : {};
  } catch {
    return {};
  }
}

export interface SettingsState {
  /** What is in force: the user's settings with the policy's locks over them. */
  settings: Settings;
  /** The settings the organisation set: shown, not editable. */
  locked: SettingName[];
}

export async function loadSettingsState(): Promise<SettingsState> {
  const [stored, locks] = await Promise.all([readRaw(), loadLocks()]);
  return {
    settings: { ...parseSettings(stored), ...locks },
    locked: SETTING_NAMES.filter((name) => locks[name] !== undefined),
  };
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

/** The settings in force (the policy's locks applied). */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsState()).settings;
}

/** Merges `partial` into the stored settings and returns the settings in force. A locked field is
 * not written: the user's own choice stays stored for when the policy lets go of it. */
export async function saveSettings(partial: Partial<Settings>): Promise<Settings> {
  const [raw, locks] = await Promise.all([readRaw(), loadLocks()]);
  const unlocked = Object.fromEntries(Object.entries(partial).filter(([name]) => !(name in locks)));
  const stored = parseSettings({ ...parseSettings(raw), ...unlocked });
  let lastError: unknown = null;
  for (const area of areas()) {
    try {
      await area.set({ [SETTINGS_KEY]: stored });
      return { ...stored, ...locks };
    } catch (error) {
      lastError = error; // e.g. sync quota exceeded: fall back to local
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

/** Calls back with the settings in force whenever they change, in this or another of the extension's
 * pages or browsers, or the policy's locks change. Returns a function that stops listening. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const mine = SETTINGS_KEY in changes || (area === 'local' && POLICY_KEY in changes);
    if ((area === 'sync' || area === 'local') && mine) void loadSettings().then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

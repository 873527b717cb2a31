import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_KEY } from '../../../src/platform/store/keys';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  parseSettings,
  saveSettings,
} from '../../../src/platform/store/settings';
import { fakeBrowser, settle } from '../../support/fake-browser';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const syncArea = fakeBrowser.storage.sync;

beforeEach(() => {
  fakeBrowser.storage.sync = syncArea;
  fakeBrowser.reset();
});

describe('settings', () => {
  it('defaults to showing the badge', async () => {
    expect(DEFAULT_SETTINGS).toEqual({
      badge: true,
      schedule: 'daily',
      notifications: true,
      objectionDays: {},
    });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves to storage.sync and loads back', async () => {
    const saved = { ...DEFAULT_SETTINGS, badge: false };
    expect(await saveSettings({ badge: false })).toEqual(saved);
    expect(syncArea?.peek(SETTINGS_KEY)).toEqual(saved);
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toBeUndefined();
    expect(await loadSettings()).toEqual(saved);
  });

  it('falls back to storage.local where there is no sync', async () => {
    fakeBrowser.storage.sync = undefined;
    await saveSettings({ badge: false });
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toEqual({ ...DEFAULT_SETTINGS, badge: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, badge: false });
  });

  it('falls back to storage.local when sync fails', async () => {
    if (syncArea) syncArea.failing = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    await saveSettings({ badge: false });
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toEqual({ ...DEFAULT_SETTINGS, badge: false });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, badge: false });
  });

  it('replaces a wrong value by its default and drops unknown keys', () => {
    expect(parseSettings({ badge: 'no', colour: 'red' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each valid field when another is wrong: schedule and notifications', () => {
    expect(parseSettings({ badge: false, schedule: 'hourly', notifications: false })).toEqual({
      badge: false,
      schedule: 'daily',
      notifications: false,
      objectionDays: {},
    });
    expect(parseSettings({ schedule: 'weekly', notifications: 'yes' })).toEqual({
      badge: true,
      schedule: 'weekly',
      notifications: true,
      objectionDays: {},
    });
    expect(parseSettings({ schedule: 'off' }).schedule).toBe('off');
  });

  it('keeps the objection window of each source, in whole days from 0 to 365', () => {
    expect(parseSettings({ objectionDays: { acme: 14, dovetail: 0 } }).objectionDays).toEqual({
      acme: 14,
      dovetail: 0,
    });
    // A value out of range is not a window: the sources fall back to the default.
    expect(parseSettings({ objectionDays: { acme: 400 } }).objectionDays).toEqual({});
    expect(parseSettings({ objectionDays: { acme: 1.5 } }).objectionDays).toEqual({});
    expect(parseSettings({ badge: false, objectionDays: 'x' })).toMatchObject({
      badge: false,
      objectionDays: {},
    });
  });

  it('tells listeners about changes until they stop listening', async () => {
    const seen: boolean[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.badge));
    await saveSettings({ badge: false });
    await settle();
    await saveSettings({ badge: true });
    await settle();
    stop();
    await saveSettings({ badge: false });
    await settle();
    expect(seen).toEqual([false, true]);
  });
});

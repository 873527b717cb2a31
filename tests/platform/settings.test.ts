import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  parseSettings,
  SETTINGS_KEY,
  saveSettings,
} from '../../src/platform/settings';
import { fakeBrowser, settle } from '../support/fake-browser';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../support/fake-browser')).fakeBrowser,
}));

const syncArea = fakeBrowser.storage.sync;

beforeEach(() => {
  fakeBrowser.storage.sync = syncArea;
  fakeBrowser.reset();
});

describe('settings', () => {
  it('defaults to showing the badge', async () => {
    expect(DEFAULT_SETTINGS).toEqual({ badge: true });
    expect(await loadSettings()).toEqual({ badge: true });
  });

  it('saves to storage.sync and loads back', async () => {
    expect(await saveSettings({ badge: false })).toEqual({ badge: false });
    expect(syncArea?.peek(SETTINGS_KEY)).toEqual({ badge: false });
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toBeUndefined();
    expect(await loadSettings()).toEqual({ badge: false });
  });

  it('falls back to storage.local where there is no sync', async () => {
    fakeBrowser.storage.sync = undefined;
    await saveSettings({ badge: false });
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toEqual({ badge: false });
    expect(await loadSettings()).toEqual({ badge: false });
  });

  it('falls back to storage.local when sync fails', async () => {
    if (syncArea) syncArea.failing = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    await saveSettings({ badge: false });
    expect(fakeBrowser.storage.local.peek(SETTINGS_KEY)).toEqual({ badge: false });
    expect(await loadSettings()).toEqual({ badge: false });
  });

  it('replaces a wrong value by its default and drops unknown keys', () => {
    expect(parseSettings({ badge: 'no', colour: 'red' })).toEqual({ badge: true });
    expect(parseSettings('garbage')).toEqual({ badge: true });
    expect(parseSettings(null)).toEqual({ badge: true });
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

// The organisation's policy as read from storage.managed, and the settings it locks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EMPTY_POLICY,
  followedByPolicy,
  loadAppliedPolicy,
  MAX_POLICY_SOURCES,
  parsePolicy,
  readManagedPolicy,
  saveAppliedPolicy,
} from '../../src/platform/managed-policy';
import { POLICY_KEY, SETTINGS_KEY } from '../../src/platform/store/keys';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  loadSettingsState,
  onSettingsChanged,
  saveSettings,
} from '../../src/platform/store/settings';
import { fakeBrowser, settle } from '../support/fake-browser';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const TEAM = 'https://privacy.northwind.example/register.json';

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
});

describe('parsePolicy', () => {
  it('reads every key of a good policy, addresses normalised as sources are', () => {
    const { policy, issues } = parsePolicy({
      sources: [{ url: ' https://Privacy.Northwind.example/register.json#top ', title: ' Northwind ' }],
      schedule: 'weekly',
      badge: false,
      notifications: true,
    });
    expect(issues).toEqual([]);
    expect(policy).toEqual({
      sources: [{ url: TEAM, title: 'Northwind' }],
      locks: { schedule: 'weekly', badge: false, notifications: true },
    });
  });

  it('is empty for no policy, and locks nothing it does not name', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: EMPTY_POLICY, issues: [] });
    expect(parsePolicy({})).toEqual({ policy: EMPTY_POLICY, issues: [] });
    expect(parsePolicy({ badge: true }).policy).toEqual({ sources: [], locks: { badge: true } });
  });

  it('leaves out each bad value on its own and says which, keeping the good ones', () => {
    const { policy, issues } = parsePolicy({
      sources: [
        { url: 'javascript:alert(1)' },
        { url: 'https://a.example/list', title: 42 },
        { title: 'no address' },
        'https://b.example/list',
        { url: 'https://c.example/list' },
        { url: 'https://c.example/list#again', title: 'duplicate' },
      ],
      schedule: 'hourly',
      badge: 'no',
      notifications: false,
      unknown: 'kept out',
    });
    expect(policy).toEqual({
      sources: [{ url: 'https://c.example/list', title: null }],
      locks: { notifications: false },
    });
    expect(issues).toEqual([
      expect.stringMatching(/^badge: /),
      expect.stringMatching(/^schedule: /),
      'sources.0: not an http(s) address',
      expect.stringMatching(/^sources\.1: /),
      expect.stringMatching(/^sources\.2: /),
      expect.stringMatching(/^sources\.3: /),
    ]);
  });

  it('refuses a policy that is not an object, and sources that are not a list', () => {
    expect(parsePolicy('daily')).toEqual({ policy: EMPTY_POLICY, issues: ['not an object'] });
    expect(parsePolicy({ sources: { url: TEAM }, badge: false })).toEqual({
      policy: { sources: [], locks: { badge: false } },
      issues: ['sources: not a list'],
    });
  });

  it(`follows at most ${MAX_POLICY_SOURCES} sources`, () => {
    const sources = Array.from({ length: MAX_POLICY_SOURCES + 2 }, (_, i) => ({
      url: `https://l${i}.example/`,
    }));
    const { policy, issues } = parsePolicy({ sources });
    expect(policy.sources).toHaveLength(MAX_POLICY_SOURCES);
    expect(issues).toHaveLength(2);
  });
});

describe('readManagedPolicy', () => {
  it('reads storage.managed and warns once per value it ignores', async () => {
    await fakeBrowser.storage.managed.set({
      sources: [{ url: TEAM, title: 'Northwind' }],
      schedule: 'often',
    });
    expect(await readManagedPolicy()).toEqual({ sources: [{ url: TEAM, title: 'Northwind' }], locks: {} });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^Subprocessor Lens: policy value ignored: schedule: /);
  });

  it('is an empty policy where the browser has no managed storage (Firefox without its manifest)', async () => {
    fakeBrowser.storage.managed.failing = new Error('Managed storage manifest not found');
    expect(await readManagedPolicy()).toEqual(EMPTY_POLICY);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the applied policy', () => {
  it('is stored as an administrator writes it, once: the same policy again writes nothing', async () => {
    const policy = { sources: [{ url: TEAM, title: null }], locks: { badge: false } };
    expect(await saveAppliedPolicy(policy)).toBe(true);
    expect(fakeBrowser.storage.local.peek(POLICY_KEY)).toEqual({ sources: [{ url: TEAM }], badge: false });
    expect(await loadAppliedPolicy()).toEqual(policy);
    expect(await saveAppliedPolicy(policy)).toBe(false);
    expect(await saveAppliedPolicy(EMPTY_POLICY)).toBe(true);
    expect(await loadAppliedPolicy()).toEqual(EMPTY_POLICY);
  });

  it('knows the sources it follows by address, whatever the fragment', () => {
    const policy = { sources: [{ url: TEAM, title: null }], locks: {} };
    expect(followedByPolicy(policy, `${TEAM}#vendors`)).toBe(true);
    expect(followedByPolicy(policy, 'https://privacy.northwind.example/other.json')).toBe(false);
    expect(followedByPolicy(policy, null)).toBe(false);
  });
});

describe('locked settings', () => {
  const lock = (locks: Record<string, unknown>) => saveAppliedPolicy(parsePolicy(locks).policy);

  it('puts the policy over the user settings for every reader, and says which are locked', async () => {
    await saveSettings({ badge: true, schedule: 'daily' });
    await lock({ badge: false, schedule: 'off' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, badge: false, schedule: 'off' });
    expect(await loadSettingsState()).toEqual({
      settings: { ...DEFAULT_SETTINGS, badge: false, schedule: 'off' },
      locked: ['badge', 'schedule'],
    });
  });

  it('leaves a locked setting alone on save, stores the rest, and keeps the user choice for later', async () => {
    await saveSettings({ badge: true });
    await lock({ badge: false });
    expect(await saveSettings({ badge: true, notifications: false })).toEqual({
      ...DEFAULT_SETTINGS,
      badge: false,
      notifications: false,
    });
    expect(fakeBrowser.storage.sync?.peek(SETTINGS_KEY)).toEqual({
      ...DEFAULT_SETTINGS,
      notifications: false,
    });
    // The policy lets go: the user's own choice is back.
    await saveAppliedPolicy(EMPTY_POLICY);
    expect(await loadSettingsState()).toEqual({
      settings: { ...DEFAULT_SETTINGS, notifications: false },
      locked: [],
    });
  });

  it('ignores a damaged applied copy rather than locking anything with it', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_KEY]: { badge: 'off', schedule: 7 } });
    expect(await loadSettingsState()).toEqual({ settings: DEFAULT_SETTINGS, locked: [] });
  });

  it('tells settings listeners when the locks change', async () => {
    const seen: unknown[] = [];
    const stop = onSettingsChanged((settings) => seen.push(settings));
    await lock({ notifications: false });
    await settle();
    stop();
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, notifications: false }]);
  });
});

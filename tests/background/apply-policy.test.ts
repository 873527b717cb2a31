// An organisation's policy put into effect by the worker: its sources followed through the same
// path as the user's "Add" (and not removable), its settings locked, at start-up and when the
// browser reloads the policy. Against a real local HTTP server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPolicy } from '../../src/background/apply-policy';
import { handlers } from '../../src/background/commands';
import { SCHEDULE_ALARM } from '../../src/background/schedule';
import { LIST_FORMAT, type SubprocessorList } from '../../src/core/list';
import { removeSource } from '../../src/platform/messages';
import { serveRequests } from '../../src/platform/serve-requests';
import { POLICY_KEY } from '../../src/platform/store/keys';
import { loadList } from '../../src/platform/store/register-read';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../src/platform/store/settings';
import { loadSources } from '../../src/platform/store/source-summaries';
import { bundled } from '../support/bundled-list';
import { fakeBrowser, settle } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

/** A team's own register as it publishes it: a subprocessor-list/v1 document at an address. */
function teamRegister(): SubprocessorList {
  return {
    format: LIST_FORMAT,
    source: { title: 'Northwind privacy team', url: null, updated: '2026-11-30' },
    vendors: bundled.vendors.slice(0, 3).map((vendor) => ({ ...vendor, flags: [] })),
  };
}

let server: ListServer;
let warn: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  server = await startListServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', localFetch);
  serveRequests(handlers);
  server.answer('/register.json', {
    kind: 'body',
    body: JSON.stringify(teamRegister()),
    headers: { 'content-type': 'application/json' },
  });
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  warn.mockRestore();
});

const setPolicy = (policy: Record<string, unknown>) => fakeBrowser.storage.managed.set(policy);

describe('applyPolicy', () => {
  it("follows a team's published v1 register, fetched at once, and it cannot be removed", async () => {
    await setPolicy({ sources: [{ url: server.url('/register.json'), title: 'Northwind register' }] });
    await applyPolicy();
    const views = await loadSources();
    expect(views.map((v) => [v.id, v.title, v.origin, v.vendorCount, v.managed])).toEqual([
      ['dovetail', 'Dovetail', 'bundled', 7, false],
      ['127-0-0-1', 'Northwind register', 'fetched', 3, true],
    ]);
    const register = (await loadList()).list;
    expect(register.vendors.filter((v) => v.listedBy?.some((l) => l.sourceId === '127-0-0-1'))).toHaveLength(
      3,
    );
    expect(await removeSource('127-0-0-1')).toMatchObject({
      ok: false,
      message: '“Northwind register” is followed by your organisation’s policy and cannot be removed.',
    });
    expect((await loadSources()).map((v) => v.id)).toEqual(['dovetail', '127-0-0-1']);
  });

  it('adds a source once, however often the policy is applied', async () => {
    const before = server.requests.length;
    await setPolicy({ sources: [{ url: server.url('/register.json') }] });
    await Promise.all([applyPolicy(), applyPolicy()]);
    await applyPolicy();
    expect((await loadSources()).map((v) => v.id)).toEqual(['dovetail', '127-0-0-1']);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/register.json']);
  });

  it('marks a source the user already follows as the policy’s, without adding it again', async () => {
    await setPolicy({ sources: [{ url: 'https://dovetailapp.com/legal/data-subprocessors' }] });
    await applyPolicy();
    expect((await loadSources()).map((v) => [v.id, v.managed])).toEqual([['dovetail', true]]);
  });

  it('locks the settings it names and plans the alarms for the schedule in force', async () => {
    await saveSettings({ schedule: 'daily' });
    await setPolicy({ schedule: 'weekly' });
    await applyPolicy();
    expect(fakeBrowser.alarmList().map((a) => [a.name, a.periodInMinutes])).toEqual([
      [SCHEDULE_ALARM, 7 * 24 * 60],
    ]);
    await setPolicy({ schedule: 'off', notifications: false });
    await applyPolicy();
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, schedule: 'off', notifications: false });
    expect(fakeBrowser.alarmList()).toEqual([]);
  });

  it('ignores bad values with a warning and applies the rest', async () => {
    await setPolicy({ sources: [{ url: 'file:///etc/passwd' }], badge: 'sometimes', notifications: false });
    await applyPolicy();
    expect(await loadSettings()).toMatchObject({ badge: true, notifications: false });
    expect((await loadSources()).map((v) => v.id)).toEqual(['dovetail']);
    expect(warn.mock.calls.map((c: unknown[]) => String(c[0]))).toEqual([
      expect.stringMatching(/policy value ignored: badge: /),
      'Subprocessor Lens: policy value ignored: sources.0: not an http(s) address',
    ]);
  });

  it('writes nothing where there is no policy', async () => {
    fakeBrowser.storage.managed.failing = new Error('Managed storage manifest not found');
    await applyPolicy();
    expect(fakeBrowser.storage.local.peek(POLICY_KEY)).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('lets go: a source the policy no longer names stays, and the user may remove it', async () => {
    await setPolicy({ sources: [{ url: server.url('/register.json') }], badge: false });
    await applyPolicy();
    await fakeBrowser.storage.managed.clear();
    await applyPolicy();
    expect(await loadSettings()).toMatchObject({ badge: true });
    expect((await loadSources()).map((v) => [v.id, v.managed])).toEqual([
      ['dovetail', false],
      ['127-0-0-1', false],
    ]);
    expect((await removeSource('127-0-0-1')).ok).toBe(true);
  });
});

describe('the worker', () => {
  async function startWorker(): Promise<void> {
    vi.resetModules();
    await import('../../src/background/index');
  }
  const idle = async () => {
    for (let i = 0; i < 20; i++) await settle();
  };

  it('applies the policy at start-up, and again when the browser reloads it', async () => {
    await setPolicy({ badge: false });
    fakeBrowser.setTabs([{ id: 1, url: 'about:blank', active: true }]);
    await startWorker();
    await vi.waitFor(async () => expect(await loadSettings()).toMatchObject({ badge: false }));
    fakeBrowser.navigate(1, 'https://stripe.com/pricing');
    await idle();
    expect(fakeBrowser.actionOf(1).text ?? '').toBe('');

    await setPolicy({ badge: true, sources: [{ url: server.url('/register.json') }] });
    await vi.waitFor(async () => expect((await loadSources()).map((v) => v.managed)).toEqual([false, true]));
    fakeBrowser.navigate(1, 'https://stripe.com/pricing');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('i'));
  });
});

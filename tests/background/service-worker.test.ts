// The background wired to a fake browser: each test imports it afresh, as a newly woken worker would
// start, so nothing can pass by leaning on memory from an earlier test.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOOKUP_KEY, SETTINGS_KEY, STORE_KEY, siteShardKey } from '../../src/platform/store/keys';
import type { LookupHead } from '../../src/platform/store/lookup-write';
import { bundled } from '../support/bundled-list';
import { fakeBrowser, settle } from '../support/fake-browser';
import { saveSource } from '../support/save-source';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

async function startWorker(): Promise<void> {
  vi.resetModules();
  await import('../../src/background/index');
}

/** Waits until the fake's storage and action calls have run. */
async function idle(): Promise<void> {
  for (let i = 0; i < 5; i++) await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
  fakeBrowser.setTabs([
    { id: 1, url: 'about:blank', active: true },
    { id: 2, url: 'about:blank' },
  ]);
});

describe('background', () => {
  it('sets the badge on a vendor site and clears it after navigating away', async () => {
    await startWorker();
    fakeBrowser.navigate(1, 'https://stripe.com/pricing');
    // Polled: with no views stored yet, the badge waits for their rebuild (current-state.ts).
    await vi.waitFor(() =>
      expect(fakeBrowser.actionOf(1)).toMatchObject({
        text: 'i',
        title: expect.stringMatching(/^\u2068Stripe\u2069: /),
      }),
    );
    fakeBrowser.navigate(1, 'https://example.org/');
    await vi.waitFor(() =>
      expect(fakeBrowser.actionOf(1)).toMatchObject({ text: '', title: 'Subprocessor Lens' }),
    );
    expect(fakeBrowser.actionOf(2)).toEqual({});
  });

  it('ignores pages that are not http(s)', async () => {
    await startWorker();
    fakeBrowser.navigate(1, 'view-source:https://stripe.com/');
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('');
  });

  it('badges the tabs already open when installed or started', async () => {
    fakeBrowser.setTabs([
      { id: 1, url: 'https://heroku.com/', active: true },
      { id: 2, url: 'https://foo.herokuapp.com/' },
      { id: 3, url: 'https://example.org/' },
    ]);
    await startWorker();
    fakeBrowser.runtime.onInstalled.emit({ reason: 'install' });
    await vi.waitFor(() =>
      expect([1, 2, 3].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['!', 'on', '']),
    );
  });

  it('after an update, reads stored lists again: a vendor an older version kept at co.uk loses bbc.co.uk', async () => {
    fakeBrowser.setTabs([{ id: 1, url: 'https://bbc.co.uk/news', active: true }]);
    const evil = { ...(bundled.vendors[0] as (typeof bundled.vendors)[number]), name: 'Evil Co UK' };
    const stale = { ...bundled, vendors: [{ ...evil, website: 'https://co.uk', domains: ['co.uk'] }] };
    await saveSource({ id: 'old', title: 'Old', url: null, fetchedAt: null, list: stale, kind: 'file' });
    await startWorker();
    fakeBrowser.runtime.onInstalled.emit({ reason: 'update' });
    for (let i = 0; i < 50 && fakeBrowser.actionOf(1).text !== ''; i++) await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('');
    const stored = fakeBrowser.storage.local.peek(STORE_KEY) as {
      sources: Record<string, { list: { vendors: { domains: string[] }[] } }>;
    };
    expect(stored.sources.old?.list.vendors[0]?.domains).toEqual([]);
  });

  it('uses the stored list and re-badges every tab when it changes', async () => {
    fakeBrowser.setTabs([
      { id: 1, url: 'https://stripe.com/' },
      { id: 2, url: 'https://heroku.com/' },
    ]);
    const withoutHeroku = { ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') };
    await startWorker();
    fakeBrowser.runtime.onStartup.emit();
    await vi.waitFor(() => expect(fakeBrowser.actionOf(2).text).toBe('!'));
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 1,
        revision: 1,
        sources: {
          dovetail: { id: 'dovetail', title: 'Dovetail', url: null, list: withoutHeroku, fetchedAt: null },
        },
      },
    });
    await vi.waitFor(() => expect([1, 2].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['i', '']));
  });

  it('clears every badge when the setting is turned off, and restores them when on', async () => {
    fakeBrowser.setTabs([
      { id: 1, url: 'https://stripe.com/' },
      { id: 2, url: 'https://foo.herokuapp.com/' },
    ]);
    await startWorker();
    fakeBrowser.runtime.onStartup.emit();
    await idle();
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: false } });
    // Polled: a badge update started with the old settings may finish after a few more turns of the
    // event loop on a loaded machine (this failed about one run in six with a fixed wait).
    await vi.waitFor(() => expect([1, 2].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['', '']));
    fakeBrowser.navigate(1, 'https://heroku.com/');
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('');
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: true } });
    await vi.waitFor(() => expect([1, 2].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['!', 'on']));
  });

  it('reads the setting from storage in a freshly started worker', async () => {
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: false } });
    await startWorker();
    fakeBrowser.navigate(1, 'https://stripe.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe(''));
  });

  it('shows the later of two quick navigations', async () => {
    await startWorker();
    // Both arrive before the list is loaded; the first must not overwrite the second.
    fakeBrowser.navigate(1, 'https://example.org/');
    fakeBrowser.navigate(1, 'https://stripe.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('i'));
    await idle(); // and the first does not land after it
    expect(fakeBrowser.actionOf(1).text).toBe('i');
  });

  it('does not fail when a tab closes before its badge is set', async () => {
    await startWorker();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    fakeBrowser.tabs.onUpdated.emit(9, { url: 'https://stripe.com/' }, { id: 9, url: 'https://stripe.com/' });
    await idle();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe('background with read views', () => {
  const withoutHeroku = () => ({ ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') });
  const head = () => fakeBrowser.storage.local.peek(LOOKUP_KEY) as LookupHead | undefined;
  const keysRead = (get: { mock: { calls: unknown[][] } }) =>
    get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));

  it('badges a navigation in a woken worker from the head, one shard and one chunk, never the record', async () => {
    await saveSource({
      id: 'dovetail',
      title: 'Dovetail',
      url: null,
      fetchedAt: null,
      list: withoutHeroku(),
    });
    fakeBrowser.setTabs([{ id: 1, url: 'about:blank' }]);
    await startWorker();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    fakeBrowser.navigate(1, 'https://dashboard.stripe.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('i'));
    fakeBrowser.navigate(1, 'https://heroku.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).title).toBe('Subprocessor Lens'));
    expect(fakeBrowser.actionOf(1).text).toBe('');
    expect(keysRead(get)).not.toContain(STORE_KEY);
    expect(keysRead(get)).toContain(LOOKUP_KEY);
    get.mockRestore();
  });

  it('badges from the views it rebuilds when there are none yet, without reading the record beside it', async () => {
    // Written from outside the store code (an older version, a test): a record without views.
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 2,
        revision: 4,
        sources: {
          dovetail: { id: 'dovetail', title: 'D', url: null, fetchedAt: null, list: withoutHeroku() },
        },
      },
    });
    await startWorker();
    const first = vi.spyOn(fakeBrowser.storage.local, 'get');
    fakeBrowser.navigate(1, 'https://heroku.com/');
    fakeBrowser.navigate(2, 'https://stripe.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(2).text).toBe('i'));
    expect(fakeBrowser.actionOf(1).text).toBe('');
    await vi.waitFor(() =>
      expect(head()).toMatchObject({ revision: 4, vendorCount: bundled.vendors.length - 1 }),
    );
    // The rebuild read the record; the badges waited for it and read its views.
    expect(keysRead(first).filter((key) => key === STORE_KEY)).toHaveLength(1);
    first.mockRestore();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    fakeBrowser.navigate(1, 'https://stripe.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('i'));
    expect(keysRead(get)).not.toContain(STORE_KEY);
    get.mockRestore();
  });

  it('reads the record instead of a damaged shard, and rebuilds the views once', async () => {
    await saveSource({ id: 'dovetail', title: 'Dovetail', url: null, fetchedAt: null, list: bundled });
    await fakeBrowser.storage.local.set({ [siteShardKey(0)]: 'damaged' });
    const stamp = head()?.stamp;
    await startWorker();
    fakeBrowser.navigate(1, 'https://heroku.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('!'));
    await vi.waitFor(() => expect(head()?.stamp).not.toBe(stamp));
    expect(head()).toMatchObject({ revision: 1, shards: 1 });
    expect(fakeBrowser.storage.local.peek(siteShardKey(0))).not.toBe('damaged');
  });

  it('re-badges every tab from the new views after a store write', async () => {
    fakeBrowser.setTabs([
      { id: 1, url: 'https://stripe.com/' },
      { id: 2, url: 'https://heroku.com/' },
    ]);
    await startWorker();
    fakeBrowser.runtime.onInstalled.emit({ reason: 'install' });
    await vi.waitFor(() => expect(fakeBrowser.actionOf(2).text).toBe('!'));
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: null }));
    await saveSource({
      id: 'dovetail',
      title: 'Dovetail',
      url: null,
      fetchedAt: null,
      list: withoutHeroku(),
    });
    await vi.waitFor(() => expect(fakeBrowser.actionOf(2).text).toBe(''));
    expect(fakeBrowser.actionOf(1).text).toBe('i');
  });

  it('reads the record without asking for a rebuild when the views were left out on purpose', async () => {
    await saveSource({
      id: 'dovetail',
      title: 'Dovetail',
      url: null,
      fetchedAt: null,
      list: withoutHeroku(),
    });
    const withheld = { ...(head() as LookupHead), shards: 0 };
    await fakeBrowser.storage.local.set({ [LOOKUP_KEY]: withheld });
    await startWorker();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    fakeBrowser.navigate(1, 'https://stripe.com/');
    fakeBrowser.navigate(2, 'https://heroku.com/');
    await vi.waitFor(() => expect(fakeBrowser.actionOf(1).text).toBe('i'));
    await vi.waitFor(() => expect(fakeBrowser.actionOf(2).title).toBe('Subprocessor Lens'));
    await idle();
    expect(set).not.toHaveBeenCalled();
    expect(head()).toEqual(withheld);
    set.mockRestore();
  });
});

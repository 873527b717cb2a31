// The background wired to a fake browser: each test imports it afresh, as a newly woken worker would
// start, so nothing can pass by leaning on memory from an earlier test.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildBundledLists } from '../../scripts/build-data';
import { SETTINGS_KEY } from '../../src/platform/settings';
import { STORE_KEY } from '../../src/platform/store-record';
import { fakeBrowser, settle } from '../support/fake-browser';

vi.mock('webextension-polyfill', async () => ({
  default: (await import('../support/fake-browser')).fakeBrowser,
}));

const [dovetail] = buildBundledLists(process.cwd(), '2026-11-27');
if (!dovetail) throw new Error('no bundled source');
const bundled = dovetail.list;

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
    await idle();
    expect(fakeBrowser.actionOf(1)).toMatchObject({ text: '!', title: expect.stringMatching(/^Stripe: /) });
    fakeBrowser.navigate(1, 'https://example.org/');
    await idle();
    expect(fakeBrowser.actionOf(1)).toMatchObject({ text: '', title: 'Subprocessor Lens' });
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
    await idle();
    expect([1, 2, 3].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['!', 'on', '']);
  });

  it('uses the stored list and re-badges every tab when it changes', async () => {
    fakeBrowser.setTabs([
      { id: 1, url: 'https://stripe.com/' },
      { id: 2, url: 'https://heroku.com/' },
    ]);
    const withoutHeroku = { ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') };
    await startWorker();
    fakeBrowser.runtime.onStartup.emit();
    await idle();
    expect(fakeBrowser.actionOf(2).text).toBe('!');
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 1,
        revision: 1,
        sources: {
          dovetail: { id: 'dovetail', title: 'Dovetail', url: null, list: withoutHeroku, fetchedAt: null },
        },
      },
    });
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('!');
    expect(fakeBrowser.actionOf(2).text).toBe('');
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
    await idle();
    expect([1, 2].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['', '']);
    fakeBrowser.navigate(1, 'https://heroku.com/');
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('');
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: true } });
    await idle();
    expect([1, 2].map((id) => fakeBrowser.actionOf(id).text)).toEqual(['!', 'on']);
  });

  it('reads the setting from storage in a freshly started worker', async () => {
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: false } });
    await startWorker();
    fakeBrowser.navigate(1, 'https://stripe.com/');
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('');
  });

  it('shows the later of two quick navigations', async () => {
    await startWorker();
    // Both arrive before the list is loaded; the first must not overwrite the second.
    fakeBrowser.navigate(1, 'https://example.org/');
    fakeBrowser.navigate(1, 'https://stripe.com/');
    await idle();
    expect(fakeBrowser.actionOf(1).text).toBe('!');
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

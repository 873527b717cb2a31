// The badge and title in real Chromium, on sites served locally over https: vendors' own sites, a
// customer's site hosted on a vendor, other sites; navigation, single-page-app URL changes, the badge
// setting, stored lists, and a service worker that was stopped (MV3) or reloaded with tabs open.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBundledLists } from '../../scripts/build-data';
import { BADGE_COLORS } from '../../src/background/badge-colors';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import { onTestDay } from '../support/test-date';
import { withoutIsolates } from '../support/visible';
import { type Badge, type ExtensionBrowser, launchExtension } from './support/chromium';

declare const chrome: import('webextension-polyfill').Browser;

const [dovetail] = buildBundledLists(process.cwd(), new Date().toISOString().slice(0, 10));
if (!dovetail) throw new Error('no bundled source');
const withoutStripe = { ...dovetail.list, vendors: dovetail.list.vendors.filter((v) => v.name !== 'Stripe') };

const DEFAULT_TITLE = 'Subprocessor Lens';
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const colorOf = (badge: Badge) => badge.color.slice(0, 3);
const hasText = (text: string) => (badge: Badge) => badge.text === text;

let ext: ExtensionBrowser;
const opened: Page[] = [];

async function visit(host: string, path = '/'): Promise<{ page: Page; tabId: number }> {
  const page = await ext.openPage(ext.url(host, path));
  opened.push(page);
  return { page, tabId: await ext.tabIdOf(page) };
}

async function setStorage(area: 'local' | 'sync', items: Record<string, unknown>): Promise<void> {
  await ext.inWorker(({ area, items }) => chrome.storage[area].set(items), { area, items });
}

async function removeStorage(area: 'local' | 'sync', key: string): Promise<void> {
  await ext.inWorker(({ area, key }) => chrome.storage[area].remove(key), { area, key });
}

function storeRecord(list: unknown) {
  return {
    schemaVersion: 1,
    revision: 1,
    sources: {
      dovetail: { id: 'dovetail', title: 'Dovetail', url: null, list, fetchedAt: onTestDay('08:00') },
    },
  };
}

beforeAll(async () => {
  ext = await launchExtension();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await ext?.close();
});

describe('badge on vendor sites', () => {
  it("names Stripe and its most serious finding on Stripe's site, in the neutral colour", async () => {
    const { tabId } = await visit('stripe.com', '/pricing');
    const badge = await ext.waitForBadge(tabId, hasText('i'));
    expect(withoutIsolates(badge.title)).toBe('Stripe: DPA signed 8 Oct 2018');
    expect(colorOf(badge)).toEqual(rgb(BADGE_COLORS.vendor.color));
  });

  it('names Heroku and its Privacy Shield finding', async () => {
    const { tabId } = await visit('heroku.com');
    const badge = await ext.waitForBadge(tabId, hasText('!'));
    expect(withoutIsolates(badge.title)).toBe(
      'Heroku: relies on Privacy Shield, invalid since 2020\nDPA incorporated into the terms',
    );
  });

  it('finds the vendor on a subdomain of its site', async () => {
    const { tabId } = await visit('dashboard.stripe.com');
    expect(withoutIsolates((await ext.waitForBadge(tabId, hasText('i'))).title)).toMatch(/^Stripe: /);
  });

  it('shows a customer site hosted on Heroku quietly and says whose it is', async () => {
    const { tabId } = await visit('foo.herokuapp.com', '/login');
    const badge = await ext.waitForBadge(tabId, hasText('on'));
    expect(withoutIsolates(badge.title)).toBe(
      "foo.herokuapp.com is hosted on Heroku, a subprocessor on your list. It is a customer's site, not Heroku's own.",
    );
    expect(colorOf(badge)).toEqual(rgb(BADGE_COLORS.hostedOn.color));
  });

  it('shows nothing on other sites, including the parent domain of a vendor', async () => {
    for (const host of ['example.org', 'amazon.com']) {
      const { page, tabId } = await visit(host);
      // A blank badge is also the starting state, so scribble on it and change the URL in page (which
      // the browser does not reset the badge for): only the extension's decision can blank it again.
      await ext.inWorker((id) => chrome.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
      await page.evaluate(() => history.pushState({}, '', '/elsewhere'));
      expect(await ext.waitForBadge(tabId, hasText(''))).toMatchObject({ title: DEFAULT_TITLE });
    }
  });
});

describe('badge follows navigation', () => {
  it('clears after following a link away from a vendor, and comes back on the way back', async () => {
    const { page, tabId } = await visit(
      'stripe.com',
      `/link?to=${encodeURIComponent('https://example.org/')}`,
    );
    await ext.waitForBadge(tabId, hasText('i'));
    await Promise.all([page.waitForURL('https://example.org/'), page.click('#link')]);
    expect(await ext.waitForBadge(tabId, (b) => b.text === '' && b.title === DEFAULT_TITLE)).toBeTruthy();
    await page.goBack();
    expect(withoutIsolates((await ext.waitForBadge(tabId, hasText('i'))).title)).toMatch(/^Stripe: /);
  });

  it('re-evaluates a single-page app URL change (history.pushState) without a load', async () => {
    const { page, tabId } = await visit('heroku.com');
    await ext.waitForBadge(tabId, hasText('!'));
    // Scribble on the badge, then change the URL in page: only our handler can put it right.
    await ext.inWorker((id) => chrome.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
    const before = ext.sites.requests.length;
    await page.evaluate(() => history.pushState({}, '', '/apps/dashboard'));
    const badge = await ext.waitForBadge(tabId, hasText('!'));
    expect(withoutIsolates(badge.title)).toMatch(/^Heroku: /);
    expect(await ext.inWorker(async (id) => (await chrome.tabs.get(id)).url, tabId)).toBe(
      'https://heroku.com/apps/dashboard',
    );
    // No load: the page never asked the server for a document. The browser's own favicon fetch
    // for the earlier load can land late (seen once in a full run on a loaded machine); it is
    // not a navigation.
    const loads = ext.sites.requests.slice(before).filter((r) => !r.endsWith('/favicon.ico'));
    expect(loads).toEqual([]);
  });
});

describe('settings and stored lists', () => {
  it('clears every badge when the badge setting is off, and restores them when it is on', async () => {
    const stripe = await visit('stripe.com');
    const hosted = await visit('foo.herokuapp.com');
    await ext.waitForBadge(stripe.tabId, hasText('i'));
    await ext.waitForBadge(hosted.tabId, hasText('on'));
    try {
      await setStorage('sync', { [SETTINGS_KEY]: { badge: false } });
      await ext.waitForBadge(stripe.tabId, (b) => b.text === '' && b.title === DEFAULT_TITLE);
      await ext.waitForBadge(hosted.tabId, hasText(''));
      const heroku = await visit('heroku.com');
      expect(await ext.waitForBadge(heroku.tabId, (b) => b.title === DEFAULT_TITLE)).toMatchObject({
        text: '',
      });
    } finally {
      await setStorage('sync', { [SETTINGS_KEY]: { badge: true } });
    }
    await ext.waitForBadge(stripe.tabId, hasText('i'));
    await ext.waitForBadge(hosted.tabId, hasText('on'));
  });

  it('re-badges open tabs when the stored list changes, and falls back to the bundled list', async () => {
    const stripe = await visit('stripe.com');
    const heroku = await visit('heroku.com');
    await ext.waitForBadge(stripe.tabId, hasText('i'));
    try {
      await setStorage('local', { [STORE_KEY]: storeRecord(withoutStripe) });
      await ext.waitForBadge(stripe.tabId, hasText(''));
      expect((await ext.badgeOf(heroku.tabId)).text).toBe('!');
      // A damaged record never breaks the badge: the bundled list takes over.
      await setStorage('local', { [STORE_KEY]: { schemaVersion: 1, sources: 'garbage' } });
      await ext.waitForBadge(stripe.tabId, hasText('i'));
    } finally {
      await removeStorage('local', STORE_KEY);
    }
  });

  it('shows a vendor with a risk in red with its own text, from a stored list', async () => {
    // As a refreshed list might say: Stripe's DPA is no longer signed, which the core rates a risk.
    const risky = {
      ...dovetail.list,
      vendors: dovetail.list.vendors.map((v) =>
        v.name === 'Stripe'
          ? {
              ...v,
              dpa: { status: 'not-signed' as const, date: null, text: 'No' },
              flags: [{ id: 'dpa-not-signed', severity: 'risk' as const, message: 'No DPA is signed.' }],
            }
          : v,
      ),
    };
    try {
      await setStorage('local', { [STORE_KEY]: storeRecord(risky) });
      const { tabId } = await visit('stripe.com');
      const badge = await ext.waitForBadge(tabId, hasText('!!'));
      expect(withoutIsolates(badge.title)).toBe('Stripe: no DPA signed');
      expect(colorOf(badge)).toEqual(rgb(BADGE_COLORS.risk.color));
    } finally {
      await removeStorage('local', STORE_KEY);
    }
  });
});

describe('service worker lifecycle', () => {
  it('badges correctly from a freshly woken worker after being stopped', async () => {
    const first = await visit('stripe.com');
    await ext.waitForBadge(first.tabId, hasText('i'));
    await ext.inWorker(() => Object.assign(globalThis, { lensTestMarker: 'old worker' }), null);
    await ext.stopServiceWorker();
    const starts = ext.workerStarts();
    // Opening a tab wakes the worker with its event; it has nothing in memory.
    const { tabId } = await visit('heroku.com');
    expect(withoutIsolates((await ext.waitForBadge(tabId, hasText('!'))).title)).toMatch(/^Heroku: /);
    expect(ext.workerStarts()).toBe(starts + 1);
    expect(await ext.inWorker(() => 'lensTestMarker' in globalThis, null)).toBe(false);
    const other = await visit('example.org');
    await ext.waitForBadge(other.tabId, (b) => b.title === DEFAULT_TITLE);
  });

  it('reads the stored list and setting again after a restart', async () => {
    try {
      await setStorage('local', { [STORE_KEY]: storeRecord(withoutStripe) });
      await setStorage('sync', { [SETTINGS_KEY]: { badge: true } });
      await ext.stopServiceWorker();
      const stripe = await visit('stripe.com');
      const heroku = await visit('heroku.com');
      await ext.waitForBadge(heroku.tabId, hasText('!'));
      expect(await ext.waitForBadge(stripe.tabId, (b) => b.title === DEFAULT_TITLE)).toMatchObject({
        text: '',
      });
    } finally {
      await removeStorage('local', STORE_KEY);
    }
  });
});

describe('install', () => {
  it('badges the tabs that were open before the extension was installed', async () => {
    const before: Record<string, Page> = {};
    const late = await launchExtension({
      beforeInstall: async (context, url) => {
        for (const host of ['stripe.com', 'foo.herokuapp.com', 'example.org']) {
          before[host] = await context.newPage();
          await before[host].goto(url(host));
        }
      },
    });
    try {
      const looks: Badge[] = [];
      for (const host of ['stripe.com', 'foo.herokuapp.com', 'example.org']) {
        const page = before[host];
        if (!page) throw new Error(`no page for ${host}`);
        const tabId = await late.tabIdOf(page);
        looks.push(
          await late.waitForBadge(tabId, (b) => b.title !== '' && (host === 'example.org' || b.text !== '')),
        );
      }
      expect(looks.map((b) => b.text)).toEqual(['i', 'on', '']);
      expect(withoutIsolates(looks[0]?.title)).toMatch(/^Stripe: /);
      expect(looks[2]?.title).toBe(DEFAULT_TITLE);
    } finally {
      await late.close();
    }
  });
});

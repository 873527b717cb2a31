// The badge and title in Firefox ESR (WebDriver BiDi), as badge.test.ts checks them in Chromium: vendors'
// own sites, a customer site hosted on a vendor, other sites, navigation by link, back and
// pushState, the badge setting and stored lists. Firefox runs the background as an event page, so
// the badge is read with browser.action from an extension page (see support/firefox.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBundledLists } from '../../scripts/build-data';
import { BADGE_COLORS } from '../../src/background/badge-colors';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import { onTestDay } from '../support/test-date';
import type { Badge } from './support/chromium';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

// Functions given to inExtension run in an extension page, where `browser` is the extension API.
declare const browser: import('webextension-polyfill').Browser;

const [dovetail] = buildBundledLists(process.cwd(), new Date().toISOString().slice(0, 10));
if (!dovetail) throw new Error('no bundled source');
const withoutStripe = { ...dovetail.list, vendors: dovetail.list.vendors.filter((v) => v.name !== 'Stripe') };

const DEFAULT_TITLE = 'Subprocessor Lens';
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const colorOf = (badge: Badge) => badge.color.slice(0, 3);
const hasText = (text: string) => (badge: Badge) => badge.text === text;

let ff: FirefoxExtension;
const opened: string[] = [];

async function visit(host: string, path = '/'): Promise<{ tab: string; tabId: number }> {
  const tab = await ff.openTab(ff.url(host, path));
  opened.push(tab);
  return { tab, tabId: await ff.tabIdOf(tab) };
}

async function setStorage(area: 'local' | 'sync', items: Record<string, unknown>): Promise<void> {
  await ff.inExtension(({ area, items }) => browser.storage[area].set(items), { area, items });
}

async function removeStorage(area: 'local' | 'sync', key: string): Promise<void> {
  await ff.inExtension(({ area, key }) => browser.storage[area].remove(key), { area, key });
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
  ff = await launchFirefoxExtension();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((tab) => ff.closeTab(tab)));
});

afterAll(async () => {
  await ff?.close();
});

describe('badge on vendor sites in Firefox', () => {
  it('installs the add-on under its manifest id', () => {
    expect(ff.addonId).toBe('subprocessor-lens@subprocessorlens.dev');
  });

  it("names Stripe and its most serious finding on Stripe's site, in the neutral colour", async () => {
    const { tabId } = await visit('stripe.com', '/pricing');
    const badge = await ff.waitForBadge(tabId, hasText('i'));
    expect(badge.title).toBe('Stripe: DPA signed 8 Oct 2018');
    expect(colorOf(badge)).toEqual(rgb(BADGE_COLORS.vendor.color));
    expect(ff.sites.requests).toContain('stripe.com/pricing');
  });

  it('names Heroku and its Privacy Shield finding, and finds Stripe on a subdomain', async () => {
    const heroku = await visit('heroku.com');
    expect((await ff.waitForBadge(heroku.tabId, hasText('!'))).title).toBe(
      'Heroku: relies on Privacy Shield, invalid since 2020\nDPA incorporated into the terms',
    );
    const dashboard = await visit('dashboard.stripe.com');
    expect((await ff.waitForBadge(dashboard.tabId, hasText('i'))).title).toMatch(/^Stripe: /);
  });

  it('shows a customer site hosted on Heroku quietly and says whose it is', async () => {
    const { tabId } = await visit('foo.herokuapp.com', '/login');
    const badge = await ff.waitForBadge(tabId, hasText('on'));
    expect(badge.title).toBe(
      "foo.herokuapp.com is hosted on Heroku, a subprocessor on your list. It is a customer's site, not Heroku's own.",
    );
    expect(colorOf(badge)).toEqual(rgb(BADGE_COLORS.hostedOn.color));
  });

  it('shows nothing on other sites, including the parent domain of a vendor', async () => {
    for (const host of ['example.org', 'amazon.com']) {
      const { tab, tabId } = await visit(host);
      // Scribble on the badge and change the URL in page: only the extension's decision blanks it.
      await ff.inExtension((id) => browser.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
      await ff.inPage(tab, () => history.pushState({}, '', '/elsewhere'), null);
      expect(await ff.waitForBadge(tabId, hasText(''))).toMatchObject({ title: DEFAULT_TITLE });
    }
  });
});

describe('badge follows navigation in Firefox', () => {
  it('clears after following a link away from a vendor, and comes back on the way back', async () => {
    const { tab, tabId } = await visit(
      'stripe.com',
      `/link?to=${encodeURIComponent('https://example.org/')}`,
    );
    await ff.waitForBadge(tabId, hasText('i'));
    await ff.click(tab, 'document.querySelector("#link")');
    await poll(
      () => ff.inPage(tab, () => location.href, null).catch(() => ''),
      (url) => url === 'https://example.org/',
      { what: 'the link to be followed' },
    );
    await ff.waitForBadge(tabId, (b) => b.text === '' && b.title === DEFAULT_TITLE);
    await ff.bidi.send('browsingContext.traverseHistory', { context: tab, delta: -1 });
    expect((await ff.waitForBadge(tabId, hasText('i'))).title).toMatch(/^Stripe: /);
  });

  it('re-evaluates a single-page app URL change (history.pushState) without a load', async () => {
    const { tab, tabId } = await visit('heroku.com');
    await ff.waitForBadge(tabId, hasText('!'));
    await ff.inExtension((id) => browser.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
    const before = ff.sites.requests.length;
    await ff.inPage(tab, () => history.pushState({}, '', '/apps/dashboard'), null);
    expect((await ff.waitForBadge(tabId, hasText('!'))).title).toMatch(/^Heroku: /);
    expect(await ff.inExtension(async (id) => (await browser.tabs.get(id)).url, tabId)).toBe(
      'https://heroku.com/apps/dashboard',
    );
    expect(ff.sites.requests.slice(before)).toEqual([]); // no load: the page never asked the server
  });
});

describe('settings and stored lists in Firefox', () => {
  it('clears every badge when the badge setting is off, and restores them when it is on', async () => {
    const stripe = await visit('stripe.com');
    const hosted = await visit('foo.herokuapp.com');
    await ff.waitForBadge(stripe.tabId, hasText('i'));
    await ff.waitForBadge(hosted.tabId, hasText('on'));
    try {
      await setStorage('sync', { [SETTINGS_KEY]: { badge: false } });
      await ff.waitForBadge(stripe.tabId, (b) => b.text === '' && b.title === DEFAULT_TITLE);
      await ff.waitForBadge(hosted.tabId, hasText(''));
    } finally {
      await setStorage('sync', { [SETTINGS_KEY]: { badge: true } });
    }
    await ff.waitForBadge(stripe.tabId, hasText('i'));
    await ff.waitForBadge(hosted.tabId, hasText('on'));
  });

  it('re-badges open tabs when the stored list changes, and falls back to the bundled list', async () => {
    const stripe = await visit('stripe.com');
    const heroku = await visit('heroku.com');
    await ff.waitForBadge(stripe.tabId, hasText('i'));
    try {
      await setStorage('local', { [STORE_KEY]: storeRecord(withoutStripe) });
      await ff.waitForBadge(stripe.tabId, hasText(''));
      expect((await ff.badgeOf(heroku.tabId)).text).toBe('!');
      // A damaged record never breaks the badge: the bundled list takes over.
      await setStorage('local', { [STORE_KEY]: { schemaVersion: 1, sources: 'garbage' } });
      await ff.waitForBadge(stripe.tabId, hasText('i'));
    } finally {
      await removeStorage('local', STORE_KEY);
    }
  });
});

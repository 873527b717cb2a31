// Following a list from the page in Firefox ESR (WebDriver BiDi), as follow.test.ts checks it in
// Chromium with the same local pages: a trust centre whose list a script builds after load, read
// and followed from the popup (popup.html?tabId=N), then search and the badge on a followed
// vendor's site; a refresh that finds only the shell keeps the list, and a visit after the page's
// list changed re-reads it (history shows the change); a page read again when its script was slow; a footer link offered; a shell that
// renders no list offers nothing. The capture (scripting.executeScript) needs host access to the
// tab's page: the add-on installed is a copy of dist/firefox whose manifest grants it, and Firefox
// grants a temporary add-on its manifest host permissions.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footerLinkPage, pageVendors, scriptBuiltPage, shellPage } from '../support/rendered-pages';
import { DIST_FIREFOX, hostGrantedBuild } from './support/build';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

declare const browser: import('webextension-polyfill').Browser;

let ff: FirefoxExtension;
let dist = '';
const TRUST = 'trust.acme.com';
let vendors = pageVendors(30);

function html(res: import('node:http').ServerResponse, body: string, type = 'text/html') {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

beforeAll(async () => {
  dist = hostGrantedBuild(DIST_FIREFOX);
  ff = await launchFirefoxExtension({ dist });
  ff.sites.route(`${TRUST}/subprocessors`, (_req, res) => html(res, scriptBuiltPage('/subprocessors.json')));
  ff.sites.route(`${TRUST}/subprocessors.json`, (_req, res) =>
    html(res, JSON.stringify({ vendors }), 'application/json'),
  );
  ff.sites.route(`${TRUST}/shell`, (_req, res) => html(res, shellPage()));
  ff.sites.route(`${TRUST}/slow`, (_req, res) => html(res, scriptBuiltPage('/subprocessors.json', 1500)));
  ff.sites.route('www.acme.com/pricing', (_req, res) => html(res, footerLinkPage()));
});

afterAll(async () => {
  await ff?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

function waitFor(tab: string, selector: string): Promise<boolean> {
  return poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: selector },
  );
}

const texts = (tab: string, selector: string) =>
  ff.inPage(tab, (s) => [...document.querySelectorAll(s)].map((e) => e.textContent?.trim() ?? ''), selector);

/** How many times the popup has read the page (its popup:page-offer marks). */
const reads = (popup: string) =>
  ff.inPage(popup, () => performance.getEntriesByName('popup:page-offer').length, null);

/** A tab on `url` (once `ready` is in its DOM) and the popup describing it. */
async function popupOn(url: string, ready = 'body'): Promise<{ site: string; popup: string }> {
  const site = await ff.openTab(url);
  await waitFor(site, ready);
  const tabId = await ff.tabIdOf(site);
  const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${tabId}`));
  await waitFor(popup, '.card, .empty');
  return { site, popup };
}

/** The offer's heading, once it says something matching `pattern`. */
const offer = (popup: string, pattern: RegExp) =>
  poll(
    () => texts(popup, '.page-offer h2'),
    (h) => pattern.test(h[0] ?? ''),
    { what: `an offer matching ${pattern}` },
  ).then((h) => h[0]);

/** The element expression of a button by its text (whitespace folded). */
const button = (name: string) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(name)})`;

const followedVendors = () =>
  ff.inExtension(async () => {
    const { 'lens.store': store } = (await browser.storage.local.get('lens.store')) as {
      'lens.store'?: { sources: Record<string, { url: string; list: { vendors: unknown[] } }> };
    };
    return (
      Object.values(store?.sources ?? {}).find((s) => s.url === 'https://trust.acme.com/subprocessors')?.list
        .vendors.length ?? null
    );
  }, null);

describe('following a list from the page in Firefox', () => {
  it('reads a list a script built after load, follows it, and uses it at once', async () => {
    const { site, popup } = await popupOn(`https://${TRUST}/subprocessors`, 'table');
    expect(await offer(popup, /^This page lists/)).toBe('This page lists 30 subprocessors');
    expect((await texts(popup, '.page-offer__names'))[0]).toContain('Vendor 1 Ltd');
    expect(await texts(popup, '.page-offer__how')).toEqual(['Read as a table, high confidence']);
    expect(await ff.a11yViolations(popup), 'the offer').toEqual([]);
    await ff.click(popup, button('Follow this list'));
    await poll(
      () => ff.inPage(popup, () => document.body.textContent ?? '', null),
      (text) => text.includes('Following “Subprocessors | Acme Trust Center”'),
      { what: 'the list followed' },
    );
    expect(await followedVendors()).toBe(30);

    // Search in the same popup finds the followed list's vendors.
    await ff.evaluateJson(popup, `document.querySelector('#search').focus()`);
    await ff.type(popup, 'Vendor 7');
    await poll(
      () => texts(popup, '.results h2'),
      (names) => names.includes('Vendor 7 Ltd'),
      { what: 'Vendor 7 Ltd in the results' },
    );

    // The badge flags a vendor of the followed list on its own site.
    const vendorSite = await ff.openTab('https://vendor-1.example/');
    const badge = await ff.waitForBadge(await ff.tabIdOf(vendorSite), (b) => b.text !== '');
    expect(badge.title).toContain('Vendor 1 Ltd');
    for (const tab of [site, popup, vendorSite]) await ff.closeTab(tab);
  });

  it('keeps the list when a refresh finds only the shell, and re-reads it on a visit', async () => {
    const options = await ff.openTab(ff.extensionUrl('options.html'));
    const card = () =>
      ff.inPage(
        options,
        () =>
          [...document.querySelectorAll('.source')]
            .find((c) => c.querySelector('h3')?.textContent?.includes('Acme Trust Center'))
            ?.textContent?.replace(/[\u2066-\u2069]/g, '') ?? '',
        null,
      );
    await poll(card, (text) => text !== '', { what: 'the followed source on the options page' });
    await ff.click(options, button('Refresh Subprocessors | Acme Trust Center'));
    const refreshed = await poll(card, (text) => text.includes('Updated when you visit the page'), {
      timeoutMs: 30_000,
      what: 'the refresh outcome',
    });
    expect(refreshed).toContain('Read when you visit the page');
    expect(
      await ff.inPage(options, () => document.querySelectorAll('.source .problem--error').length, null),
    ).toBe(0); // not an error
    expect(await followedVendors()).toBe(30);

    // The company adds a subprocessor; the user visits the page again.
    vendors = [...pageVendors(30), ...pageVendors(1, 31)];
    const visit = await ff.openTab(`https://${TRUST}/subprocessors`);
    await poll(followedVendors, (n) => n === 31, { timeoutMs: 20_000, what: 'the list re-read on a visit' });
    await ff.navigate(options, ff.extensionUrl('options.html'));
    await poll(
      () =>
        ff.inPage(
          options,
          () => document.querySelector('section[aria-labelledby="history-heading"]')?.textContent ?? '',
          null,
        ),
      (text) => text.includes('Vendor 31 Ltd'),
      { what: 'the change in the history' },
    );
    for (const tab of [visit, options]) await ff.closeTab(tab);
  });

  it('reads again a page opened before its script has built the list', async () => {
    const site = await ff.openTab(`https://${TRUST}/slow`);
    const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${await ff.tabIdOf(site)}`));
    expect(await offer(popup, /^This page lists/)).toBe('This page lists 31 subprocessors');
    expect(await reads(popup)).toBeGreaterThanOrEqual(1);
    for (const tab of [site, popup]) await ff.closeTab(tab);
  });

  it('offers the list a page links to in its footer', async () => {
    const { site, popup } = await popupOn('https://www.acme.com/pricing');
    expect(await offer(popup, /publishes/)).toBe('This site publishes a subprocessor list');
    expect(await ff.a11yViolations(popup), 'the link offer').toEqual([]);
    const link = await ff.inPage(
      popup,
      () => {
        const a = document.querySelector('.page-offer a');
        return { href: a?.getAttribute('href'), rel: a?.getAttribute('rel') };
      },
      null,
    );
    expect(link).toEqual({ href: 'https://www.acme.com/legal/subprocessors', rel: 'noopener noreferrer' });
    for (const tab of [site, popup]) await ff.closeTab(tab);
  });

  it('says nothing of a trust-centre shell that renders no list', async () => {
    const { site, popup } = await popupOn(`https://${TRUST}/shell`);
    // Read three times (it might have been building its list): nothing offered, no error.
    await poll(
      () => reads(popup),
      (n) => n >= 3,
      { what: 'three reads of the page' },
    );
    expect(
      await ff.inPage(
        popup,
        () => document.querySelectorAll('.page-offer, .page-offer__note, .problem').length,
        null,
      ),
    ).toBe(0);
    expect(await texts(popup, '.empty__title')).toEqual(['This site is not on your lists']);
    for (const tab of [site, popup]) await ff.closeTab(tab);
  });
});

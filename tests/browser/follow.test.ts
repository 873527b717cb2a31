// Following a list from the page the user is on, in real Chromium with local pages: a trust centre
// whose list a script builds after load (its static HTML holds none), a product page with a
// "Subprocessors" footer link, and a shell that never renders a list. Follow, then the badge on a
// vendor of the followed list, search, a scheduled-style refresh that keeps the list ("read on
// visit"), and a visit after the page's list changed (history shows the change). The build used
// grants host access in its manifest: a headless browser cannot click the toolbar for activeTab.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe';
import {
  footerLinkPage,
  type PageVendor,
  pageVendors,
  scriptBuiltPage,
  shellPage,
} from '../support/rendered-pages';
import { hostGrantedBuild } from './support/build';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

let ext: ExtensionBrowser;
let dist = '';
let vendors: PageVendor[] = pageVendors(30);
const TRUST = 'trust.acme.com';

function html(res: import('node:http').ServerResponse, body: string, type = 'text/html') {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

beforeAll(async () => {
  dist = hostGrantedBuild();
  // The worker's own fetch (the refresh) goes to the local https server too.
  ext = await launchExtension({ dist, args: ['--ignore-certificate-errors'] });
  ext.sites.route(`${TRUST}/subprocessors`, (_req, res) => html(res, scriptBuiltPage('/subprocessors.json')));
  ext.sites.route(`${TRUST}/subprocessors.json`, (_req, res) =>
    html(res, JSON.stringify({ vendors }), 'application/json'),
  );
  ext.sites.route(`${TRUST}/shell`, (_req, res) => html(res, shellPage()));
  ext.sites.route(`${TRUST}/slow`, (_req, res) => html(res, scriptBuiltPage('/subprocessors.json', 1500)));
  ext.sites.route('www.acme.com/pricing', (_req, res) => html(res, footerLinkPage()));
});

afterAll(async () => {
  await ext?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** The popup for a tab showing `url`, once the page has rendered `ready`. */
async function popupOn(url: string, ready = 'body'): Promise<{ site: Page; popup: Page }> {
  const site = await ext.openPage(url);
  await site.waitForSelector(ready, { state: 'attached' });
  const tabId = await ext.tabIdOf(site);
  const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.card, .empty');
  return { site, popup };
}

async function storedSource(): Promise<{ list: { vendors: unknown[] }; history: unknown[] } | null> {
  return ext.inWorker(async () => {
    const { 'lens.store': store } = (await chrome.storage.local.get('lens.store')) as {
      'lens.store'?: {
        sources: Record<string, { url: string; list: { vendors: unknown[] }; history: unknown[] }>;
      };
    };
    return (
      Object.values(store?.sources ?? {}).find((s) => s.url === 'https://trust.acme.com/subprocessors') ??
      null
    );
  }, null);
}

declare const chrome: import('webextension-polyfill').Browser;

describe('following a list from the page', () => {
  it('reads a list a script built after load, follows it, and uses it at once', async () => {
    const { site, popup } = await popupOn(`https://${TRUST}/subprocessors`, 'table');
    const offer = popup.getByRole('heading', { level: 2, name: 'This page lists 30 subprocessors' });
    await offer.waitFor();
    expect(await popup.locator('.page-offer__names').textContent()).toContain('Vendor 1 Ltd');
    expect(await popup.locator('.page-offer__how').textContent()).toBe('Read as a table, high confidence');
    expect(await seriousA11yViolations(popup), 'the offer').toEqual([]);
    await popup.getByRole('button', { name: 'Follow this list' }).click();
    await popup.getByText(/^Following “Subprocessors \| Acme Trust Center”/).waitFor();
    expect((await storedSource())?.list.vendors).toHaveLength(30);

    // Search in the same popup finds the followed list's vendors.
    await popup.getByRole('searchbox').fill('Vendor 7');
    await popup.locator('.results h2', { hasText: 'Vendor 7 Ltd' }).first().waitFor();

    // The badge flags a vendor of the followed list on its own site.
    const vendorSite = await ext.openPage('https://vendor-1.example/');
    const badge = await ext.waitForBadge(await ext.tabIdOf(vendorSite), (b) => b.text !== '');
    expect(badge.title).toContain('Vendor 1 Ltd');
    await Promise.all([site.close(), popup.close(), vendorSite.close()]);
  });

  it('keeps the list when a refresh finds only the shell, and re-reads it on a visit', async () => {
    const options = await ext.extensionPage('options.html');
    const card = options.locator('.source', {
      has: options.getByRole('heading', { name: /Acme Trust Center/ }),
    });
    await card.waitFor();
    await options.getByRole('button', { name: 'Refresh Subprocessors | Acme Trust Center' }).click();
    await card.getByText(/Updated when you visit the page/).waitFor();
    expect(await card.textContent()).toContain('Read when you visit the page');
    expect(await card.locator('.problem--error').count()).toBe(0); // not an error
    expect((await storedSource())?.list.vendors).toHaveLength(30);

    // The company adds a subprocessor; the user visits the page again.
    vendors = [...pageVendors(30), ...pageVendors(1, 31)];
    const visit = await ext.openPage(`https://${TRUST}/subprocessors`);
    const deadline = Date.now() + 20_000;
    while ((await storedSource())?.list.vendors.length !== 31 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await storedSource())?.list.vendors).toHaveLength(31);
    await options.reload();
    const history = options.getByRole('region', { name: 'What changed' });
    await history
      .getByText(/Vendor 31 Ltd/)
      .first()
      .waitFor();
    await Promise.all([visit.close(), options.close()]);
  });

  it('reads again a page opened before its script has built the list', async () => {
    const site = await ext.openPage(`https://${TRUST}/slow`);
    const popup = await ext.extensionPage(`popup.html?tabId=${await ext.tabIdOf(site)}`);
    await popup.waitForFunction(() => performance.getEntriesByName('popup:page-offer').length >= 1);
    await popup.getByRole('heading', { level: 2, name: /^This page lists 31 subprocessors$/ }).waitFor();
    await Promise.all([site.close(), popup.close()]);
  });

  it('offers the list a page links to in its footer', async () => {
    const { site, popup } = await popupOn('https://www.acme.com/pricing');
    await popup.getByRole('heading', { level: 2, name: 'This site publishes a subprocessor list' }).waitFor();
    expect(await seriousA11yViolations(popup), 'the link offer').toEqual([]);
    const link = popup.locator('.page-offer a');
    expect(await link.getAttribute('href')).toBe('https://www.acme.com/legal/subprocessors');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await Promise.all([site.close(), popup.close()]);
  });

  it('says nothing of a trust-centre shell that renders no list, and nothing of a browser page', async () => {
    const { site, popup } = await popupOn(`https://${TRUST}/shell`);
    // The page has been read (three times: it might have been building its list) once the marks are
    // there; it offered nothing and showed no error.
    await popup.waitForFunction(() => performance.getEntriesByName('popup:page-offer').length >= 3);
    expect(await popup.locator('.page-offer, .page-offer__note, .problem').count()).toBe(0);
    expect(await popup.locator('.empty__title').textContent()).toBe('This site is not on your lists');
    await Promise.all([site.close(), popup.close()]);
    // The browser's store refuses scripts of extensions, whatever their host permissions.
    const store = await popupOn('https://chromewebstore.google.com/');
    await store.popup.waitForFunction(() => performance.getEntriesByName('popup:page-offer').length >= 1);
    expect(await store.popup.locator('.page-offer, .page-offer__note, .problem').count()).toBe(0);
    await Promise.all([store.site.close(), store.popup.close()]);
  });
});

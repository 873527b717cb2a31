// A captured page is as hostile as a fetched list: the hostile HTML documents (every payload in every
// field) served as the page a tab shows, read by the popup, previewed, followed, and shown in the
// popup and options page, in real Chromium. The site itself runs no script and loads nothing (its
// CSP says so), so any payload that runs, any beacon requested, came through the extension. Uses a
// host-granted build: a headless browser cannot click the toolbar for activeTab.
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileDocuments } from '../support/hostile/documents';
import { BEACON_HOST, HOSTILE_MARKER } from '../support/hostile/payloads';
import { hostGrantedBuild } from './support/build';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { pageSafety, safeState, type Watch, watchContext } from './support/page-safety';

declare const chrome: import('webextension-polyfill').Browser;

const WIDTH = 360;
const documents = hostileDocuments().filter((d) => d.format === 'html-table' || d.format === 'html-sections');

let ext: ExtensionBrowser;
let dist = '';
let watch: Watch;

beforeAll(async () => {
  dist = hostGrantedBuild();
  ext = await launchExtension({ dist });
  watch = watchContext(ext.context);
  documents.forEach((doc, i) => {
    ext.sites.route(`trust.acme.com/hostile-${i}`, (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(doc.text);
    });
  });
});

afterAll(async () => {
  await ext?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  watch.expectPage();
  const page = await ext.extensionPage(path);
  await page.setViewportSize({ width: WIDTH, height: 600 });
  return page;
}

async function expectSafe(page: Page, view: string): Promise<void> {
  const state = await pageSafety(page, HOSTILE_MARKER, BEACON_HOST);
  expect({ ...state, dialogs: watch.dialogs, pageErrors: watch.pageErrors }, view).toEqual({
    ...safeState(),
    dialogs: [],
    pageErrors: [],
  });
}

describe('hostile pages read from a tab', () => {
  it('has hostile HTML documents to read', () => {
    expect(documents.map((d) => d.name)).toEqual([
      'html-table',
      'html-table (escaped)',
      'html-sections',
      'html-sections (escaped)',
    ]);
  });

  documents.forEach((doc, i) => {
    it(`${doc.name}: previewed, followed and shown without anything escaping`, async () => {
      watch.expectPage();
      const site = await ext.openPage(`https://trust.acme.com/hostile-${i}`);
      const tabId = await ext.tabIdOf(site);
      const popup = await open(`popup.html?tabId=${tabId}`);
      await popup.getByRole('heading', { level: 2, name: /^This page lists \d+ subprocessors$/ }).waitFor();
      await expectSafe(popup, `${doc.name}: preview`);
      await popup.getByRole('button', { name: 'Follow this list' }).click();
      await popup.locator('.page-offer__done').waitFor();
      await popup.getByRole('searchbox').fill('q');
      await popup.waitForSelector('.results, .empty');
      await expectSafe(popup, `${doc.name}: followed, results`);
      const options = await open('options.html');
      await options.waitForSelector('.source');
      await expectSafe(options, `${doc.name}: options`);
      expect(await ext.inWorker((m) => m in globalThis, HOSTILE_MARKER), `${doc.name}: worker`).toBe(false);
      expect(ext.sites.requests.filter((r) => r.startsWith(BEACON_HOST))).toEqual([]);
      expect(watch.unexpectedPages).toEqual([]);
      await Promise.all([site.close(), popup.close(), options.close()]);
    });
  });

  it('leaves the store readable after every hostile follow', async () => {
    const count = await ext.inWorker(async () => {
      const { 'lens.store': store } = (await chrome.storage.local.get('lens.store')) as {
        'lens.store'?: { sources: Record<string, unknown> };
      };
      return Object.keys(store?.sources ?? {}).length;
    }, null);
    expect(count).toBe(documents.length);
  });
});

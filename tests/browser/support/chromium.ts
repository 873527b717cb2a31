/**
 * The built extension (dist/chrome) in Debian's Chromium, headless, with every test host served by a
 * local https server. For badge, popup and options tests alike.
 *
 *   const ext = await launchExtension();          // in beforeAll (hookTimeout covers the launch)
 *   const page = await ext.openPage(ext.url('stripe.com', '/pricing'));
 *   const tabId = await ext.tabIdOf(page);
 *   await ext.waitForBadge(tabId, (b) => b.text === '!');   // polls; events are asynchronous
 *   const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
 *   await ext.stopServiceWorker();                // MV3: the next tab event wakes a fresh worker
 *   await ext.close();                            // in afterAll: browser, profile and server
 *
 * API (all on the object launchExtension resolves to):
 * - context, extensionId, sites (port, requests seen), url(host, path) -> https URL on the local server
 * - openPage(url): a fresh page navigated to url (after a failed goto a page's later navigations fail,
 *   so use a new page per visit that may fail)
 * - extensionPage(path): a page at chrome-extension://<id>/<path>
 * - tabIdOf(page): the page's tab id as the extension sees it
 * - inWorker(fn, arg): evaluates fn(arg) in the extension's service worker, waking it if a tab event
 *   is on its way (a stopped worker with nothing to wake it makes this wait until its timeout)
 * - badgeOf(tabId) -> { text, title, color: [r, g, b, a] }; waitForBadge(tabId, predicate, timeoutMs)
 * - stopServiceWorker(): stops it through CDP (ServiceWorker.stopAllWorkers) and waits until it is gone
 * - close()
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { DIST_CHROME, ensureBuilt } from './build';
import { type Sites, startSites } from './sites';

export const CHROMIUM = '/usr/bin/chromium';

// Functions passed to inWorker run in the service worker, where `chrome` is the extension API
// (promise-based in MV3). Declared here for the type checker only; evaluate() ships the source.
declare const chrome: ExtensionApi;

export interface Badge {
  text: string;
  title: string;
  color: number[];
}

/** Flags for a headless Chromium on a machine as root with no outside network (see ENGINEERING.md). */
export function chromiumArgs(httpsPort: number): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=MAP *:443 127.0.0.1:${httpsPort}, EXCLUDE localhost`,
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  sites: Sites;
  url(host: string, path?: string): string;
  openPage(url: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  badgeOf(tabId: number): Promise<Badge>;
  waitForBadge(tabId: number, predicate: (badge: Badge) => boolean, timeoutMs?: number): Promise<Badge>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtension(options: { dist?: string } = {}): Promise<ExtensionBrowser> {
  ensureBuilt();
  const dist = options.dist ?? DIST_CHROME;
  const sites = await startSites();
  const profile = mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreHTTPSErrors: true,
      args: [...chromiumArgs(sites.port), `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    });
  } catch (error) {
    await sites.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  // The live worker: Playwright reports each start ('serviceworker') and each stop ('close').
  let current: Worker | null = null;
  const track = (worker: Worker) => {
    if (!worker.url().startsWith('chrome-extension://')) return;
    current = worker;
    worker.on('close', () => {
      if (current === worker) current = null;
    });
  };
  context.on('serviceworker', track);
  for (const worker of context.serviceWorkers()) track(worker);

  async function worker(timeout = 15_000): Promise<Worker> {
    return current ?? (await context.waitForEvent('serviceworker', { timeout }));
  }

  // Wait for the first worker before any visit: a navigation while it starts would be missed.
  const first = await worker(30_000);
  const extensionId = new URL(first.url()).host;
  await first.evaluate(() => true);

  const ext: ExtensionBrowser = {
    context,
    extensionId,
    sites,
    url: (host, path = '/') => `https://${host}${path}`,
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async tabIdOf(page) {
      await page.bringToFront();
      const url = page.url();
      return ext.inWorker(async (pageUrl) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined || tab.url !== pageUrl)
          throw new Error(`active tab is ${tab?.url}, not ${pageUrl}`);
        return tab.id;
      }, url);
    },
    async inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      return (await worker()).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
    },
    async badgeOf(tabId) {
      return ext.inWorker(
        async (id) => ({
          text: await chrome.action.getBadgeText({ tabId: id }),
          title: await chrome.action.getTitle({ tabId: id }),
          color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
        }),
        tabId,
      );
    },
    async waitForBadge(tabId, predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Badge | null = null;
      while (Date.now() < deadline) {
        try {
          last = await ext.badgeOf(tabId);
          if (predicate(last)) return last;
        } catch (error) {
          // The worker stopped under us (or is starting): try again until the deadline.
          if (!/Target (page, context or browser )?(has been )?closed|destroyed/i.test(String(error)))
            throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `badge of tab ${tabId} did not match within ${timeoutMs} ms; last seen ${JSON.stringify(last)}`,
      );
    },
    async stopServiceWorker() {
      const running = current;
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('ServiceWorker.enable');
        const closed = running
          ? new Promise<void>((resolve) => running.once('close', () => resolve()))
          : null;
        await cdp.send('ServiceWorker.stopAllWorkers');
        await closed;
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close().catch(() => {});
      await sites.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

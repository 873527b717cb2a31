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
 * - newPage(): a blank page, bounded: Chromium gets PAGE_OPEN_MS to open it, then one more try (also
 *   after it refuses at once to open a tab)
 * - openPage(url): a fresh page navigated to url (after a failed goto a page's later navigations fail,
 *   so use a new page per visit that may fail)
 * - extensionPage(path): a page at chrome-extension://<id>/<path>
 * - tabIdOf(page): the page's tab id as the extension sees it
 * - inWorker(fn, arg): evaluates fn(arg) in the extension's service worker; a stopped worker is left
 *   2 s for a tab event to wake it, then started through CDP; a call that gets no answer in
 *   WORKER_ANSWER_MS fails
 * - badgeOf(tabId) -> { text, title, color: [r, g, b, a] }; waitForBadge(tabId, predicate, timeoutMs)
 * - stopServiceWorker(): stops it through CDP (ServiceWorker.stopAllWorkers) and waits until it has
 *   and stays stopped (a storage change it caused may wake it at once: then it is stopped again);
 *   workerStarts(): how many times it has started again since launch
 * - the first page of the context is the harness's CDP control page: leave it open
 * - close()
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { Browser as ExtensionApi } from 'webextension-polyfill';
import { DIST_CHROME, ensureBuilt } from './build';
import { type Sites, startSites, testUrl } from './sites';

export const CHROMIUM = '/usr/bin/chromium';

/** How long a stopped worker must stay stopped before stopServiceWorker() trusts the stop. */
const QUIET_MS = 300;
/** How long Chromium gets to open a page (it takes well under a second). In a few bench runs in
 * twenty, CDP's Target.createTarget never answered, and the unbounded wait hung the whole run. */
const PAGE_OPEN_MS = 20_000;
/** How long closing the browser may take before its processes are killed. */
const CLOSE_MS = 15_000;
/** What a call into the worker may take: the longest, a bench's 7 MB write and the rebuild it waits
 * for (60 s at most), fits. A worker that stopped under the call leaves Playwright's handle hanging
 * for ever; the call then fails with this instead. */
const WORKER_ANSWER_MS = 90_000;

class TimedOut extends Error {}

/** `promise`, or a TimedOut rejection after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Kills the browser started on `profile` (its command line names the profile): Playwright gives
 * no process for a persistent context, and a wedged browser would keep the run alive. */
function killBrowserOf(profile: string): void {
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`))
        process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

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
  newPage(): Promise<Page>;
  openPage(url: string): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  inWorker<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  badgeOf(tabId: number): Promise<Badge>;
  waitForBadge(tabId: number, predicate: (badge: Badge) => boolean, timeoutMs?: number): Promise<Badge>;
  stopServiceWorker(): Promise<void>;
  /** How many times the worker has started again since launch (after a stop or a reload). */
  workerStarts(): number;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load; dist/chrome by default. */
  dist?: string;
  /** Runs in the browser before the extension is installed (e.g. to open tabs that an install must
   * badge); the extension is then installed as a user would, through CDP Extensions.loadUnpacked. */
  beforeInstall?: (context: BrowserContext, url: (host: string, path?: string) => string) => Promise<void>;
  /** More Chromium flags. Playwright's ignoreHTTPSErrors covers pages but not the extension's own
   * fetches (the worker's refresh of a list): tests of those add --ignore-certificate-errors. */
  args?: string[];
  /** More environment for the browser: LANGUAGE=de sets the UI language on Linux (with Debian's
   * chromium-l10n installed; --lang is ignored there). */
  env?: Record<string, string>;
}

async function startBrowser(profile: string, port: number, options: LaunchOptions & { dist: string }) {
  const common = {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  };
  if (!options.beforeInstall) {
    return chromium.launchPersistentContext(profile, {
      ...common,
      args: [
        ...chromiumArgs(port),
        ...(options.args ?? []),
        `--disable-extensions-except=${options.dist}`,
        `--load-extension=${options.dist}`,
      ],
    });
  }
  const context = await chromium.launchPersistentContext(profile, {
    ...common,
    // Playwright disables extensions by default; the CDP install needs them on and this flag.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumArgs(port), ...(options.args ?? []), '--enable-unsafe-extension-debugging'],
  });
  try {
    await options.beforeInstall(context, testUrl);
    const browser = context.browser();
    if (!browser) throw new Error('no browser-level CDP session for the install');
    const session = await browser.newBrowserCDPSession();
    // Extensions.* is not in Playwright's CDP type table yet; the session sends it as is.
    const send = session.send.bind(session) as (method: string, params: object) => Promise<unknown>;
    await send('Extensions.loadUnpacked', { path: options.dist });
    await session.detach();
    return context;
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  ensureBuilt();
  const sites = await startSites();
  const profile = mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  let context: BrowserContext;
  try {
    context = await startBrowser(profile, sites.port, { ...options, dist: options.dist ?? DIST_CHROME });
  } catch (error) {
    await sites.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  // Playwright keeps one handle per worker version: it hangs while Chromium has the worker stopped
  // and answers again (from the fresh worker) once an event wakes it. Whether it runs is read from
  // CDP's ServiceWorker domain, on a page kept for that purpose (tests must not close it).
  let handle: Worker | null = null;
  const track = (worker: Worker) => {
    if (worker.url().startsWith('chrome-extension://')) handle = worker;
  };
  context.on('serviceworker', track);
  for (const worker of context.serviceWorkers()) track(worker);
  handle ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(handle.url()).host;

  let status = 'running';
  let starts = 0;
  let stops = 0;
  const control = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(control);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) continue;
      if (version.runningStatus === 'running' && status !== 'running') starts++;
      if (version.runningStatus === 'stopped' && status !== 'stopped') stops++;
      status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');

  async function until(wanted: string, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (status !== wanted && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return status === wanted;
  }

  async function worker(): Promise<Worker> {
    // A stopped worker is woken by the next tab event; if none comes, start it as a page would.
    if (!(await until('running', 2_000))) {
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${extensionId}/` });
      if (!(await until('running', 10_000))) throw new Error(`the service worker stays ${status}`);
    }
    if (!handle) throw new Error('no service worker');
    return handle;
  }

  // Wait for the first worker before any visit: a navigation while it starts would be missed.
  await (await worker()).evaluate(() => true);

  const ext: ExtensionBrowser = {
    context,
    extensionId,
    sites,
    url: testUrl,
    async newPage() {
      for (let attempt = 1; ; attempt++) {
        const opening = context.newPage();
        try {
          return await within(opening, PAGE_OPEN_MS, 'Chromium did not open a page');
        } catch (error) {
          // Chromium either never answers or answers at once that it failed to open a new tab (once
          // in a dozen runs of the bench's Chromium section, 4 Dec 2026): both are tried once more.
          const refused = error instanceof Error && /Failed to open a new tab/.test(error.message);
          if (!(error instanceof TimedOut) && !refused) throw error;
          void opening.then((page) => page.close()).catch(() => {}); // one that opens late goes
          if (attempt === 2) throw new Error(`${error.message}, twice (CDP Target.createTarget)`);
          if (refused) await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
    async openPage(url) {
      const page = await ext.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(path) {
      const page = await ext.newPage();
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
      const answer = (await worker()).evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
      try {
        return await within(answer, WORKER_ANSWER_MS, 'the service worker did not answer');
      } catch (error) {
        // Its status when the wait ran out, not when the call began.
        if (error instanceof TimedOut) throw new TimedOut(`${error.message} (it is ${status})`);
        throw error;
      }
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
          if (!/closed|destroyed/i.test(String(error))) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `badge of tab ${tabId} did not match within ${timeoutMs} ms; last seen ${JSON.stringify(last)}`,
      );
    },
    async stopServiceWorker() {
      // Counted, not polled: an event already queued for the worker (a storage change it caused
      // itself) may start it again at once, between two looks at its status. So it must stay
      // stopped for a quiet moment, or it is stopped again: a caller then knows that the next
      // start is one it caused (an alarm, a tab event).
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = stops;
        await cdp.send('ServiceWorker.stopAllWorkers');
        const deadline = Date.now() + 10_000;
        while (stops === before && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
        if (stops === before) throw new Error(`the service worker did not stop (${status})`);
        await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
        if (status === 'stopped') return;
      }
      throw new Error(`the service worker keeps starting again (${status})`);
    },
    workerStarts: () => starts,
    async close() {
      await within(context.close(), CLOSE_MS, 'Chromium did not close').catch(() => killBrowserOf(profile));
      await sites.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ext;
}

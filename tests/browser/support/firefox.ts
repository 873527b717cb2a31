/**
 * The built extension (dist/firefox) in firefox-esr, headless, driven over WebDriver BiDi: Firefox
 * listens with --remote-debugging-port, and BiDi's webExtension.install loads the unpacked add-on
 * (as a temporary add-on). Every https request goes through a local CONNECT proxy to the same local
 * server the Chromium tests use, so stripe.com and friends are answered here; BiDi's
 * acceptInsecureCerts accepts its self-signed certificate (for the add-on's own fetches too).
 *
 *   const ff = await launchFirefoxExtension();                  // in beforeAll, once per file
 *   const tab = await ff.openTab(ff.url('stripe.com'));         // a BiDi browsing context id
 *   const tabId = await ff.tabIdOf(tab);                        // the tab id the add-on sees
 *   await ff.waitForBadge(tabId, (b) => b.text === 'i');        // polls; events are asynchronous
 *   const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${tabId}`));
 *   await ff.inPage(popup, () => document.title, null);         // fn(arg) in a page, through JSON
 *   await ff.inExtension((key) => browser.storage.local.get(key), 'k'); // in an extension page
 *   await ff.close();
 *
 * Firefox runs the background as an event page (manifest background.scripts), not a service worker:
 * extension APIs are called from a kept extension page (`control`), which has the same `browser`.
 * Downloads are saved without asking into `downloads` (prefs), where a test reads the file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AxeProblem, axeProblems, axeSource } from '../../support/axe';
import { withoutIsolates } from '../../support/visible';
import { BidiClient, type RemoteValue } from './bidi';
import { DIST_FIREFOX, ensureBuilt } from './build';
import type { Badge } from './chromium';
import { poll } from './poll';
import { type Sites, startSites, testUrl } from './sites';

export const FIREFOX = '/usr/bin/firefox-esr';

/** WebDriver's key codes for the keys the tests press (https://w3c.github.io/webdriver/#keyboard-actions). */
export const KEYS = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Shift: '\uE008',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  Space: ' ',
} as const;

export interface FirefoxExtension {
  bidi: BidiClient;
  sites: Sites;
  /** The add-on id from the manifest, as BiDi reported it installed. */
  addonId: string;
  /** An extension page (options.html) kept open for extension API calls: leave it open. */
  control: string;
  /** Where downloads land, saved without a prompt. */
  downloads: string;
  url(host: string, path?: string): string;
  extensionUrl(path: string): string;
  /** A new tab at url (waits for the load to complete); resolves to its browsing context id. */
  openTab(url: string): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  closeTab(context: string): Promise<void>;
  /** Evaluates `expression` (awaiting it) in a context and returns its value through JSON. */
  evaluateJson<T>(context: string, expression: string): Promise<T>;
  /** Runs fn(arg) in a page (as Playwright's evaluate: fn's source is sent, so it must be self-contained). */
  inPage<R, A>(context: string, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Runs fn(arg) in the control page, where `browser` is the extension API. */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The tab id of a browsing context, as the add-on sees it (the context is made the active tab). */
  tabIdOf(context: string): Promise<number>;
  badgeOf(tabId: number): Promise<Badge>;
  waitForBadge(tabId: number, predicate: (badge: Badge) => boolean, timeoutMs?: number): Promise<Badge>;
  /** Real key presses (keyDown/keyUp through BiDi input) into the focused element of a context. */
  press(context: string, ...keys: string[]): Promise<void>;
  /** Types text key by key, as a user would. */
  type(context: string, text: string): Promise<void>;
  /** A real mouse click on the element the expression evaluates to (scrolled into view). */
  click(context: string, elementExpression: string): Promise<void>;
  /** axe-core's serious and critical violations in a page. */
  a11yViolations(context: string): Promise<AxeProblem[]>;
  close(): Promise<void>;
}

/** A forward proxy that tunnels every CONNECT, whatever the host, to the local https server. */
async function startProxy(httpsPort: number): Promise<{ server: Server; close(): Promise<void> }> {
  const tunnels = new Set<Socket>();
  const server = createServer((_req, res) => res.writeHead(502).end('https only'));
  server.on('connect', (_req, client: Socket, head: Buffer) => {
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    // A tunnel ends as a whole: the http server keeps CONNECT sockets half-open, so a side that ended
    // (Firefox gone, or a body it stopped reading) would otherwise hold the proxy's close forever.
    const drop = () => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(client);
      tunnels.delete(upstream);
    };
    tunnels.add(client).add(upstream);
    for (const socket of [upstream, client]) {
      socket.on('error', drop);
      socket.on('end', drop);
      socket.on('close', drop);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    async close() {
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Prefs = Record<string, string | number | boolean>;

function userJs(proxyPort: number, addonId: string, uuid: string, downloads: string, more: Prefs): string {
  const prefs: Prefs = {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // A fixed moz-extension:// host for the add-on, so the test can open its pages.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    // Downloads go straight to a folder of the test's, with no dialog or panel.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'network.dns.disablePrefetch': true,
    'browser.safebrowsing.update.enabled': false,
    // Firefox's own alert windows, not the system's: with no desktop notification service (headless,
    // no D-Bus), 153.8 closes a system notification at once, so notifications.getAll() saw none.
    'alerts.useSystemBackend': false,
    ...more,
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

/** Starts Firefox and resolves with the BiDi WebSocket URL it prints. */
function startFirefox(profile: string): Promise<{ process: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      FIREFOX,
      ['-headless', '-no-remote', '-profile', profile, '--remote-debugging-port', '0'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        // System access lets BiDi navigate a tab to the add-on's moz-extension:// pages, which it
        // otherwise refuses as unsafe for WebDriver (remote/shared/BrowsingContextUtils isWebdriverSafeNavigationURL).
        env: { ...process.env, MOZ_HEADLESS: '1', MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      },
    );
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Firefox printed no BiDi address within 60 s:\n${output.slice(-2000)}`));
    }, 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        resolve({ process: child, url: found[1] });
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before BiDi was ready:\n${output.slice(-2000)}`));
    });
  });
}

async function stopFirefox(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface FirefoxLaunchOptions {
  /** The unpacked add-on to install (default dist/firefox; e.g. a hostGrantedBuild copy of it). */
  dist?: string;
  /** More prefs for the profile (e.g. a short event-page idle timeout). */
  prefs?: Prefs;
  /** Runs before the add-on is installed, with a way to open tabs (that an install must badge). */
  beforeInstall?: (openTab: (url: string) => Promise<string>) => Promise<void>;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
  ensureBuilt();
  const dist = options.dist ?? DIST_FIREFOX;
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const sites = await startSites();
  const proxy = await startProxy(sites.port);
  const profile = mkdtempSync(join(tmpdir(), 'lens-firefox-'));
  const downloads = join(profile, 'downloads');
  mkdirSync(downloads);
  writeFileSync(
    join(profile, 'user.js'),
    userJs((proxy.server.address() as AddressInfo).port, addonId, uuid, downloads, options.prefs ?? {}),
  );
  let firefox: ChildProcess | null = null;
  let bidi: BidiClient | null = null;
  const cleanUp = async () => {
    bidi?.close();
    if (firefox) await stopFirefox(firefox);
    await proxy.close();
    await sites.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const started = await startFirefox(profile);
    firefox = started.process;
    bidi = await BidiClient.connect(`${started.url}/session`);
    const client = bidi;
    await client.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const extensionUrl = (path: string) => `moz-extension://${uuid}/${path}`;

    const navigate = async (context: string, url: string) => {
      await client.send('browsingContext.navigate', { context, url, wait: 'complete' });
    };
    // Once the control page is open, new tabs open beside it: the last focused window can be one
    // with no tabs (a notification's alert window, in headless Firefox), where a new tab fails.
    let beside: string | undefined;
    const openTab = async (url: string) => {
      const { context } = await client.send<{ context: string }>('browsingContext.create', {
        type: 'tab',
        ...(beside ? { referenceContext: beside } : {}),
      });
      await navigate(context, url);
      return context;
    };
    const evaluateJson = async <T>(context: string, expression: string): Promise<T> => {
      const value = await client.evaluate(context, `(async () => JSON.stringify(await (${expression})))()`);
      if (value.type === 'undefined') return undefined as T;
      if (value.type !== 'string' || typeof value.value !== 'string')
        throw new Error(`no JSON from ${expression}`);
      return JSON.parse(value.value) as T;
    };
    const inPage = <R, A>(context: string, fn: (arg: A) => R | Promise<R>, arg: A) =>
      evaluateJson<R>(context, `(${fn.toString()})(${JSON.stringify(arg)})`);
    const keys = async (context: string, actions: object[]) => {
      // Key events go to the focused element of the focused tab.
      await client.send('browsingContext.activate', { context });
      await client.send('input.performActions', {
        context,
        actions: [{ type: 'key', id: 'keyboard', actions }],
      });
    };
    const press = async (context: string, ...pressed: string[]) => {
      await keys(context, [
        ...pressed.map((value) => ({ type: 'keyDown', value })),
        ...pressed.reverse().map((value) => ({ type: 'keyUp', value })),
      ]);
    };
    await options.beforeInstall?.(openTab);
    const installed = await client.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: dist },
    });
    const control = await openTab(extensionUrl('options.html'));
    beside = control;

    const ext: FirefoxExtension = {
      bidi: client,
      sites,
      addonId: installed.extension,
      control,
      downloads,
      url: testUrl,
      extensionUrl,
      openTab,
      navigate,
      async closeTab(context) {
        await client.send('browsingContext.close', { context });
      },
      evaluateJson,
      inPage,
      inExtension: (fn, arg) => inPage(control, fn, arg),
      async tabIdOf(context) {
        await client.send('browsingContext.activate', { context });
        const { contexts } = await client.send<{ contexts: { url: string }[] }>('browsingContext.getTree', {
          root: context,
          maxDepth: 0,
        });
        const url = contexts[0]?.url;
        return poll(
          () =>
            evaluateJson<{ id: number; url: string } | null>(
              control,
              `browser.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t && { id: t.id, url: t.url })`,
            ),
          (tab) => tab?.url === url,
          { what: `the active tab to be ${url}` },
        ).then((tab) => (tab as { id: number }).id);
      },
      badgeOf: (tabId) =>
        evaluateJson<Badge>(
          control,
          `(async (tabId) => ({ text: await browser.action.getBadgeText({ tabId }),
            title: await browser.action.getTitle({ tabId }),
            color: await browser.action.getBadgeBackgroundColor({ tabId }) }))(${tabId})`,
          // The title wraps list text in Unicode isolates (core/isolate.ts); the Chromium tests
          // check they are there, these read the words.
        ).then((badge) => ({ ...badge, title: withoutIsolates(badge.title) })),
      waitForBadge: (tabId, predicate, timeoutMs = 15_000) =>
        poll(() => ext.badgeOf(tabId), predicate, { timeoutMs, what: `the badge of tab ${tabId}` }),
      press,
      async type(context, text) {
        await keys(
          context,
          [...text].flatMap((value) => [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]),
        );
      },
      async click(context, elementExpression) {
        // Scrolled into view first, as a user would (BiDi refuses a pointer outside the viewport).
        const element: RemoteValue & { sharedId?: string } = await client.evaluate(
          context,
          `(() => { const e = (${elementExpression}); e?.scrollIntoView({ block: 'center' }); return e; })()`,
        );
        if (element.type !== 'node' || !element.sharedId)
          throw new Error(`no element for ${elementExpression}`);
        await client.send('input.performActions', {
          context,
          actions: [
            {
              type: 'pointer',
              id: 'mouse',
              actions: [
                {
                  type: 'pointerMove',
                  x: 0,
                  y: 0,
                  origin: { type: 'element', element: { sharedId: element.sharedId } },
                },
                { type: 'pointerDown', button: 0 },
                { type: 'pointerUp', button: 0 },
              ],
            },
          ],
        });
      },
      async a11yViolations(context) {
        if (!(await inPage(context, () => 'axe' in window, null))) await client.evaluate(context, axeSource);
        return inPage(context, axeProblems, null);
      },
      close: cleanUp,
    };
    return ext;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

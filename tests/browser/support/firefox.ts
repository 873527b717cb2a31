/**
 * The built extension (dist/firefox) in firefox-esr, headless, driven over WebDriver BiDi: Firefox
 * listens with --remote-debugging-port, and BiDi's webExtension.install loads the unpacked add-on
 * (as a temporary add-on). Every https request goes through a local CONNECT proxy to the same local
 * server the Chromium tests use, so stripe.com and friends are answered here; BiDi's
 * acceptInsecureCerts accepts its self-signed certificate.
 *
 *   const ff = await launchFirefoxExtension();
 *   const tab = await ff.openTab('https://stripe.com/');         // a BiDi browsing context id
 *   const page = await ff.openTab(ff.extensionUrl('popup.html')); // an extension page: has `browser`
 *   await ff.evaluateJson(page, 'browser.tabs.query({})');       // JSON-serialisable results
 *   await ff.close();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BidiClient } from './bidi';
import { DIST_FIREFOX, ensureBuilt } from './build';
import { type Sites, startSites } from './sites';

export const FIREFOX = '/usr/bin/firefox-esr';

export interface FirefoxExtension {
  bidi: BidiClient;
  sites: Sites;
  /** The add-on id from the manifest, as BiDi reported it installed. */
  addonId: string;
  extensionUrl(path: string): string;
  /** A new tab at url (waits for the load to complete); resolves to its browsing context id. */
  openTab(url: string): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates `expression` (awaiting it) in a context and returns its value through JSON. */
  evaluateJson<T>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

/** A forward proxy that tunnels every CONNECT, whatever the host, to the local https server. */
async function startProxy(httpsPort: number): Promise<Server> {
  const proxy = createServer((_req, res) => res.writeHead(502).end('https only'));
  proxy.on('connect', (_req, client, head) => {
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

function userJs(proxyPort: number, addonId: string, uuid: string): string {
  const prefs: Record<string, string | number | boolean> = {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    // A fixed moz-extension:// host for the add-on, so the test can open its pages.
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'network.dns.disablePrefetch': true,
    'browser.safebrowsing.update.enabled': false,
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

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  ensureBuilt();
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const sites = await startSites();
  const proxy = await startProxy(sites.port);
  const profile = mkdtempSync(join(tmpdir(), 'lens-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs((proxy.address() as AddressInfo).port, addonId, uuid));
  let firefox: ChildProcess | null = null;
  let bidi: BidiClient | null = null;
  const cleanUp = async () => {
    bidi?.close();
    if (firefox) await stopFirefox(firefox);
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await sites.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const started = await startFirefox(profile);
    firefox = started.process;
    bidi = await BidiClient.connect(`${started.url}/session`);
    const client = bidi;
    await client.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    const installed = await client.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: DIST_FIREFOX },
    });

    const navigate = async (context: string, url: string) => {
      await client.send('browsingContext.navigate', { context, url, wait: 'complete' });
    };
    return {
      bidi: client,
      sites,
      addonId: installed.extension,
      extensionUrl: (path) => `moz-extension://${uuid}/${path}`,
      async openTab(url) {
        const { context } = await client.send<{ context: string }>('browsingContext.create', { type: 'tab' });
        await navigate(context, url);
        return context;
      },
      navigate,
      async evaluateJson<T>(context: string, expression: string): Promise<T> {
        const value = await client.evaluate(context, `(async () => JSON.stringify(await (${expression})))()`);
        if (value.type !== 'string' || typeof value.value !== 'string')
          throw new Error(`no JSON from ${expression}`);
        return JSON.parse(value.value) as T;
      },
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

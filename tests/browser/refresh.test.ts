// The data refresh in real Chromium: the default source's address (dovetailapp.com, resolved to the
// local https server) answers as each test says. Commands go from an extension page to the worker as
// the options page sends them (platform/messages.ts); results are read from storage, the popup and
// the badge. Then the schedule: a real alarm wakes a stopped worker, which fetches on its own.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_MS } from '../../src/platform/offscreen';
import type { Reply } from '../../src/platform/source-types';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import type { StoredSource } from '../../src/platform/store/record';
import { withoutIsolates } from '../support/visible';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import {
  FAILURES,
  type Handler,
  KEPT,
  markdown,
  REFRESHED_NAMES,
  refreshed,
  SOURCE,
} from './support/refresh-answers';

declare const chrome: import('webextension-polyfill').Browser;

let ext: ExtensionBrowser;
let control: Page;
let answer: Handler = (_req, res) => res.writeHead(404).end();
const conditional: (string | undefined)[] = [];
const opened: Page[] = [];

/** Sends a command as the options page does, from an extension page to the worker. */
function send(message: Record<string, unknown>): Promise<Reply> {
  return control.evaluate(
    (m) => chrome.runtime.sendMessage({ to: 'lens-background', ...m }),
    message,
  ) as Promise<Reply>;
}

async function dovetailSource(): Promise<StoredSource> {
  const record = (await ext.inWorker((key) => chrome.storage.local.get(key), STORE_KEY))[STORE_KEY] as {
    sources: Record<string, StoredSource>;
  };
  const source = record.sources.dovetail;
  if (!source) throw new Error('no stored dovetail source');
  return source;
}

async function visit(host: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.openPage(ext.url(host));
  opened.push(page);
  return { page, tabId: await ext.tabIdOf(page) };
}

beforeAll(async () => {
  ext = await launchExtension({ args: ['--ignore-certificate-errors'] });
  ext.sites.route(SOURCE, (req, res) => {
    conditional.push(req.headers['if-none-match']);
    answer(req, res);
  });
  control = await ext.extensionPage('options.html');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await ext?.close();
});

describe('refreshing the default source', () => {
  it('plans the daily refresh alarm at install', async () => {
    const alarm = await ext.inWorker(() => chrome.alarms.get('lens-refresh'), null);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('applies a refreshed list: history recorded, the popup finds Rev.ai and rev.ai gets the badge', async () => {
    answer = markdown(refreshed, { etag: '"r1"' });
    const reply = await send({ type: 'refresh', sourceId: 'dovetail' });
    expect(reply.ok).toBe(true);
    expect(withoutIsolates(reply.message)).toBe(
      'Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe.',
    );
    const source = await dovetailSource();
    expect(source.list?.vendors.map((v) => v.name)).toEqual(REFRESHED_NAMES);
    expect(source.etag).toBe('"r1"');
    expect(source.history).toHaveLength(1);
    expect(source.history[0]).toMatchObject({
      added: [{ name: 'Rev.ai' }],
      removed: [{ name: 'Heroku' }],
      changed: [{ name: 'Stripe', changes: [{ field: 'location' }] }],
    });

    const { tabId } = await visit('rev.ai');
    const badge = await ext.waitForBadge(tabId, (b) => b.text !== '');
    expect(withoutIsolates(badge.title)).toMatch(/^Rev\.ai: /);

    const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
    opened.push(popup);
    await popup.getByRole('searchbox', { name: /Search/ }).pressSequentially('rev');
    await popup.waitForSelector('.results');
    expect((await popup.locator('.results h2').allTextContents())[0]).toContain('Rev.ai');
  });

  it('reads the list in an offscreen document, which closes once no list is read for a while', async () => {
    // runtime.getContexts (Chrome 116+) is not in the polyfill's types.
    const documents = () =>
      ext.inWorker(async () => {
        const runtime = chrome.runtime as unknown as {
          getContexts(filter: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>;
        };
        const found = await runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
        return found.map((context) => new URL(context.documentUrl ?? '').pathname);
      }, null);
    // The list and etag the test before stored: the tests after it expect them.
    answer = markdown(refreshed, { etag: '"r1"' });
    expect((await send({ type: 'refresh', sourceId: 'dovetail' })).ok).toBe(true);
    expect(await documents()).toEqual(['/offscreen.html']);
    const deadline = Date.now() + IDLE_MS + 10_000;
    while ((await documents()).length > 0) {
      if (Date.now() > deadline)
        throw new Error(`the offscreen document was open ${IDLE_MS + 10_000} ms after`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // A refresh after it closed makes it again.
    expect((await send({ type: 'refresh', sourceId: 'dovetail' })).ok).toBe(true);
    expect((await dovetailSource()).list?.vendors.map((v) => v.name)).toEqual(REFRESHED_NAMES);
  }, 60_000);

  for (const failure of FAILURES) {
    it(`keeps every vendor after ${failure.name}, and says why`, async () => {
      answer = failure.handler;
      const reply = await send({ type: 'refresh', sourceId: 'dovetail' });
      expect(reply.ok).toBe(true);
      expect(reply.reports[0]?.outcome).toBe(failure.outcome);
      expect(reply.message).toMatch(failure.message);
      expect(reply.message).toMatch(KEPT);
      const source = await dovetailSource();
      expect(source.lastAttempt).toMatchObject({ outcome: failure.outcome, message: reply.message });
      expect(source.list?.vendors.map((v) => v.name)).toEqual(REFRESHED_NAMES);
      expect(source.retry.retryAt).toBeGreaterThan(Date.now());
      expect(source.history).toHaveLength(1);
    });
  }

  it('still badges rev.ai after all those failures', async () => {
    const { tabId } = await visit('rev.ai');
    expect(withoutIsolates((await ext.waitForBadge(tabId, (b) => b.text !== '')).title)).toMatch(
      /^Rev\.ai: /,
    );
  });

  it('gets a 304 for an unchanged list, which changes nothing but the last attempt', async () => {
    answer = (req, res) => {
      if (req.headers['if-none-match'] === '"r1"') res.writeHead(304, { etag: '"r1"' }).end();
      else markdown(refreshed, { etag: '"r1"' })(req, res);
    };
    const before = await dovetailSource();
    const reply = await send({ type: 'refresh', sourceId: 'dovetail' });
    expect(conditional.at(-1)).toBe('"r1"');
    expect(reply.reports[0]?.outcome).toBe('not-modified');
    const after = await dovetailSource();
    expect(after.lastAttempt?.outcome).toBe('not-modified');
    expect({ ...after, lastAttempt: null, retry: null }).toEqual({
      ...before,
      lastAttempt: null,
      retry: null,
    });
    expect(after.retry).toEqual({ failures: 0, retryAt: null });
  });
});

describe('the schedule', () => {
  it('refreshes from a real alarm that wakes a stopped worker, with no page open, and notifies', async () => {
    // The state the tests above leave (also when this test runs alone): the refreshed list stored.
    answer = markdown(refreshed, { etag: '"r1"' });
    await send({ type: 'refresh', sourceId: 'dovetail' });
    const withZapier = `${refreshed}\n## Zapier\n\n[zapier.com](https://zapier.com)\n\n- **Location:** San Francisco, United States.\n- **Use:** Automation.\n`;
    answer = markdown(withZapier, { etag: '"r2"' });
    // The last check was two days ago, so the daily schedule finds the source due; the alarm is set
    // to fire in four seconds (unpacked extensions may set alarms that short): time enough to stop
    // the worker and see it stay stopped after the rebuild this write starts.
    const fetchesBefore = conditional.length;
    await ext.inWorker(async (key) => {
      const record = (await chrome.storage.local.get(key))[key] as {
        sources: Record<string, { lastAttempt: { at: string } | null }>;
      };
      const dovetail = record.sources.dovetail;
      if (dovetail?.lastAttempt)
        dovetail.lastAttempt.at = new Date(Date.now() - 2 * 86_400_000).toISOString();
      await chrome.storage.local.set({ [key]: record });
      await chrome.alarms.create('lens-refresh', { when: Date.now() + 4000, periodInMinutes: 24 * 60 });
    }, STORE_KEY);
    await control.close();
    await ext.stopServiceWorker();
    const startsBefore = ext.workerStarts();
    expect(conditional.length, 'the alarm fired before the worker was stopped').toBe(fetchesBefore);

    // Poll the server's log, not the worker: asking the worker would wake it.
    const deadline = Date.now() + 30_000;
    while (conditional.length === fetchesBefore) {
      if (Date.now() > deadline) throw new Error('the alarm did not fetch the source');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ext.workerStarts()).toBeGreaterThan(startsBefore);
    let source = await dovetailSource();
    for (let i = 0; i < 100 && !source.list?.vendors.some((v) => v.name === 'Zapier'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      source = await dovetailSource();
    }
    expect(source.list?.vendors.map((v) => v.name)).toContain('Zapier');
    expect(source.history[0]?.added.map((v) => v.name)).toEqual(['Zapier']);
    expect(withoutIsolates(source.lastAttempt?.message)).toBe(
      'Updated: Dovetail added 1 subprocessor: Zapier.',
    );
    // Chrome's getAll answers only which notifications are shown (id -> true); their text is checked
    // in tests/background/refresh-runner.test.ts. The notification follows the store write, so it may
    // come a moment after the list is visible: polled like the list.
    let shown = await ext.inWorker(() => chrome.notifications.getAll(), null);
    for (let i = 0; i < 100 && Object.keys(shown).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      shown = await ext.inWorker(() => chrome.notifications.getAll(), null);
    }
    expect(Object.keys(shown)).toEqual(['lens-source:dovetail']);
  });

  it('follows the schedule setting: weekly, then off', async () => {
    const periodAfter = async (schedule: string) => {
      await ext.inWorker(([key, s]) => chrome.storage.sync.set({ [key as string]: { schedule: s } }), [
        SETTINGS_KEY,
        schedule,
      ] as const);
      for (let i = 0; i < 100; i++) {
        const alarm = await ext.inWorker(() => chrome.alarms.get('lens-refresh'), null);
        const period = alarm?.periodInMinutes ?? null;
        if ((schedule === 'off' && period === null) || period === (schedule === 'weekly' ? 10_080 : 1440))
          return period;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the alarm did not follow the schedule ${schedule}`);
    };
    expect(await periodAfter('weekly')).toBe(10_080);
    expect(await periodAfter('off')).toBeNull();
    expect(await periodAfter('daily')).toBe(1440);
  });
});

describe('a source that redirects to another site', () => {
  it('is refused without that site’s permission, keeps its list, and its card says where it leads', async () => {
    const stored = await ext.inWorker((key) => chrome.storage.local.get(key), STORE_KEY);
    const kept = (stored[STORE_KEY] as { sources?: Record<string, StoredSource> } | undefined)?.sources
      ?.dovetail;
    const keptNames = kept?.list?.vendors.map((v) => v.name) ?? null;
    // A server that lets anyone read it (CORS): only the extension's own check stops the read.
    ext.sites.route('rev.ai/subprocessors', (req, res) => {
      const cors = {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'if-none-match, if-modified-since',
      };
      // The refresh's conditional headers make the browser ask first.
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      res.writeHead(200, { 'content-type': 'text/markdown', ...cors });
      res.end('## Evil\n\n[evil.example](https://evil.example)\n\n- **Location:** Nowhere.\n');
    });
    answer = (_req, res) => res.writeHead(302, { location: 'https://rev.ai/subprocessors' }).end();
    try {
      const options = await ext.extensionPage('options.html');
      opened.push(options);
      const reply = (await options.evaluate(() =>
        chrome.runtime.sendMessage({ to: 'lens-background', type: 'refresh', sourceId: 'dovetail' }),
      )) as Reply;
      expect(reply.reports[0]).toMatchObject({ outcome: 'redirect-refused' });
      const source = await dovetailSource();
      expect(source.redirectedTo).toBe('https://rev.ai/subprocessors');
      expect(source.list?.vendors.map((v) => v.name) ?? null).toEqual(keptNames);
      await options.reload();
      await options.waitForSelector('.source');
      expect(withoutIsolates(await options.locator('.source').first().textContent())).toContain(
        'redirects to https://rev.ai',
      );
    } finally {
      ext.sites.route('rev.ai/subprocessors', null);
      answer = markdown(refreshed);
    }
  });
});

// The data refresh in Firefox ESR (WebDriver BiDi), as refresh.test.ts checks it in Chromium: commands
// go from an extension page to the background as the options page sends them, the default source's
// address answers through the proxy as each test says, and results are read from storage and the
// badge. Firefox runs the background as an event page (no service worker, no offscreen document):
// the fetch, parse and store all happen there.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/platform/source-types';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import type { StoredSource } from '../../src/platform/store/record';
import { withoutIsolates } from '../support/visible';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';
import {
  FAILURES,
  type Handler,
  KEPT,
  markdown,
  REFRESHED_NAMES,
  refreshed,
  SOURCE,
} from './support/refresh-answers';

declare const browser: import('webextension-polyfill').Browser;

let ff: FirefoxExtension;
let answer: Handler = (_req, res) => res.writeHead(404).end();
const conditional: (string | undefined)[] = [];
const opened: string[] = [];

/** Sends a command as the options page does, from an extension page to the background. */
const send = (message: Record<string, unknown>) =>
  ff.inExtension(
    (m) => browser.runtime.sendMessage({ to: 'lens-background', ...m }),
    message,
  ) as Promise<Reply>;

async function dovetailSource(): Promise<StoredSource> {
  const record = (await ff.inExtension((key) => browser.storage.local.get(key), STORE_KEY))[STORE_KEY] as {
    sources: Record<string, StoredSource>;
  };
  const source = record.sources.dovetail;
  if (!source) throw new Error('no stored dovetail source');
  return source;
}

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  ff.sites.route(SOURCE, (req, res) => {
    conditional.push(req.headers['if-none-match']);
    answer(req, res);
  });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((tab) => ff.closeTab(tab)));
});

afterAll(async () => {
  await ff?.close();
});

describe('refreshing the default source in Firefox', () => {
  it('plans the daily refresh alarm at install', async () => {
    const alarm = await poll(
      () => ff.inExtension(() => browser.alarms.get('lens-refresh'), null),
      (a) => a !== undefined && a !== null,
      { what: 'the refresh alarm' },
    );
    expect(alarm?.periodInMinutes).toBe(24 * 60);
  });

  it('applies a refreshed list: history recorded and rev.ai gets the badge', async () => {
    answer = markdown(refreshed, { etag: '"r1"' });
    const reply = await send({ type: 'refresh', sourceId: 'dovetail' });
    expect(reply).toMatchObject({ ok: true });
    expect(withoutIsolates(reply.message)).toBe(
      'Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe.',
    );
    const source = await dovetailSource();
    expect(source.list?.vendors.map((v) => v.name)).toEqual(REFRESHED_NAMES);
    expect(source.etag).toBe('"r1"');
    expect(source.history).toHaveLength(1);
    const tab = await ff.openTab(ff.url('rev.ai'));
    opened.push(tab);
    const badge = await ff.waitForBadge(await ff.tabIdOf(tab), (b) => b.text !== '');
    expect(badge.title).toMatch(/^Rev\.ai: /);
  });

  // The timeout case waits the fetch's full 20 s by design: Chromium's file covers it.
  for (const failure of FAILURES.filter((f) => f.outcome !== 'timeout')) {
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
    expect({ ...after, lastAttempt: null, retry: null }).toEqual({
      ...before,
      lastAttempt: null,
      retry: null,
    });
    expect(after.retry).toEqual({ failures: 0, retryAt: null });
  });
});

describe('the schedule in Firefox', () => {
  it('refreshes from a real alarm, with no page of ours asking, and notifies', async () => {
    const withZapier = `${refreshed}\n## Zapier\n\n[zapier.com](https://zapier.com)\n\n- **Location:** San Francisco, United States.\n- **Use:** Automation.\n`;
    answer = markdown(withZapier, { etag: '"r2"' });
    const fetchesBefore = conditional.length;
    // The last check was two days ago, so the daily schedule finds the source due; the alarm fires in
    // two seconds (temporary add-ons may set alarms that short).
    await ff.inExtension(async (key) => {
      const record = (await browser.storage.local.get(key))[key] as {
        sources: Record<string, { lastAttempt: { at: string } | null }>;
      };
      const dovetail = record.sources.dovetail;
      if (dovetail?.lastAttempt)
        dovetail.lastAttempt.at = new Date(Date.now() - 2 * 86_400_000).toISOString();
      await browser.storage.local.set({ [key]: record });
      await browser.alarms.create('lens-refresh', { when: Date.now() + 2000, periodInMinutes: 24 * 60 });
    }, STORE_KEY);
    // Poll the server's log first: the alarm, not this test, makes the request.
    await poll(
      async () => conditional.length,
      (n) => n > fetchesBefore,
      { timeoutMs: 30_000, what: 'a fetch from the alarm' },
    );
    const source = await poll(
      dovetailSource,
      (s) => s.list?.vendors.some((v) => v.name === 'Zapier') ?? false,
      {
        what: 'Zapier in the stored list',
      },
    );
    expect(source.history[0]?.added.map((v) => v.name)).toEqual(['Zapier']);
    expect(withoutIsolates(source.lastAttempt?.message)).toBe(
      'Updated: Dovetail added 1 subprocessor: Zapier.',
    );
    const shown = await poll(
      () => ff.inExtension(() => browser.notifications.getAll(), null),
      (all) => Object.keys(all).length > 0,
      { what: 'a notification' },
    );
    expect(Object.keys(shown)).toEqual(['lens-source:dovetail']);
  });

  it('follows the schedule setting: weekly, then off, then daily', async () => {
    const periodAfter = async (schedule: string, wanted: number | null) => {
      await ff.inExtension(([key, s]) => browser.storage.sync.set({ [key as string]: { schedule: s } }), [
        SETTINGS_KEY,
        schedule,
      ] as const);
      const alarm = await poll(
        () => ff.inExtension(async () => (await browser.alarms.get('lens-refresh')) ?? null, null),
        (a) => (a?.periodInMinutes ?? null) === wanted,
        { what: `the alarm to follow the schedule ${schedule}` },
      );
      return alarm?.periodInMinutes ?? null;
    };
    expect(await periodAfter('weekly', 10_080)).toBe(10_080);
    expect(await periodAfter('off', null)).toBeNull();
    expect(await periodAfter('daily', 1440)).toBe(1440);
  });
});

// The refresh runner against a real local HTTP server and a fake browser: every failure keeps every
// vendor and says why; a change is applied with a history entry; a list that lost most vendors is held.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshOne } from '../../src/background/refresh-runner';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import type { StoredSource } from '../../src/platform/store/record';
import { readStore } from '../../src/platform/store/record-io';
import { loadList } from '../../src/platform/store/register-read';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';
import { onTestDay } from '../support/test-date';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const bundledNames = bundled.vendors.map((v) => v.name);
const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');

let server: ListServer;

beforeAll(async () => {
  server = await startListServer();
});

afterAll(async () => {
  await server.close();
});

/** The default source, pointed at the local server instead of dovetailapp.com. */
async function storeDovetail(extra: Partial<StoredSource> = {}): Promise<void> {
  await fakeBrowser.storage.local.set({
    [STORE_KEY]: {
      schemaVersion: 2,
      revision: 1,
      sources: {
        dovetail: {
          id: 'dovetail',
          title: 'Dovetail',
          url: server.url('/dovetail'),
          kind: 'bundled',
          list: null,
          ...extra,
        },
      },
    },
  });
}

async function source(id = 'dovetail'): Promise<StoredSource> {
  const read = await readStore();
  if (read.kind !== 'ok') throw new Error(read.kind);
  const found = read.record.sources[id];
  if (!found) throw new Error(`no source ${id}`);
  return found;
}

async function registerNames(): Promise<string[]> {
  return (await loadList()).list.vendors.map((v) => v.name);
}

const grant = () => fakeBrowser.permissions.request({ origins: ['http://127.0.0.1/*'] });

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  // Extension files from the fake, everything else over the real network stack.
  vi.stubGlobal('fetch', localFetch);
  server.requests.length = 0;
  await storeDovetail();
});

describe('a refreshed list', () => {
  it('is applied over the bundled snapshot with a history entry, and the register changes at once', async () => {
    server.answer('/dovetail', { kind: 'etag', body: refreshed, etag: '"r1"' });
    const report = await refreshOne('dovetail', { trigger: 'user' });
    expect(report).toEqual({
      sourceId: 'dovetail',
      title: 'Dovetail',
      outcome: 'updated',
      message:
        'Updated: \u2068Dovetail\u2069 added 1 subprocessor: \u2068Rev.ai\u2069; removed 1: \u2068Heroku\u2069; changed 1: \u2068Stripe\u2069.',
    });
    const stored = await source();
    expect(stored.etag).toBe('"r1"');
    expect(stored.fetchedAt).toBe(stored.lastAttempt?.at);
    expect(stored.retry).toEqual({ failures: 0, retryAt: null });
    expect(stored.list?.source.updated).toBe('2026-11-02');
    expect(stored.history).toHaveLength(1);
    const [entry] = stored.history;
    expect(entry?.added.map((v) => v.name)).toEqual(['Rev.ai']);
    expect(entry?.removed.map((v) => v.name)).toEqual(['Heroku']);
    expect(entry?.changed).toEqual([
      {
        name: 'Stripe',
        changes: [
          expect.objectContaining({
            field: 'location',
            after: { text: 'Dublin, Ireland', country: 'IE' },
          }),
        ],
      },
    ]);
    expect(entry?.updated).toEqual({ before: '2018-10-08', after: '2026-11-02' });
    const names = await registerNames();
    expect(names).toContain('Rev.ai');
    expect(names).not.toContain('Heroku');
  });

  it('asks conditionally with the origin permission, and a 304 changes nothing but the last attempt', async () => {
    await grant();
    server.answer('/dovetail', { kind: 'etag', body: refreshed, etag: '"r1"' });
    await refreshOne('dovetail', { trigger: 'user' });
    const before = await source();
    const report = await refreshOne('dovetail', { trigger: 'user' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"r1"');
    expect(report?.outcome).toBe('not-modified');
    const after = await source();
    expect(after.lastAttempt).toMatchObject({
      outcome: 'not-modified',
      message: 'The source reports no change since the last fetch.',
    });
    expect({ ...after, lastAttempt: null }).toEqual({ ...before, lastAttempt: null });
  });

  it('asks without conditional headers where it has no permission (a CORS read), and finds it unchanged', async () => {
    server.answer('/dovetail', { kind: 'etag', body: refreshed, etag: '"r1"' });
    await refreshOne('dovetail', { trigger: 'user' });
    const report = await refreshOne('dovetail', { trigger: 'user' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    expect(report?.outcome).toBe('unchanged');
    expect((await source()).history).toHaveLength(1);
  });

  it('that lost most vendors is held, notified, and not applied', async () => {
    const twoLeft = refreshed.split('\n## ').slice(0, 3).join('\n## ');
    server.answer('/dovetail', { kind: 'body', body: twoLeft });
    const report = await refreshOne('dovetail', { trigger: 'schedule' });
    expect(report?.outcome).toBe('held');
    expect(report?.message).toBe(
      'The new version no longer lists 5 of the 7 vendors (it has 2). It waits for your confirmation; until then the current list stays in use.',
    );
    const stored = await source();
    expect(stored.list).toBeNull();
    expect(stored.held).toMatchObject({ before: 7, after: 2, removed: 5, reason: 'lost-most-vendors' });
    expect(stored.held?.list.vendors.map((v) => v.name)).toEqual(['Amazon Web Services', 'ChartMogul']);
    expect(await registerNames()).toEqual(bundledNames);
    expect(fakeBrowser.notificationList()).toEqual([
      expect.objectContaining({
        id: 'lens-source:dovetail',
        title: 'A subprocessor list needs your confirmation',
        // List text sits in isolates: a right-to-left title cannot reorder the sentence.
        message:
          '\u2068Dovetail\u2069: the new version no longer lists 5 of 7 vendors. Open the options to review it.',
      }),
    ]);
    // Found again the next day: still held, no second notification.
    await fakeBrowser.notifications.clear('lens-source:dovetail');
    expect((await refreshOne('dovetail', { trigger: 'schedule' }))?.outcome).toBe('held');
    expect(fakeBrowser.notificationList()).toEqual([]);
  });
});

describe('notifications', () => {
  it('tell of a change found by the schedule', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await refreshOne('dovetail', { trigger: 'schedule' });
    expect(fakeBrowser.notificationList()).toEqual([
      {
        id: 'lens-source:dovetail',
        title: 'A subprocessor list changed',
        message:
          '\u2068Dovetail\u2069 added 1 subprocessor: \u2068Rev.ai\u2069; removed 1: \u2068Heroku\u2069; changed 1: \u2068Stripe\u2069',
        iconUrl: 'chrome-extension://fake-extension-id/icons/icon-128.png',
        type: 'basic',
      },
    ]);
  });

  it('stay quiet when turned off, and for a refresh the user started (the page shows it)', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await refreshOne('dovetail', { trigger: 'user' });
    expect(fakeBrowser.notificationList()).toEqual([]);
    await storeDovetail();
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { notifications: false } });
    await refreshOne('dovetail', { trigger: 'schedule' });
    expect((await source()).history).toHaveLength(1);
    expect(fakeBrowser.notificationList()).toEqual([]);
  });
});

describe('a failed refresh keeps every vendor and says why', () => {
  const KEPT_BUNDLED = 'The list bundled with the extension stays in use.';
  const cases = [
    {
      name: 'an HTTP 500',
      answer: { kind: 'body', body: 'Internal error', status: 500 },
      outcome: 'http-error',
      message: `The source answered with an error (HTTP 500). ${KEPT_BUNDLED}`,
    },
    {
      name: 'a timeout',
      answer: { kind: 'hang' },
      outcome: 'timeout',
      message: `The source did not answer within 0.3 seconds. ${KEPT_BUNDLED}`,
    },
    {
      name: 'an empty 200 page',
      answer: { kind: 'body', body: '' },
      outcome: 'rejected',
      message: `The source answered, but no vendors were found in what it sent (an error or sign-in page?). ${KEPT_BUNDLED}`,
    },
    {
      name: 'an error page answered with 200',
      answer: {
        kind: 'body',
        body: '<!doctype html><title>Sign in</title><h1>Please sign in</h1>',
        headers: { 'content-type': 'text/html' },
      },
      outcome: 'rejected',
      message: `The source answered, but no vendors were found in what it sent (an error or sign-in page?). ${KEPT_BUNDLED}`,
    },
    {
      name: 'garbage',
      answer: { kind: 'body', body: '{"vendors": [1, 2', headers: { 'content-type': 'application/json' } },
      outcome: 'rejected',
      message: expect.stringMatching(
        /^What the source sent could not be read as a subprocessor list \(Not valid JSON: .+\)\. The list bundled with the extension stays in use\.$/,
      ),
    },
    {
      name: 'a trust centre that builds its list in the browser',
      answer: {
        kind: 'body',
        body: readFileSync('tests/fixtures/lists/errors/trust-centre-shell.html', 'utf8'),
        headers: { 'content-type': 'text/html' },
      },
      outcome: 'rejected',
      message: `This page builds its list in the browser with script (a trust centre such as SafeBase, Vanta or Drata, or a Notion page), so a refresh cannot read it. Open the page in your browser and follow it from the Subprocessor Lens popup. ${KEPT_BUNDLED}`,
    },
    {
      name: 'a PDF',
      answer: { kind: 'body', body: '%PDF-1.7\n%binary', headers: { 'content-type': 'application/pdf' } },
      outcome: 'rejected',
      message: `The source is a PDF document, which Subprocessor Lens cannot read. Add the list's web page instead. ${KEPT_BUNDLED}`,
    },
    {
      name: 'an oversized body',
      answer: { kind: 'huge', bytes: 6_000_000 },
      outcome: 'too-large',
      message: `The source sent more than 5 MB, more than a subprocessor list can be. ${KEPT_BUNDLED}`,
    },
  ] as const;

  for (const c of cases) {
    it(`: ${c.name}`, async () => {
      server.answer('/dovetail', c.answer);
      const now = Date.parse(onTestDay('08:00'));
      const report = await refreshOne('dovetail', { trigger: 'user', now: () => now, timeoutMs: 300 });
      expect(report).toMatchObject({ outcome: c.outcome, message: c.message });
      const stored = await source();
      expect(stored.list).toBeNull();
      expect(stored.lastAttempt).toEqual({
        at: onTestDay('08:00'),
        outcome: c.outcome,
        message: c.message,
      });
      expect(stored.retry.failures).toBe(1);
      expect(stored.retry.retryAt).toBeGreaterThan(now);
      expect(stored.history).toEqual([]);
      expect(await registerNames()).toEqual(bundledNames);
    });
  }

  it('says when the kept list was fetched, and backs off further on each failure', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    const first = Date.parse(onTestDay('08:00'));
    await refreshOne('dovetail', { trigger: 'user', now: () => first });
    server.answer('/dovetail', { kind: 'body', body: 'Bad gateway', status: 502 });
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const now = first + i * 3_600_000;
      await refreshOne('dovetail', { trigger: 'retry', now: () => now });
      const { retry } = await source();
      expect(retry.failures).toBe(i);
      delays.push((retry.retryAt ?? 0) - now);
    }
    expect(delays[1]).toBeGreaterThan(delays[0] ?? 0);
    expect(delays[2]).toBeGreaterThan(delays[1] ?? 0);
    const stored = await source();
    expect(stored.lastAttempt?.message).toMatch(
      /^The source answered with an error \(HTTP 502\)\. The list fetched on 27 Nov 2026, \d\d:00 stays in use\.$/,
    );
    expect(stored.fetchedAt).toBe(onTestDay('08:00'));
    expect(await registerNames()).toContain('Rev.ai');
    // A success resets the retry state.
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await refreshOne('dovetail', { trigger: 'retry' });
    expect((await source()).retry).toEqual({ failures: 0, retryAt: null });
  });

  it("honours the server's Retry-After", async () => {
    server.answer('/dovetail', {
      kind: 'body',
      body: 'busy',
      status: 503,
      headers: { 'retry-after': '7200' },
    });
    const now = Date.parse(onTestDay('08:00'));
    await refreshOne('dovetail', { trigger: 'user', now: () => now });
    expect((await source()).retry.retryAt).toBeGreaterThanOrEqual(now + 7_200_000);
  });

  it('schedules no retry when the schedule is off', async () => {
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { schedule: 'off' } });
    server.answer('/dovetail', { kind: 'body', body: 'Internal error', status: 500 });
    await refreshOne('dovetail', { trigger: 'user' });
    expect((await source()).retry).toEqual({ failures: 1, retryAt: null });
  });

  it('tells a refused cross-origin read without permission from an unreachable server', async () => {
    const closed = await startListServer();
    const url = closed.url('/list');
    await closed.close();
    await storeDovetail({ url });
    const without = await refreshOne('dovetail', { trigger: 'user' });
    expect(without).toMatchObject({
      outcome: 'no-permission',
      message: `127.0.0.1 could not be read: the site does not let extensions read it without your permission. Allow access to 127.0.0.1 for this source in the options, then refresh. ${KEPT_BUNDLED}`,
    });
    await grant();
    const withPermission = await refreshOne('dovetail', { trigger: 'user' });
    expect(withPermission).toMatchObject({
      outcome: 'network-error',
      message: `The source could not be reached: offline, a wrong address, or the site refused the connection. ${KEPT_BUNDLED}`,
    });
    expect(await registerNames()).toEqual(bundledNames);
  });

  it('does not touch a source removed while its fetch ran', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    const pending = refreshOne('dovetail', { trigger: 'user' });
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: { schemaVersion: 2, revision: 5, sources: {}, removedBundled: ['dovetail'] },
    });
    expect(await pending).toBeNull();
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toMatchObject({ revision: 5, sources: {} });
  });
});

// The refresh schedule: which alarms are planned from the settings and the stored sources, which
// sources an alarm fetches, and the whole path in a freshly started worker (install -> alarm ->
// fetch -> stored list and notification), against a real local HTTP server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { onRefreshAlarm } from '../../src/background/refresh-alarm';
import {
  FIRST_FETCH_DELAY_MS,
  isDue,
  MIN_DELAY_MS,
  planAlarms,
  RETRY_ALARM,
  SCHEDULE_ALARM,
} from '../../src/background/schedule';
import { SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import type { StoredSource } from '../../src/platform/store/record';
import { readStore } from '../../src/platform/store/record-io';
import { snapshotSource } from '../../src/platform/store/register';
import { loadList } from '../../src/platform/store/register-read';
import { bundled } from '../support/bundled-list';
import { fakeBrowser, settle } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';
import { onTestDay } from '../support/test-date';
import { visible } from '../support/visible';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse(onTestDay('08:00'));

let server: ListServer;

beforeAll(async () => {
  server = await startListServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', localFetch);
  server.requests.length = 0;
});

function attemptAt(at: number): StoredSource['lastAttempt'] {
  return { at: new Date(at).toISOString(), outcome: 'not-modified', message: 'no change' };
}

async function storeDovetail(extra: Partial<StoredSource>): Promise<void> {
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
          ...extra,
        },
      },
    },
  });
}

const alarm = (name: string) => fakeBrowser.alarmList().find((a) => a.name === name);

describe('planAlarms', () => {
  it('plans the first fetch of a never-fetched source shortly after the start, daily by default', async () => {
    await planAlarms(NOW);
    expect(alarm(SCHEDULE_ALARM)).toEqual({
      name: SCHEDULE_ALARM,
      scheduledTime: NOW + FIRST_FETCH_DELAY_MS,
      periodInMinutes: 24 * 60,
    });
    expect(alarm(RETRY_ALARM)).toBeUndefined();
    // Planning again later (another start, a settings change) does not postpone it.
    await planAlarms(NOW + 5 * 60_000);
    expect(alarm(SCHEDULE_ALARM)?.scheduledTime).toBe(NOW + FIRST_FETCH_DELAY_MS);
  });

  it('aims at the moment the stalest source is due, and at once for an overdue one', async () => {
    await storeDovetail({ lastAttempt: attemptAt(NOW - HOUR) });
    await planAlarms(NOW);
    expect(alarm(SCHEDULE_ALARM)?.scheduledTime).toBe(NOW - HOUR + DAY);
    await storeDovetail({ lastAttempt: attemptAt(NOW - 3 * DAY) });
    await planAlarms(NOW);
    expect(alarm(SCHEDULE_ALARM)?.scheduledTime).toBe(NOW + MIN_DELAY_MS);
  });

  it('follows the schedule setting: weekly, then off', async () => {
    await storeDovetail({ lastAttempt: attemptAt(NOW - HOUR), retry: { failures: 1, retryAt: NOW + HOUR } });
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { schedule: 'weekly' } });
    await planAlarms(NOW);
    expect(alarm(SCHEDULE_ALARM)).toMatchObject({
      scheduledTime: NOW - HOUR + 7 * DAY,
      periodInMinutes: 7 * 24 * 60,
    });
    expect(alarm(RETRY_ALARM)).toEqual({ name: RETRY_ALARM, scheduledTime: NOW + HOUR });
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { schedule: 'off' } });
    await planAlarms(NOW);
    expect(fakeBrowser.alarmList()).toEqual([]);
  });

  it('plans nothing when no source has an address', async () => {
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: { schemaVersion: 2, revision: 1, sources: {}, removedBundled: ['dovetail'] },
    });
    await planAlarms(NOW);
    expect(fakeBrowser.alarmList()).toEqual([]);
  });
});

describe('isDue', () => {
  const period = DAY;
  const base = { ...snapshotSource('dovetail') };

  it('is due with no attempt yet, or a period after the last one (minus a little slack)', () => {
    expect(isDue(base, NOW, period)).toBe(true);
    expect(isDue({ ...base, lastAttempt: attemptAt(NOW - DAY + 60_000) }, NOW, period)).toBe(true);
    expect(isDue({ ...base, lastAttempt: attemptAt(NOW - DAY / 2) }, NOW, period)).toBe(false);
  });

  it('is not due while a retry is pending, nor without an address', () => {
    expect(isDue({ ...base, retry: { failures: 1, retryAt: NOW + 1 } }, NOW, period)).toBe(false);
    expect(isDue({ ...base, url: null }, NOW, period)).toBe(false);
  });
});

describe('onRefreshAlarm', () => {
  it('fetches the due sources on the schedule alarm, then plans the next', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await storeDovetail({ lastAttempt: attemptAt(Date.now() - 2 * DAY) });
    await onRefreshAlarm(SCHEDULE_ALARM);
    expect(server.requests.map((r) => r.path)).toEqual(['/dovetail']);
    expect((await loadList()).list.vendors.map((v) => v.name)).toContain('Rev.ai');
    const next = alarm(SCHEDULE_ALARM)?.scheduledTime ?? 0;
    expect(next).toBeGreaterThan(Date.now() + DAY - HOUR);
  });

  it('leaves a source alone that is not due', async () => {
    await storeDovetail({ lastAttempt: attemptAt(Date.now() - HOUR) });
    await onRefreshAlarm(SCHEDULE_ALARM);
    expect(server.requests).toEqual([]);
  });

  it('retries a failed source on the retry alarm when its time has come', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await storeDovetail({
      lastAttempt: attemptAt(Date.now() - HOUR),
      retry: { failures: 2, retryAt: Date.now() - 1 },
    });
    await onRefreshAlarm(RETRY_ALARM);
    expect(server.requests).toHaveLength(1);
    const read = await readStore();
    expect(read.kind === 'ok' && read.record.sources.dovetail?.retry).toEqual({ failures: 0, retryAt: null });
    expect(alarm(RETRY_ALARM)).toBeUndefined();
  });

  it('ignores alarms that are not its own', async () => {
    await storeDovetail({});
    await onRefreshAlarm('someone-else');
    expect(server.requests).toEqual([]);
    expect(fakeBrowser.alarmList()).toEqual([]);
  });
});

describe('in a freshly started worker', () => {
  async function startWorker(): Promise<void> {
    vi.resetModules();
    await import('../../src/background/index');
  }

  /** Lets the worker's listeners and their promise chains (storage, fetch, alarms) run. */
  async function until(check: () => boolean | Promise<boolean>): Promise<void> {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
    expect(await check()).toBe(true);
  }

  it('plans the alarm on install, re-plans it when the schedule changes, and refreshes when it fires', async () => {
    server.answer('/dovetail', { kind: 'body', body: refreshed });
    await storeDovetail({ lastAttempt: attemptAt(Date.now() - 8 * DAY) });
    await startWorker();
    fakeBrowser.runtime.onInstalled.emit({ reason: 'install' });
    await until(() => alarm(SCHEDULE_ALARM)?.periodInMinutes === 24 * 60);
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { schedule: 'weekly' } });
    await until(() => alarm(SCHEDULE_ALARM)?.periodInMinutes === 7 * 24 * 60);

    fakeBrowser.fireAlarm(SCHEDULE_ALARM);
    await until(() => fakeBrowser.notificationList().length === 1);
    expect(visible(fakeBrowser.notificationList()[0]?.message)).toBe(
      'Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe',
    );
    expect((await loadList()).list.vendors.map((v) => v.name)).toContain('Rev.ai');

    fakeBrowser.notifications.onClicked.emit('lens-source:dovetail');
    await settle();
    expect(fakeBrowser.optionsOpened).toBe(1);
  });

  it('clears the alarms when the schedule is turned off', async () => {
    await startWorker();
    fakeBrowser.runtime.onStartup.emit();
    await until(() => alarm(SCHEDULE_ALARM) !== undefined);
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { schedule: 'off' } });
    await until(() => fakeBrowser.alarmList().length === 0);
  });
});

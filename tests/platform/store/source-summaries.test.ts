import { beforeEach, describe, expect, it, vi } from 'vitest';
import { validateList } from '../../../src/core/list';
import { diffLists } from '../../../src/core/register/diff';
import { summarizeDiff } from '../../../src/core/register/diff-summary';
import { historyEntry } from '../../../src/core/register/history';
import { STORE_KEY } from '../../../src/platform/store/keys';
import {
  exportRegister,
  loadHistory,
  loadSources,
  loadSourcesPage,
  onSourcesChanged,
} from '../../../src/platform/store/source-summaries';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser, settle } from '../../support/fake-browser';
import { onTestDay } from '../../support/test-date';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const withoutHeroku = { ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') };
const onlyStripe = { ...bundled, vendors: bundled.vendors.filter((v) => v.name === 'Stripe') };

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

const entryAt = (at: string, sourceId: string) =>
  historyEntry(diffLists(bundled, withoutHeroku), { at, sourceId, listTitle: sourceId });

describe('loadSources', () => {
  it('shows the bundled snapshot when nothing is stored', async () => {
    expect(await loadSources()).toEqual([
      {
        id: 'dovetail',
        title: 'Dovetail',
        url: 'https://dovetailapp.com/legal/data-subprocessors',
        redirectsTo: null,
        origin: 'bundled',
        fileName: null,
        vendorCount: bundled.vendors.length,
        updated: '2018-10-08',
        fetchedAt: null,
        importedAt: null,
        lastAttempt: null,
        retryAt: null,
        held: null,
        problem: null,
        keptBy: 'schedule',
        capturedAt: null,
        managed: false,
      },
    ]);
  });

  it('shows each kind of source with its state', async () => {
    const diff = diffLists(bundled, onlyStripe);
    const attempt = { at: onTestDay('09:00'), outcome: 'timeout', message: 'slow' };
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 2,
        revision: 4,
        sources: {
          file: {
            id: 'file',
            title: 'Acme',
            url: null,
            kind: 'file',
            list: onlyStripe,
            fileName: 'acme.md',
            addedAt: '2026-11-02T00:00:00.000Z',
          },
          feed: {
            id: 'feed',
            title: 'Feed',
            url: 'https://feed.example/',
            kind: 'url',
            list: null,
            addedAt: '2026-11-01T00:00:00.000Z',
            lastAttempt: attempt,
            retry: { failures: 1, retryAt: Date.parse(onTestDay('09:05')) },
          },
          dovetail: {
            id: 'dovetail',
            title: 'Dovetail',
            url: 'https://dovetailapp.com/legal/data-subprocessors',
            list: withoutHeroku,
            fetchedAt: onTestDay('08:00'),
            held: {
              at: onTestDay('10:00'),
              reason: 'lost-most-vendors',
              message: 'held',
              before: 6,
              after: 1,
              removed: 5,
              summary: summarizeDiff(diff, 'Dovetail'),
              list: onlyStripe,
            },
          },
          broken: {
            id: 'broken',
            title: 'Broken',
            url: 'https://broken.example/',
            list: { vendors: 3 },
            addedAt: '2026-11-03T00:00:00.000Z',
          },
        },
      },
    });
    const views = await loadSources();
    expect(views.map((v) => [v.id, v.origin, v.vendorCount])).toEqual([
      ['dovetail', 'fetched', bundled.vendors.length - 1],
      ['feed', 'none', 0],
      ['file', 'imported', 1],
      ['broken', 'none', 0],
    ]);
    expect(views[0]).toMatchObject({ fetchedAt: onTestDay('08:00'), held: { removed: 5, after: 1 } });
    expect(views[0]?.held).not.toHaveProperty('list');
    expect(views[1]).toMatchObject({ lastAttempt: attempt, retryAt: onTestDay('09:05') });
    expect(views[2]).toMatchObject({
      fileName: 'acme.md',
      importedAt: '2026-11-02T00:00:00.000Z',
      url: null,
    });
    expect(views[3]?.problem).toMatch(/^The saved list “broken” is damaged/);
  });
});

describe('loadHistory', () => {
  it('merges every source’s history, newest first', async () => {
    const a1 = entryAt('2026-11-01T00:00:00.000Z', 'dovetail');
    const a2 = entryAt('2026-11-20T00:00:00.000Z', 'dovetail');
    const b1 = entryAt('2026-11-10T00:00:00.000Z', 'acme');
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 2,
        revision: 1,
        sources: {
          dovetail: { id: 'dovetail', title: 'D', url: null, list: withoutHeroku, history: [a2, a1] },
          acme: { id: 'acme', title: 'A', url: null, list: onlyStripe, history: [b1] },
        },
      },
    });
    expect((await loadHistory()).map((e) => `${e.sourceId}@${e.at.slice(0, 10)}`)).toEqual([
      'dovetail@2026-11-20',
      'acme@2026-11-10',
      'dovetail@2026-11-01',
    ]);
  });

  it('is empty when nothing is stored or the record is unreadable', async () => {
    expect(await loadHistory()).toEqual([]);
    await fakeBrowser.storage.local.set({ [STORE_KEY]: 'garbage' });
    expect(await loadHistory()).toEqual([]);
  });
});

describe('loadSourcesPage', () => {
  const record = (acme: unknown) => ({
    [STORE_KEY]: {
      schemaVersion: 2,
      revision: 1,
      sources: {
        dovetail: {
          id: 'dovetail',
          title: 'D',
          url: null,
          list: withoutHeroku,
          history: [entryAt('2026-11-20T00:00:00.000Z', 'dovetail')],
        },
        acme,
      },
    },
  });
  const recordReads = (spy: { mock: { calls: unknown[][] } }) =>
    spy.mock.calls.filter(([keys]) => keys === STORE_KEY || (Array.isArray(keys) && keys.includes(STORE_KEY)))
      .length;

  it('gives what loadSources and loadHistory give, from one read of the record', async () => {
    await fakeBrowser.storage.local.set(
      record({ id: 'acme', title: 'A', url: null, list: onlyStripe, history: [] }),
    );
    const expected = { sources: await loadSources(), history: await loadHistory() };
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const page = await loadSourcesPage();
    expect(recordReads(get)).toBe(1);
    get.mockRestore();
    expect(page).toEqual({ ...expected, problem: null });
  });

  it('names a source whose stored list is damaged, and still shows the rest', async () => {
    await fakeBrowser.storage.local.set(record({ id: 'acme', title: 'A', url: null, list: { vendors: 7 } }));
    const page = await loadSourcesPage();
    expect(page.problem).toMatch(/acme/);
    expect(page.history.map((e) => e.sourceId)).toEqual(['dovetail']);
    expect(page.sources.map((s) => s.id)).toContain('dovetail');
  });
});

describe('exportRegister', () => {
  it('writes the register as a valid v1 document with listings', async () => {
    const text = await exportRegister();
    const checked = validateList(JSON.parse(text));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.list.vendors).toHaveLength(bundled.vendors.length);
    expect(checked.list.vendors[0]?.listedBy?.[0]?.sourceId).toBe('dovetail');
  });
});

describe('onSourcesChanged', () => {
  it('calls back after a write to the stored sources only, until stopped', async () => {
    let calls = 0;
    const stop = onSourcesChanged(() => calls++);
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 2, revision: 1, sources: {} } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await settle();
    expect(calls).toBe(1);
    stop();
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 2, revision: 2, sources: {} } });
    expect(calls).toBe(1);
  });
});

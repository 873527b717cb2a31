// The pages summary written with the record: in the same set() as the record and its lookup tables,
// stamped like them, giving the options page what the full read of the record gives without reading
// the record; and read only when it is the stored record's (else the full read, never an error).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diffLists } from '../../../src/core/register/diff';
import { summarizeDiff } from '../../../src/core/register/diff-summary';
import { historyEntry } from '../../../src/core/register/history';
import { LOOKUP_KEY, PAGES_KEY, POLICY_KEY, STORE_KEY } from '../../../src/platform/store/keys';
import type { LookupHead } from '../../../src/platform/store/lookup-write';
import { packJson, unpackJson } from '../../../src/platform/store/packed-json';
import { PAGES_FORMAT, type PagesSummary } from '../../../src/platform/store/pages-summary';
import { markLookupStale, rebuildLookup, updateStore } from '../../../src/platform/store/record-io';
import { loadSourcesPage, onSourcesChanged } from '../../../src/platform/store/source-summaries';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser, settle } from '../../support/fake-browser';
import { saveSource } from '../../support/save-source';
import { onTestDay } from '../../support/test-date';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const local = fakeBrowser.storage.local;
const withoutHeroku = { ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') };
const onlyStripe = { ...bundled, vendors: bundled.vendors.filter((v) => v.name === 'Stripe') };
const head = () => local.peek(LOOKUP_KEY) as LookupHead;
const summary = async () => (await unpackJson(local.peek(PAGES_KEY))) as PagesSummary;

/** A record of every kind of source the page shows: fetched with a held result and history, added
 * by URL and failing with a retry pending, imported from a file, redirected, followed on visits,
 * and one whose stored list is damaged. Written from outside the store code, as an older version
 * or a test would. */
function richRecord(revision = 4) {
  const diff = diffLists(bundled, onlyStripe);
  const entry = (at: string, sourceId: string) =>
    historyEntry(diffLists(bundled, withoutHeroku), { at, sourceId, listTitle: sourceId });
  return {
    schemaVersion: 3,
    revision,
    sources: {
      file: {
        id: 'file',
        title: 'Acme',
        url: null,
        kind: 'file',
        list: onlyStripe,
        fileName: 'acme.md',
        addedAt: '2026-11-02T00:00:00.000Z',
        history: [entry('2026-11-10T00:00:00.000Z', 'file')],
      },
      feed: {
        id: 'feed',
        title: 'Feed',
        url: 'https://feed.example/',
        kind: 'url',
        list: null,
        addedAt: '2026-11-01T00:00:00.000Z',
        lastAttempt: { at: onTestDay('09:00'), outcome: 'timeout', message: 'slow' },
        retry: { failures: 1, retryAt: Date.parse(onTestDay('09:05')) },
      },
      dovetail: {
        id: 'dovetail',
        title: 'Dovetail',
        url: 'https://dovetailapp.com/legal/data-subprocessors',
        redirectedTo: 'https://elsewhere.example/list',
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
        history: [
          entry('2026-11-20T00:00:00.000Z', 'dovetail'),
          entry('2026-11-01T00:00:00.000Z', 'dovetail'),
        ],
      },
      page: {
        id: 'page',
        title: 'Page',
        url: 'https://page.example/subprocessors',
        kind: 'url',
        list: onlyStripe,
        fetchedAt: onTestDay('07:00'),
        addedAt: '2026-11-04T00:00:00.000Z',
        capturedAt: onTestDay('07:00'),
        readOnVisit: true,
      },
      broken: {
        id: 'broken',
        title: 'Broken',
        url: 'https://broken.example/',
        list: { vendors: 3 },
        addedAt: '2026-11-03T00:00:00.000Z',
      },
    },
    removedBundled: [],
  };
}

/** Stores source "Acme" (only Stripe) through the store code, fetched at `time` on the test day. */
const saveAcme = (time: string) =>
  saveSource({ id: 'acme', title: 'Acme', url: null, fetchedAt: onTestDay(time), list: onlyStripe });

/** Storage gets that asked for the record. */
function recordReads(get: { mock: { calls: unknown[][] } }): number {
  return get.mock.calls.filter(
    ([keys]) => keys === STORE_KEY || (Array.isArray(keys) && keys.includes(STORE_KEY)),
  ).length;
}

/** The page as loadSourcesPage gives it, and how many times it read the record to give it. */
async function pageAndReads(how?: Parameters<typeof loadSourcesPage>[0]) {
  const get = vi.spyOn(local, 'get');
  try {
    const page = await loadSourcesPage(how);
    return { page, reads: recordReads(get) };
  } finally {
    get.mockRestore();
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the pages summary, written', () => {
  it('goes in the same set() as the record, stamped with its lookup head', async () => {
    const set = vi.spyOn(local, 'set');
    await saveAcme('08:00');
    expect(set).toHaveBeenCalledTimes(1);
    const items = set.mock.calls[0]?.[0] as Record<string, unknown>;
    expect(Object.keys(items)).toEqual(expect.arrayContaining([STORE_KEY, LOOKUP_KEY, PAGES_KEY]));
    expect(await summary()).toMatchObject({ format: PAGES_FORMAT, stamp: head().stamp });
    expect(head().stamp).toMatch(/^1\./);
  });

  it('holds only what the page shows: no vendor lists, no policy, no sentences of its own', async () => {
    await local.set({ [STORE_KEY]: richRecord() });
    await rebuildLookup();
    const stored = await summary();
    expect(Object.keys(stored).sort()).toEqual(['damaged', 'format', 'history', 'sources', 'stamp']);
    for (const source of stored.sources) {
      expect(source).not.toHaveProperty('list');
      expect(source).not.toHaveProperty('managed');
      expect(source).not.toHaveProperty('problem');
      expect(source.held ?? {}).not.toHaveProperty('list');
    }
    // A few KB where the record holds every list.
    expect(String(local.peek(PAGES_KEY)).length).toBeLessThan(
      JSON.stringify(local.peek(STORE_KEY)).length / 4,
    );
  });

  it('gives what the full read gives, rebuilt from a record written from outside', async () => {
    await local.set({ [STORE_KEY]: richRecord() });
    await rebuildLookup();
    const full = await loadSourcesPage({ fullRead: true });
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page).toEqual(full);
    // The rich record shows all of it, so the comparison compares something.
    expect(page.sources.map((s) => [s.id, s.origin])).toEqual([
      ['dovetail', 'fetched'],
      ['feed', 'none'],
      ['file', 'imported'],
      ['broken', 'none'],
      ['page', 'fetched'],
    ]);
    expect(page.sources[0]).toMatchObject({ redirectsTo: 'https://elsewhere.example', held: { removed: 5 } });
    expect(page.sources[1]).toMatchObject({
      retryAt: onTestDay('09:05'),
      lastAttempt: { outcome: 'timeout' },
    });
    expect(page.sources[3]?.problem).toMatch(/^The saved list “broken” is damaged/);
    expect(page.sources[4]).toMatchObject({ keptBy: 'visit', capturedAt: onTestDay('07:00') });
    expect(page.history.map((e) => e.sourceId)).toEqual(['dovetail', 'file', 'dovetail']);
    expect(page.problem).toMatch(/broken/);
  });

  it('gives what the full read gives after a write by the store, damaged list kept or replaced', async () => {
    await local.set({ [STORE_KEY]: richRecord() });
    // A write that keeps the damaged list as it was stored.
    await saveAcme('11:00');
    let { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
    expect(page.problem).toMatch(/broken/);
    // A write that replaces it: the damage is gone from both.
    await saveSource({
      id: 'broken',
      title: 'Broken',
      url: null,
      fetchedAt: onTestDay('12:00'),
      list: onlyStripe,
    });
    ({ page, reads } = await pageAndReads());
    expect(reads).toBe(0);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
    expect(page.problem).toBeNull();
    expect(page.sources.find((s) => s.id === 'broken')?.problem).toBeNull();
  });

  it('gives what the full read gives after a writer replaced a damaged list but left its mark', async () => {
    await local.set({ [STORE_KEY]: richRecord() });
    await updateStore((record) => {
      const broken = record.sources.broken;
      if (broken) broken.list = onlyStripe; // its damage mark stays on the source given
      return record;
    });
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
    expect(page.problem).toBeNull();
  });

  it('gives what the full read gives when a bundled source was removed', async () => {
    await updateStore((record) => ({ ...record, removedBundled: ['dovetail'] }));
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
    expect(page.sources).toEqual([]);
  });

  /** A storage that refuses any write with a lookup table's part (a shard or a chunk, under
   * "lens.view."), and with the summary too if `summary`. */
  const refuseTables = (summary: boolean) => {
    const set = local.set.bind(local);
    const refused = (key: string) => (key === PAGES_KEY ? summary : key.startsWith(`${LOOKUP_KEY}.`));
    vi.spyOn(local, 'set').mockImplementation(async (items) => {
      if (Object.keys(items).some(refused)) throw new Error('Resource::kQuotaBytes quota exceeded');
      await set(items);
    });
  };

  const saveBeta = () =>
    saveSource({ id: 'beta', title: 'Beta', url: null, fetchedAt: onTestDay('09:00'), list: onlyStripe });

  it('is written beside a head without lookup tables when they do not fit: the page reads it', async () => {
    await saveAcme('08:00');
    refuseTables(false);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await saveBeta();
    expect(local.peek(STORE_KEY)).toMatchObject({ revision: 2 });
    expect(head()).toMatchObject({ revision: 2, shards: 0 });
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page.sources.map((s) => s.id)).toEqual(['dovetail', 'acme', 'beta']);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
  });

  it('is left out when even it does not fit: the record is written, and the page reads it', async () => {
    await saveAcme('08:00');
    const before = local.peek(PAGES_KEY);
    refuseTables(true);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await saveBeta();
    expect(local.peek(STORE_KEY)).toMatchObject({ revision: 2 });
    expect(head()).toMatchObject({ revision: 2, shards: 0 });
    // The last build's summary is still stored, but not of this head: it is not used.
    expect(local.peek(PAGES_KEY)).toBe(before);
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(1);
    expect(page.sources.map((s) => s.id)).toEqual(['dovetail', 'acme', 'beta']);
  });
});

describe('the pages summary, read', () => {
  beforeEach(async () => {
    await local.set({ [STORE_KEY]: richRecord() });
    await rebuildLookup();
  });

  it('adds what the applied policy says when it is read, not when it was written', async () => {
    await local.set({ [POLICY_KEY]: { sources: [{ url: 'https://feed.example/' }] } });
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(0);
    expect(page.sources.filter((s) => s.managed).map((s) => s.id)).toEqual(['feed']);
    expect(page).toEqual(await loadSourcesPage({ fullRead: true }));
  });

  it('is not used once the record was written from outside and the views marked stale', async () => {
    const outside = richRecord(9);
    outside.sources.feed.title = 'Feed, renamed';
    await local.set({ [STORE_KEY]: outside });
    await markLookupStale();
    const { page, reads } = await pageAndReads();
    expect(reads).toBe(1);
    expect(page.sources.find((s) => s.id === 'feed')?.title).toBe('Feed, renamed');
  });

  it('is not used when asked for the full read (the record just changed alone)', async () => {
    const outside = richRecord(9);
    outside.sources.feed.title = 'Feed, renamed';
    await local.set({ [STORE_KEY]: outside });
    const { page, reads } = await pageAndReads({ fullRead: true });
    expect(reads).toBe(1);
    expect(page.sources.find((s) => s.id === 'feed')?.title).toBe('Feed, renamed');
  });

  it('is not used when missing, damaged, of another build, format or version: the full read is', async () => {
    const full = await loadSourcesPage({ fullRead: true });
    const fresh = await summary();
    const cases: [string, () => Promise<void>][] = [
      ['missing', () => local.remove(PAGES_KEY)],
      ['not packed', () => local.set({ [PAGES_KEY]: { ...fresh } })],
      ['damaged text', () => local.set({ [PAGES_KEY]: String(local.peek(PAGES_KEY)).slice(0, -8) })],
      [
        'wrong shape',
        async () => local.set({ [PAGES_KEY]: await packJson({ ...fresh, sources: [{ id: 1 }] }) }),
      ],
      [
        'another build',
        async () => local.set({ [PAGES_KEY]: await packJson({ ...fresh, stamp: '3.other' }) }),
      ],
      ['another format', async () => local.set({ [PAGES_KEY]: await packJson({ ...fresh, format: 99 }) })],
      ['no head', () => local.remove(LOOKUP_KEY)],
      ['another version', async () => local.set({ [LOOKUP_KEY]: { ...head(), version: '0.0.9' } })],
    ];
    const packed = local.peek(PAGES_KEY);
    const storedHead = head();
    for (const [what, damage] of cases) {
      await damage();
      const { page, reads } = await pageAndReads();
      expect(reads, what).toBe(1);
      expect(page, what).toEqual(full);
      await local.set({ [PAGES_KEY]: packed, [LOOKUP_KEY]: storedHead });
    }
    // And restored, it is used again.
    expect((await pageAndReads()).reads).toBe(0);
  });

  it('reads as the full read when storage fails, which then says why', async () => {
    const get = local.get.bind(local);
    vi.spyOn(local, 'get').mockImplementation(async (keys) => {
      if (Array.isArray(keys) && keys.includes(PAGES_KEY)) throw new Error('storage failed');
      return get(keys);
    });
    expect(await loadSourcesPage()).toEqual(await loadSourcesPage({ fullRead: true }));
  });
});

describe('onSourcesChanged', () => {
  it('asks for the full read when the record changed without its views', async () => {
    await saveAcme('07:00');
    const calls: unknown[] = [];
    const stop = onSourcesChanged((how) => calls.push(how));
    await local.set({ [STORE_KEY]: richRecord(5) });
    await markLookupStale();
    await saveAcme('08:00');
    await settle();
    stop();
    // The outside write, the stale mark (the page reads again: it may have read the summary just
    // before), and the store's own write with its views.
    expect(calls).toEqual([{ fullRead: true }, { fullRead: false }, { fullRead: false }]);
  });
});

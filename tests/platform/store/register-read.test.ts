import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubprocessorList } from '../../../src/core/list';
import { mergeLists } from '../../../src/core/register/merge';
import { STORE_KEY } from '../../../src/platform/store/keys';
import { loadList } from '../../../src/platform/store/register-read';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser } from '../../support/fake-browser';
import { saveSource } from '../../support/save-source';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

/** A different, valid list: the bundled one with only Stripe left, as a refresh might store. */
function storedList(): SubprocessorList {
  return { ...bundled, vendors: bundled.vendors.filter((v) => v.name === 'Stripe') };
}

function record(sources: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { schemaVersion: 1, revision: 3, sources, ...extra };
}

function entry(list: unknown, id = 'dovetail') {
  return {
    id,
    title: 'Dovetail',
    url: 'https://dovetailapp.com/legal/data-subprocessors',
    list,
    fetchedAt: '2026-11-20T08:00:00.000Z',
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

describe('loadList', () => {
  it('falls back to the bundled list when nothing is stored', async () => {
    const loaded = await loadList();
    expect(loaded).toEqual({
      list: mergeLists([{ sourceId: 'dovetail', list: bundled }]),
      origin: 'bundled',
      fetchedAt: null,
      problem: null,
    });
    expect(loaded.list.vendors).toHaveLength(bundled.vendors.length);
    expect(loaded.list.source).toEqual(bundled.source);
    expect(loaded.list.vendors[0]?.listedBy?.map((l) => l.sourceId)).toEqual(['dovetail']);
  });

  it('uses the stored list with its fetch time', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: record({ dovetail: entry(storedList()) }) });
    const loaded = await loadList();
    expect(loaded.origin).toBe('stored');
    expect(loaded.list.vendors.map((v) => v.name)).toEqual(['Stripe']);
    expect(loaded.fetchedAt).toBe('2026-11-20T08:00:00.000Z');
    expect(loaded.problem).toBeNull();
  });

  it('falls back with a clear sentence when the record is not an object', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: 'garbage' });
    const loaded = await loadList();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.list.vendors.map((v) => v.name)).toEqual(bundled.vendors.map((v) => v.name));
    expect(loaded.problem).toBe(
      'Your saved lists could not be read (not an object), so the bundled list is in use. Refreshing the list replaces them.',
    );
  });

  it('names the field that broke a damaged record', async () => {
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: record({ dovetail: { ...entry(storedList()), title: 42 } }),
    });
    const loaded = await loadList();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.problem).toContain('sources.dovetail.title');
  });

  it('keeps a record from a newer version untouched and says so', async () => {
    const newer = { schemaVersion: 99, revision: 9, registers: {} };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: newer });
    const loaded = await loadList();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.problem).toMatch(/newer version of Subprocessor Lens \(storage version 99\)/);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(newer);
  });

  it('treats a record without a version as damaged', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { sources: {} } });
    expect((await loadList()).problem).toContain('no schema version');
  });

  it('uses the bundled snapshot for the default source whose stored list fails validation, and says so', async () => {
    const broken = { ...storedList(), vendors: [{ name: '' }] };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: record({ dovetail: entry(broken) }) });
    const loaded = await loadList();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.problem).toMatch(/^The saved list “dovetail” is damaged \(vendors\.0\./);
  });

  it('merges the snapshot standing in for a damaged default source with the other sources', async () => {
    const other = { ...storedList(), source: { title: 'Acme', url: null, updated: null } };
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: record({ dovetail: entry({ nope: true }), acme: entry(other, 'acme') }),
    });
    const loaded = await loadList();
    expect(loaded.origin).toBe('stored');
    expect(loaded.list.source.title).toBe('Dovetail, Acme');
    expect(loaded.list.vendors).toHaveLength(bundled.vendors.length);
    const stripe = loaded.list.vendors.find((v) => v.name === 'Stripe');
    expect(stripe?.listedBy?.map((l) => l.sourceId)).toEqual(['dovetail', 'acme']);
    expect(loaded.problem).toContain('“dovetail” is damaged');
  });

  it('merges every source into one register: bundled first, then the others as added', async () => {
    const acme: SubprocessorList = {
      format: bundled.format,
      source: { title: 'Acme', url: 'https://acme.example/subprocessors', updated: '2026-11-01' },
      vendors: [
        {
          ...(bundled.vendors.find((v) => v.name === 'Stripe') as SubprocessorList['vendors'][number]),
          location: { text: 'Dublin, Ireland', country: 'IE' },
        },
        {
          ...(bundled.vendors[0] as SubprocessorList['vendors'][number]),
          name: 'Rev.ai',
          website: 'https://rev.ai',
          domains: ['rev.ai'],
        },
      ],
    };
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 2,
        revision: 1,
        sources: {
          acme: {
            ...entry(acme, 'acme'),
            kind: 'url',
            addedAt: '2026-11-02T00:00:00Z',
            fetchedAt: '2026-11-25T00:00:00Z',
          },
        },
      },
    });
    const loaded = await loadList();
    expect(loaded.origin).toBe('stored');
    expect(loaded.fetchedAt).toBe('2026-11-25T00:00:00Z');
    expect(loaded.list.vendors).toHaveLength(bundled.vendors.length + 1);
    expect(loaded.list.vendors.at(-1)?.name).toBe('Rev.ai');
    const stripe = loaded.list.vendors.find((v) => v.name === 'Stripe');
    expect(stripe?.listedBy?.map((l) => [l.sourceId, l.location.text])).toEqual([
      ['dovetail', bundled.vendors.find((v) => v.name === 'Stripe')?.location.text],
      ['acme', 'Dublin, Ireland'],
    ]);
  });

  it('leaves out a bundled source the user removed', async () => {
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: {
        schemaVersion: 2,
        revision: 1,
        sources: { acme: entry(storedList(), 'acme') },
        removedBundled: ['dovetail'],
      },
    });
    const loaded = await loadList();
    expect(loaded.list.vendors.map((v) => v.name)).toEqual(['Stripe']);
    expect(loaded.list.vendors[0]?.listedBy?.map((l) => l.sourceId)).toEqual(['acme']);
  });

  it('answers an empty register when every source is removed', async () => {
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: { schemaVersion: 2, revision: 1, sources: {}, removedBundled: ['dovetail'] },
    });
    const loaded = await loadList();
    expect(loaded.list.vendors).toEqual([]);
    expect(loaded.problem).toBeNull();
  });

  it('falls back when storage itself fails', async () => {
    fakeBrowser.storage.local.failing = new Error('IO error: database corrupted');
    const loaded = await loadList();
    expect(loaded.origin).toBe('bundled');
    expect(loaded.problem).toContain('IO error: database corrupted');
  });
});

describe('saveSource', () => {
  it('stores a list that loadList then returns, bumping the revision', async () => {
    await saveSource({ ...entry(storedList()), list: storedList() });
    const stored = fakeBrowser.storage.local.peek(STORE_KEY) as { schemaVersion: number; revision: number };
    expect(stored.schemaVersion).toBe(3);
    expect(stored.revision).toBe(1);
    expect((await loadList()).list.vendors.map((v) => v.name)).toEqual(['Stripe']);
    await saveSource({ ...entry(bundled), list: bundled });
    expect((fakeBrowser.storage.local.peek(STORE_KEY) as { revision: number }).revision).toBe(2);
  });

  it('keeps other sources, damaged ones and unknown keys as they were', async () => {
    const damaged = entry({ nope: true }, 'acme');
    await fakeBrowser.storage.local.set({
      [STORE_KEY]: record({ acme: damaged }, { history: [{ at: '2026-01-01' }] }),
    });
    await saveSource({ ...entry(storedList()), list: storedList(), etag: '"abc"' });
    const stored = fakeBrowser.storage.local.peek(STORE_KEY) as ReturnType<typeof record> & {
      history: unknown;
    };
    // Migrated to schema 2 (new fields with their defaults), its damaged list left exactly as it was.
    expect(stored.sources.acme).toMatchObject({ ...damaged, kind: 'url', history: [], held: null });
    expect(stored.history).toEqual([{ at: '2026-01-01' }]);
    expect(stored.revision).toBe(4);
    expect((stored.sources.dovetail as { etag: string }).etag).toBe('"abc"');
  });

  it('refuses an invalid list and leaves storage alone', async () => {
    const before = record({ dovetail: entry(storedList()) });
    await fakeBrowser.storage.local.set({ [STORE_KEY]: before });
    const bad = { ...storedList(), vendors: [{ name: 'X' }] } as unknown as SubprocessorList;
    await expect(saveSource({ ...entry(bad), list: bad })).rejects.toThrow(/^dovetail: vendors\.0\./);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(before);
  });

  it('never overwrites a record from a newer version', async () => {
    const newer = { schemaVersion: 99, revision: 9 };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: newer });
    await expect(saveSource({ ...entry(bundled), list: bundled })).rejects.toThrow(/newer version/);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(newer);
  });

  it('backs up an unreadable record before replacing it', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: [1, 2, 3] });
    await saveSource({ ...entry(storedList()), list: storedList() });
    expect(fakeBrowser.storage.local.peek(`${STORE_KEY}.backup`)).toEqual([1, 2, 3]);
    expect((await loadList()).origin).toBe('stored');
  });
});

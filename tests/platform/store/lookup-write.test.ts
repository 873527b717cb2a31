// The read views written with the record: in the same set() call, the same register as the full
// read, the latest additions for "new", and the record kept (views withheld) when they cannot be
// written. Rebuilding from a record written from outside.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubprocessorList, Vendor } from '../../../src/core/list';
import { CHUNK_SIZE, chunkOf, shardCountFor, shardOf } from '../../../src/core/site-shards';
import {
  FOLLOWED_KEY,
  LOOKUP_KEY,
  PAGES_KEY,
  STORE_KEY,
  siteShardKey,
  vendorChunkKey,
} from '../../../src/platform/store/keys';
import { readLookupHead } from '../../../src/platform/store/lookup-read';
import type { LookupHead, SiteShardValue, VendorChunkValue } from '../../../src/platform/store/lookup-write';
import { unpackJson } from '../../../src/platform/store/packed-json';
import { markLookupStale, rebuildLookup, updateStore } from '../../../src/platform/store/record-io';
import { snapshotSource } from '../../../src/platform/store/register';
import { loadList } from '../../../src/platform/store/register-read';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser } from '../../support/fake-browser';
import { generateVendors } from '../../support/generate-vendors';
import { saveSource } from '../../support/save-source';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const head = () => fakeBrowser.storage.local.peek(LOOKUP_KEY) as LookupHead;
/** The view keys in storage besides the head (a build has at most 1,024 shards). */
const partKeys = () =>
  Array.from({ length: 1024 }, (_, i) => [siteShardKey(i), vendorChunkKey(i)])
    .flat()
    .filter((key) => fakeBrowser.storage.local.peek(key) !== undefined)
    .sort();
const shard = async (n: number) =>
  (await unpackJson(fakeBrowser.storage.local.peek(siteShardKey(n)))) as SiteShardValue;
const chunk = async (n: number) =>
  (await unpackJson(fakeBrowser.storage.local.peek(vendorChunkKey(n)))) as VendorChunkValue;
const chunks = () => Math.ceil(head().vendorCount / head().chunkSize);

/** The register the views give back: every chunk's vendors in order. */
async function viewRegister(): Promise<Vendor[]> {
  const vendors: Vendor[] = [];
  for (let n = 0; n < chunks(); n++) vendors.push(...(await chunk(n)).vendors);
  return vendors;
}

function source(id: string, list: SubprocessorList, extra: Record<string, unknown> = {}) {
  return { id, title: list.source.title, url: null, fetchedAt: '2026-11-20T08:00:00.000Z', list, ...extra };
}

const large = (): SubprocessorList => ({
  format: bundled.format,
  source: { title: 'Large', url: null, updated: '2026-11-01' },
  vendors: generateVendors(300, 3),
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('views written with the record', () => {
  it('go in the same set() as the record, stamped with its revision and this version', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await saveSource(source('acme', large()));
    expect(set).toHaveBeenCalledTimes(1);
    const items = set.mock.calls[0]?.[0] as Record<string, unknown>;
    const vendors = bundled.vendors.length + 300;
    const count = shardCountFor(vendors);
    const chunkTotal = Math.ceil(vendors / CHUNK_SIZE);
    expect(count).toBeGreaterThan(1);
    expect(chunkTotal).toBeGreaterThan(1);
    expect(Object.keys(items).sort()).toEqual(
      [
        STORE_KEY,
        FOLLOWED_KEY,
        LOOKUP_KEY,
        PAGES_KEY,
        ...Array.from({ length: count }, (_, i) => siteShardKey(i)),
        ...Array.from({ length: chunkTotal }, (_, i) => vendorChunkKey(i)),
      ].sort(),
    );
    expect(head()).toMatchObject({
      format: 2,
      revision: 1,
      version: '0.1.0',
      shards: count,
      vendorCount: vendors,
    });
    for (let n = 0; n < count; n++) expect((await shard(n)).stamp).toBe(head().stamp);
    for (let n = 0; n < chunkTotal; n++) expect((await chunk(n)).stamp).toBe(head().stamp);
  });

  it('hold the register that the full read gives, and its source line', async () => {
    await saveSource(source('acme', large()));
    const loaded = await loadList();
    expect(await viewRegister()).toEqual(loaded.list.vendors);
    expect(head()).toMatchObject({
      vendorCount: loaded.list.vendors.length,
      source: loaded.list.source,
      severalLists: true,
    });
  });

  it('put each domain in the shard of its last two labels, and each vendor in its chunk', async () => {
    await saveSource(source('acme', large()));
    const { shards, chunkSize } = head();
    const register = (await loadList()).list.vendors;
    const stripe = register.findIndex((v) => v.name === 'Stripe');
    expect((await shard(shardOf('dashboard.stripe.com', shards))).entries).toContainEqual([
      'stripe.com',
      stripe,
      0,
    ]);
    const heroku = register.findIndex((v) => v.name === 'Heroku');
    expect((await shard(shardOf('foo.herokuapp.com', shards))).entries).toContainEqual([
      'herokuapp.com',
      heroku,
      1,
    ]);
    const last = register.length - 1;
    expect((await chunk(chunkOf(last, chunkSize))).vendors[last % chunkSize]).toEqual(register[last]);
  });

  it('carry the latest additions of their vendors, for "new"', async () => {
    const at = '2026-11-25T10:00:00.000Z';
    const entry = {
      at,
      sourceId: 'dovetail',
      listTitle: 'Dovetail',
      summary: {
        listTitle: 'Dovetail',
        added: { count: 1, names: ['Stripe'], more: 0 },
        removed: { count: 0, names: [], more: 0 },
        changed: { count: 0, names: [], more: 0 },
        notable: true,
        text: 'Dovetail added 1 subprocessor: Stripe',
      },
      added: [{ name: 'Stripe', website: 'https://stripe.com', location: '' }],
      removed: [],
      changed: [],
      updated: null,
      confirmed: false,
    };
    await saveSource({ ...source('dovetail', bundled), history: [entry] });
    expect((await chunk(0)).additions).toEqual(expect.arrayContaining([['n:stripe', at]]));
  });

  it('are written with the bundled list when nothing is stored yet (rebuild on install)', async () => {
    await rebuildLookup();
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toBeUndefined();
    expect(head()).toMatchObject({ revision: null, shards: 1, vendorCount: bundled.vendors.length });
    expect(partKeys()).toEqual([siteShardKey(0), vendorChunkKey(0)]);
    expect((await viewRegister()).map((v) => v.name)).toEqual(bundled.vendors.map((v) => v.name));
  });

  it('follow a record written from outside when rebuilt, without touching the record', async () => {
    await saveSource(source('acme', large()));
    const outside = {
      schemaVersion: 2,
      revision: 7,
      sources: { dovetail: source('dovetail', { ...bundled, vendors: bundled.vendors.slice(0, 2) }) },
      removedBundled: [],
    };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: outside });
    await rebuildLookup();
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(outside);
    expect(head()).toMatchObject({ revision: 7, shards: 1, vendorCount: 2 });
    // The larger build's shards and chunks are cleared, not left behind.
    expect(partKeys()).toEqual([siteShardKey(0), vendorChunkKey(0)]);
  });

  it('leave out a damaged list of a record written from outside when rebuilt, as the full read does', async () => {
    // The rebuild does not check the merged register again (readStoreRecord checked each list):
    // a list damaged in storage is skipped there, and the full read says so.
    const damaged = { ...large(), vendors: [{ ...(large().vendors[0] as Vendor), website: 'not a url' }] };
    const outside = {
      schemaVersion: 3,
      revision: 4,
      sources: {
        dovetail: source('dovetail', { ...bundled, vendors: bundled.vendors.slice(0, 2) }),
        acme: source('acme', damaged),
      },
      removedBundled: [],
    };
    await fakeBrowser.storage.local.set({ [STORE_KEY]: outside });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await rebuildLookup();
    expect(errors).not.toHaveBeenCalled();
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(outside);
    expect(head()).toMatchObject({ revision: 4, shards: 1, vendorCount: 2 });
    const names = bundled.vendors.slice(0, 2).map((v) => v.name);
    expect((await viewRegister()).map((v) => v.name)).toEqual(names);
    const loaded = await loadList();
    expect(loaded.list.vendors.map((v) => v.name)).toEqual(names);
    expect(loaded.problem).toMatch(/^The saved list “acme” is damaged \(vendors\.0\.website/);
  });

  it('are marked stale at once when the record changed without them, until rebuilt', async () => {
    await saveSource(source('acme', large()));
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 2, revision: 9, sources: {} } });
    await markLookupStale();
    expect(head()).toMatchObject({ revision: 1, stale: true });
    expect(await readLookupHead()).toEqual({ kind: 'unusable' });
    await rebuildLookup();
    expect(head()).toMatchObject({ revision: 9 });
    expect(head().stale).toBeUndefined();
    expect((await readLookupHead()).kind).toBe('ready');
  });

  it('are not marked stale again after a rebuild asked for just after the mark', async () => {
    await saveSource(source('acme', large()));
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 2, revision: 9, sources: {} } });
    // As the worker does on hearing of the write: mark, then rebuild, without waiting in between.
    await Promise.all([markLookupStale(), rebuildLookup()]);
    expect(head()).toMatchObject({ revision: 9 });
    expect(head().stale).toBeUndefined();
    expect((await readLookupHead()).kind).toBe('ready');
  });

  it('keep the record when the views do not fit, with a head that says there are none', async () => {
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set')
      .mockImplementationOnce(async () => {
        throw new Error('Resource::kQuotaBytes quota exceeded');
      })
      .mockImplementation(set);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await saveSource(source('acme', large()));
    expect(errors).toHaveBeenCalled();
    expect((fakeBrowser.storage.local.peek(STORE_KEY) as { revision: number }).revision).toBe(1);
    expect(head()).toMatchObject({ revision: 1, shards: 0 });
    expect(partKeys()).toEqual([]);
    // The full read still has everything.
    expect((await loadList()).list.vendors).toHaveLength(bundled.vendors.length + 300);
  });

  it('make room for the record when they do not fit: the old views go before it is written', async () => {
    await saveSource(source('acme', large()));
    expect(partKeys().length).toBeGreaterThan(2);
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const partsAtEachSet: string[][] = [];
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      partsAtEachSet.push(partKeys());
      // Storage that is full with the old views: a write with new views does not fit.
      if (Object.keys(items).some((key) => key.startsWith(`${LOOKUP_KEY}.`)))
        throw new Error('Resource::kQuotaBytes quota exceeded');
      await set(items);
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await saveSource(source('acme', { ...large(), vendors: generateVendors(400, 4) }));
    expect(partsAtEachSet[0]?.length).toBeGreaterThan(2);
    expect(partsAtEachSet[1]).toEqual([]);
    expect(head()).toMatchObject({ revision: 2, shards: 0 });
    expect((await loadList()).list.vendors).toHaveLength(bundled.vendors.length + 400);
  });

  it('are left out, not the record, when the register fails its schema (validated on write)', async () => {
    // A writer that bypasses saveSource's check: the register made from it is refused.
    const bad = { ...large(), vendors: [{ ...(large().vendors[0] as Vendor), website: 'not a url' }] };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await updateStore((record) => {
      record.sources.acme = { ...snapshotSource('acme'), kind: 'file', list: bad };
      return record;
    });
    expect(String(errors.mock.calls[0]?.[1])).toMatch(/register fails its schema: vendors\.\d+\.website/);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toMatchObject({ revision: 1 });
    expect(head()).toMatchObject({ revision: 1, shards: 0 });
  });

  it('never change when a newer record refuses the write', async () => {
    await rebuildLookup();
    const before = head();
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 99, revision: 9 } });
    await expect(saveSource(source('acme', large()))).rejects.toThrow(/newer version/);
    expect(head()).toEqual(before);
  });
});

// Reading the read views: a host's vendor from its one shard, the whole register from every shard,
// and anything missing, damaged, from another build or another version read as unusable (the caller
// then reads the record), never as wrong data.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubprocessorList } from '../../../src/core/list';
import { chunkOf, shardOf } from '../../../src/core/site-shards';
import { LOOKUP_KEY, STORE_KEY, siteShardKey, vendorChunkKey } from '../../../src/platform/store/keys';
import {
  onStoreChanged,
  readLookupHead,
  readRegisterLookup,
  readSiteLookup,
  type StoreChange,
} from '../../../src/platform/store/lookup-read';
import type { LookupHead } from '../../../src/platform/store/lookup-write';
import { packJson, unpackJson } from '../../../src/platform/store/packed-json';
import { rebuildLookup } from '../../../src/platform/store/record-io';
import { loadList } from '../../../src/platform/store/register-read';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser, settle } from '../../support/fake-browser';
import { generateVendors } from '../../support/generate-vendors';
import { saveSource } from '../../support/save-source';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const large: SubprocessorList = {
  format: bundled.format,
  source: { title: 'Large', url: null, updated: '2026-11-01' },
  vendors: generateVendors(300, 5),
};

const local = fakeBrowser.storage.local;
const head = () => local.peek(LOOKUP_KEY) as LookupHead;
const shardKeyOf = (host: string) => siteShardKey(shardOf(host, head().shards));
/** The chunk key of the first vendor named `name` in the register. */
const chunkKeyOf = async (name: string) =>
  vendorChunkKey(
    chunkOf(
      (await loadList()).list.vendors.findIndex((v) => v.name === name),
      head().chunkSize,
    ),
  );

async function store(list = large): Promise<void> {
  await saveSource({ id: 'acme', title: 'Acme', url: null, fetchedAt: null, list });
}

async function expectUnusable(host = 'stripe.com'): Promise<void> {
  expect(await readSiteLookup(host)).toEqual({ unusable: true });
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

describe('readSiteLookup', () => {
  it("finds a host's vendor, a customer's site on a hosting vendor, or nothing, from its shard", async () => {
    await store();
    const chunk = await chunkKeyOf('Stripe');
    const get = vi.spyOn(local, 'get');
    const stripe = await readSiteLookup('dashboard.stripe.com');
    expect(stripe).toMatchObject({ found: { relation: 'vendor', domain: 'stripe.com' } });
    expect('found' in stripe && stripe.found.vendor?.name).toBe('Stripe');
    // Three small reads: the head, the host's shard, its vendor's chunk; never the record.
    expect(get.mock.calls).toEqual([[LOOKUP_KEY], [[shardKeyOf('stripe.com')]], [[chunk]]]);
    const hosted = await readSiteLookup('foo.herokuapp.com');
    expect(hosted).toMatchObject({ found: { relation: 'hosted-on', domain: 'herokuapp.com' } });
    expect(await readSiteLookup('example.org')).toMatchObject({ found: { vendor: null } });
    expect(await readSiteLookup(null)).toMatchObject({ head: head(), found: { vendor: null } });
  });

  it('finds what the full read finds for every host of the register', async () => {
    await store();
    const { list } = await loadList();
    for (const vendor of list.vendors.slice(0, 120)) {
      for (const domain of vendor.domains) {
        const view = await readSiteLookup(`www.${domain}`);
        expect('found' in view && view.found.vendor).toEqual(
          list.vendors.find((v) => v.domains.includes(domain)),
        );
      }
    }
  });

  it('is unusable without views, and withheld (no rebuild wanted) when they were left out on purpose', async () => {
    await expectUnusable();
    await store();
    await local.set({ [LOOKUP_KEY]: { ...head(), shards: 0 } });
    expect(await readSiteLookup('stripe.com')).toEqual({ unusable: false });
    expect(await readLookupHead()).toEqual({ kind: 'withheld' });
  });

  it('is unusable with a damaged head, one of another format, or one another version wrote', async () => {
    await store();
    const good = head();
    for (const bad of ['text', null, { ...good, stamp: 7 }, { ...good, shards: 3 }, { ...good, format: 1 }]) {
      await local.set({ [LOOKUP_KEY]: bad });
      await expectUnusable();
    }
    await local.set({ [LOOKUP_KEY]: { ...good, version: '0.0.9' } });
    expect(await readLookupHead()).toEqual({ kind: 'unusable' });
  });

  it('is unusable with a damaged shard or chunk: not packed, corrupted bytes, or the wrong shape', async () => {
    await store();
    const shardKey = shardKeyOf('stripe.com');
    const chunkKey = await chunkKeyOf('Stripe');
    const corrupt = (packed: string) =>
      `${packed.slice(0, 40)}${packed.slice(40, 80).split('').reverse().join('')}${packed.slice(80)}`;
    const shard = local.peek(shardKey) as string;
    const shardValue = (await unpackJson(shard)) as { entries: [string, number, number][] };
    const chunk = local.peek(chunkKey) as string;
    const chunkValue = (await unpackJson(chunk)) as { vendors: Record<string, unknown>[] };
    const damagedShards = [
      { entries: [] },
      'not base64!',
      corrupt(shard),
      await packJson({ ...shardValue, entries: shardValue.entries.map(([d]) => [d, 10_000_000, 0]) }),
      await packJson({ ...shardValue, entries: shardValue.entries.map(([d, at]) => [d, at, 'own']) }),
    ];
    for (const bad of damagedShards) {
      await local.set({ [shardKey]: bad });
      await expectUnusable();
    }
    await local.set({ [shardKey]: shard });
    const damagedChunks = [
      corrupt(chunk),
      await packJson({ ...chunkValue, vendors: chunkValue.vendors.map((v) => ({ ...v, name: 5 })) }),
      await packJson({
        ...chunkValue,
        vendors: chunkValue.vendors.map((v) => ({ ...v, flags: [{ id: 1 }] })),
      }),
      await packJson({ ...chunkValue, vendors: chunkValue.vendors.slice(1) }),
    ];
    for (const bad of damagedChunks) {
      await local.set({ [chunkKey]: bad });
      await expectUnusable();
    }
    await local.remove(chunkKey);
    await expectUnusable();
    await local.set({ [chunkKey]: chunk });
    expect(await readSiteLookup('stripe.com')).toMatchObject({ found: { domain: 'stripe.com' } });
  });

  it('is unusable with a shard or chunk of another build, and reads again when the views changed between its reads', async () => {
    await store();
    const oldHead = head();
    const shardKey = shardKeyOf('stripe.com');
    const chunkKey = await chunkKeyOf('Stripe');
    const oldShard = local.peek(shardKey);
    const oldChunk = local.peek(chunkKey);
    await store({ ...large, vendors: large.vendors.slice(1) });
    const newShard = local.peek(shardKey);
    const newChunk = local.peek(chunkKey);
    await local.set({ [shardKey]: oldShard });
    await expectUnusable();
    await local.set({ [shardKey]: newShard, [chunkKey]: oldChunk });
    await expectUnusable();
    await local.set({ [chunkKey]: newChunk });
    // The head is read, then a write lands before the shard is: the shard's stamp tells, and the
    // second try reads the new head with its shard.
    vi.spyOn(local, 'get').mockImplementationOnce(async () => ({ [LOOKUP_KEY]: oldHead }));
    const view = await readSiteLookup('stripe.com');
    expect('head' in view && view.head.stamp).toBe(head().stamp);
    expect('found' in view && view.found.vendor?.name).toBe('Stripe');
  });
});

describe('readRegisterLookup', () => {
  it('gives back the register of the full read', async () => {
    await store();
    const read = await readLookupHead();
    if (read.kind !== 'ready') throw new Error('no views');
    const view = await readRegisterLookup(read.head);
    expect(view?.list).toEqual((await loadList()).list);
  });

  it('is null when a chunk is missing, damaged or of another build', async () => {
    await store();
    const read = await readLookupHead();
    if (read.kind !== 'ready') throw new Error('no views');
    const key = vendorChunkKey(Math.ceil(read.head.vendorCount / read.head.chunkSize) - 1);
    const kept = local.peek(key);
    await local.remove(key);
    expect(await readRegisterLookup(read.head)).toBeNull();
    await local.set({ [key]: 'AAAA' });
    expect(await readRegisterLookup(read.head)).toBeNull();
    await local.set({ [key]: kept });
    expect(await readRegisterLookup({ ...read.head, stamp: 'another build' })).toBeNull();
  });
});

describe('onStoreChanged', () => {
  it('tells a write of record and views, a rebuild, and a record written without views', async () => {
    const seen: StoreChange[] = [];
    const stop = onStoreChanged((change) => seen.push(change));
    await store();
    await rebuildLookup();
    await local.set({ [STORE_KEY]: { schemaVersion: 2, revision: 9, sources: {} } });
    await local.set({ other: 1 });
    await fakeBrowser.storage.sync?.set({ [LOOKUP_KEY]: 1 });
    await settle();
    expect(seen).toEqual(['written', 'rebuilt', 'record']);
    stop();
    await store();
    expect(seen).toHaveLength(3);
  });
});

// What the worker remembers: the lookup parts it read (read once, forgotten when the tables
// change), the tables' rebuild (one per cause, none when they were left out on purpose), a record
// written without its tables (distrusted until a rebuild made from the latest such write; a lookup
// meanwhile waits for that rebuild, and reads the record the full way only when waiting cannot
// help), and the settings. Each test imports the module afresh, as a woken worker.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LOOKUP_KEY, SETTINGS_KEY, STORE_KEY, siteShardKey } from '../../src/platform/store/keys';
import type { LookupHead } from '../../src/platform/store/lookup-write';
import { bundled } from '../support/bundled-list';
import { fakeBrowser, settle } from '../support/fake-browser';
import { saveSource } from '../support/save-source';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

type State = typeof import('../../src/background/current-state');

async function freshWorker(): Promise<State> {
  vi.resetModules();
  return import('../../src/background/current-state');
}

const local = fakeBrowser.storage.local;
const head = () => local.peek(LOOKUP_KEY) as LookupHead | undefined;
const withoutHeroku = () => ({ ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') });
const store = (list = bundled) =>
  saveSource({ id: 'dovetail', title: 'D', url: null, fetchedAt: null, list });
/** A record written without its tables, as a test, the bench or devtools would. */
const writeFromOutside = (list = withoutHeroku(), revision = 7) =>
  local.set({
    [STORE_KEY]: {
      schemaVersion: 2,
      revision,
      sources: { dovetail: { id: 'dovetail', title: 'D', url: null, fetchedAt: null, list } },
    },
  });
const keysRead = (get: { mock: { calls: unknown[][] } }) =>
  get.mock.calls.flatMap(([keys]) => (Array.isArray(keys) ? keys : [keys]));
const vendorOf = async (state: State, host: string) => (await state.siteOf(host)).vendor?.name ?? null;
/** The full reads of the record (loadList reads it alone; a rebuild reads it with the head). */
const fullReads = (get: { mock: { calls: unknown[][] } }) =>
  get.mock.calls.filter(([keys]) => keys === STORE_KEY).length;
/** Holds the rebuild's write of the tables of `revision` until released. */
function holdRebuildOf(revision: number): () => void {
  const set = local.set.bind(local);
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.spyOn(local, 'set').mockImplementation(async (items) => {
    if ((items[LOOKUP_KEY] as LookupHead | undefined)?.revision === revision) await held;
    return set(items);
  });
  return release;
}

async function idle(): Promise<void> {
  for (let i = 0; i < 10; i++) await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
  vi.restoreAllMocks();
});

describe('siteOf from the tables', () => {
  it('reads the head, shard and chunk once, never the record', async () => {
    await store();
    const state = await freshWorker();
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'dashboard.stripe.com')).toBe('Stripe');
    const reads = get.mock.calls.length;
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(await vendorOf(state, 'example.org')).toBeNull();
    expect(get.mock.calls.length).toBe(reads); // one shard (a small register), one chunk: remembered
    expect(keysRead(get)).not.toContain(STORE_KEY);
    state.forgetViews();
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(get.mock.calls.length).toBeGreaterThan(reads);
  });

  it('tries once more from the head when a part is of another build than the head it read', async () => {
    await store();
    const old = head();
    await store(withoutHeroku());
    const state = await freshWorker();
    // The head read just before the write above landed: its shard is of the newer build.
    const get = vi.spyOn(local, 'get').mockResolvedValueOnce({ [LOOKUP_KEY]: old });
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    expect(keysRead(get).filter((key) => key === LOOKUP_KEY)).toHaveLength(2);
    expect(keysRead(get)).not.toContain(STORE_KEY);
  });
});

describe('siteOf without usable tables', () => {
  it('rebuilds the tables and answers from them once rebuilt, not from the record', async () => {
    await writeFromOutside(withoutHeroku(), 4);
    const state = await freshWorker();
    const waited = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(head()).toMatchObject({ revision: 4 }); // answered after the rebuild landed
    expect(fullReads(waited)).toBe(0);
    waited.mockRestore();
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    await vi.waitFor(() =>
      expect(head()).toMatchObject({ revision: 4, vendorCount: bundled.vendors.length - 1 }),
    );
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(keysRead(get)).not.toContain(STORE_KEY);
  });

  it('asks for one rebuild per cause, not one per navigation', async () => {
    await store();
    await local.set({ [siteShardKey(0)]: 'damaged' });
    const state = await freshWorker();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const set = vi.spyOn(local, 'set').mockRejectedValue(new Error('refused')); // no rebuild lands
    const remove = vi.spyOn(local, 'remove').mockResolvedValue(undefined);
    for (const host of ['heroku.com', 'stripe.com', 'heroku.com']) await state.siteOf(host);
    await idle();
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    // One rebuild: its write, its write without tables (with the pages summary), and without both.
    expect(set).toHaveBeenCalledTimes(3);
    expect(errors).toHaveBeenCalled();
    remove.mockRestore();
  });

  it('reads the record when the rebuild of unusable tables fails', async () => {
    await writeFromOutside(withoutHeroku(), 4);
    const state = await freshWorker();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const set = vi.spyOn(local, 'set').mockRejectedValue(new Error('refused')); // no rebuild lands
    vi.spyOn(local, 'remove').mockResolvedValue(undefined);
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(fullReads(get)).toBe(1);
    // The full read came after the rebuild's writes failed: it waited for them.
    const fullRead = get.mock.calls.findIndex(([keys]) => keys === STORE_KEY);
    expect(get.mock.invocationCallOrder[fullRead]).toBeGreaterThan(Math.max(...set.mock.invocationCallOrder));
    expect(errors).toHaveBeenCalled();
  });

  it('reads the record without a rebuild when the tables were left out on purpose', async () => {
    await store(withoutHeroku());
    const withheld = { ...(head() as LookupHead), shards: 0 };
    await local.set({ [LOOKUP_KEY]: withheld });
    const state = await freshWorker();
    const set = vi.spyOn(local, 'set');
    expect(await vendorOf(state, 'stripe.com')).toBe('Stripe');
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    await idle();
    expect(set).not.toHaveBeenCalled();
    expect(head()).toEqual(withheld);
  });
});

describe('a record written without its tables', () => {
  it('is read the full way while no rebuild runs, and marks the stored tables stale for the next worker', async () => {
    await store();
    const state = await freshWorker();
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    await writeFromOutside();
    state.distrustViews();
    expect(await vendorOf(state, 'heroku.com')).toBeNull(); // the record, not the old tables
    await vi.waitFor(() => expect(head()?.stale).toBe(true));
    state.requestRebuild(true);
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: 7 }));
    expect(head()?.stale).toBeUndefined();
    await idle();
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    expect(keysRead(get)).not.toContain(STORE_KEY);
  });

  it('waits for the running rebuild and then reads its tables, not the record', async () => {
    await store();
    const state = await freshWorker();
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    await writeFromOutside();
    const get = vi.spyOn(local, 'get');
    state.distrustViews();
    state.requestRebuild(true);
    expect(await vendorOf(state, 'heroku.com')).toBeNull(); // the new register, not the old tables
    expect(head()).toMatchObject({ revision: 7 }); // answered after the rebuild landed
    expect(head()?.stale).toBeUndefined();
    expect(fullReads(get)).toBe(0);
  });

  it('reads the record when the rebuild it waited for fails', async () => {
    await store();
    const state = await freshWorker();
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    await writeFromOutside();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const set = vi.spyOn(local, 'set').mockRejectedValue(new Error('refused'));
    vi.spyOn(local, 'remove').mockResolvedValue(undefined);
    const get = vi.spyOn(local, 'get');
    state.distrustViews();
    state.requestRebuild(true);
    expect(await vendorOf(state, 'heroku.com')).toBeNull(); // the record, not the old tables
    expect(fullReads(get)).toBe(1);
    const fullRead = get.mock.calls.findIndex(([keys]) => keys === STORE_KEY);
    expect(get.mock.invocationCallOrder[fullRead]).toBeGreaterThan(Math.max(...set.mock.invocationCallOrder));
    expect(errors).toHaveBeenCalled();
    expect(head()?.revision).toBe(1); // the old tables, which it did not trust
  });

  it('reads the record when the rebuild it waits for does not land in time, and trusts it once landed', async () => {
    await store();
    const state = await freshWorker();
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    const release = holdRebuildOf(7);
    await writeFromOutside();
    state.distrustViews();
    state.requestRebuild(true);
    await idle(); // the rebuild is held at its write
    const get = vi.spyOn(local, 'get');
    vi.useFakeTimers();
    try {
      const answer = vendorOf(state, 'heroku.com');
      await vi.advanceTimersByTimeAsync(state.REBUILD_WAIT_MS - 1);
      expect(fullReads(get)).toBe(0); // still waiting
      await vi.advanceTimersByTimeAsync(1);
      expect(await answer).toBeNull(); // the record's register, not the old tables
      expect(fullReads(get)).toBe(1);
    } finally {
      vi.useRealTimers();
    }
    release();
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: 7 }));
    get.mockClear();
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    expect(fullReads(get)).toBe(0); // the rebuilt tables answer
  });

  it('reads the record when written again from outside while it waited for the rebuild', async () => {
    await store(withoutHeroku());
    const state = await freshWorker();
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    const release = holdRebuildOf(7);
    await writeFromOutside(bundled, 7);
    state.distrustViews();
    state.requestRebuild(true);
    const answer = vendorOf(state, 'heroku.com'); // waits for the rebuild of revision 7
    await idle(); // that rebuild read revision 7 and is held at its write
    await writeFromOutside(withoutHeroku(), 8);
    state.distrustViews();
    state.requestRebuild(true);
    const get = vi.spyOn(local, 'get');
    release();
    expect(await answer).toBeNull(); // revision 8's register: neither the tables of 1 nor of 7
    expect(fullReads(get)).toBe(1);
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: 8 }));
  });

  it('reads the record at once when the running rebuild began before the latest write', async () => {
    await store(withoutHeroku());
    const state = await freshWorker();
    const release = holdRebuildOf(7);
    await writeFromOutside(bundled, 7);
    state.distrustViews();
    state.requestRebuild(true);
    await idle(); // the rebuild of revision 7 is held at its write
    await writeFromOutside(withoutHeroku(), 8);
    state.distrustViews();
    state.requestRebuild(true);
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'heroku.com')).toBeNull(); // answered while that rebuild is held
    expect(fullReads(get)).toBe(1);
    expect(head()).toMatchObject({ revision: 1 });
    release();
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: 8 }));
  });

  it('stays distrusted when written again during the rebuild, until the rebuild after it', async () => {
    await store();
    const state = await freshWorker();
    await writeFromOutside(withoutHeroku(), 7);
    state.distrustViews();
    state.requestRebuild(true);
    await writeFromOutside(bundled, 8); // lands after the running rebuild read the record
    state.distrustViews();
    state.requestRebuild(true);
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    await vi.waitFor(() => expect(head()).toMatchObject({ revision: 8 }));
    await idle();
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'heroku.com')).toBe('Heroku');
    expect(keysRead(get)).not.toContain(STORE_KEY);
  });

  it('is trusted again at once after a write by the store code', async () => {
    await store();
    const state = await freshWorker();
    await writeFromOutside();
    state.distrustViews();
    await store(withoutHeroku());
    state.forgetViews(true);
    const get = vi.spyOn(local, 'get');
    expect(await vendorOf(state, 'heroku.com')).toBeNull();
    expect(keysRead(get)).not.toContain(STORE_KEY);
  });
});

describe('currentSettings', () => {
  it('reads the settings once, and then takes the ones it is given', async () => {
    await fakeBrowser.storage.sync?.set({ [SETTINGS_KEY]: { badge: false } });
    const state = await freshWorker();
    const get = vi.spyOn(fakeBrowser.storage.sync as NonNullable<typeof fakeBrowser.storage.sync>, 'get');
    expect((await state.currentSettings()).badge).toBe(false);
    expect((await state.currentSettings()).badge).toBe(false);
    expect(get).toHaveBeenCalledTimes(1);
    state.useSettings({ ...(await state.currentSettings()), badge: true });
    expect((await state.currentSettings()).badge).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

// The options page's commands, sent as the page sends them (platform/messages.ts over the runtime)
// and served by the background's handlers, against a real local HTTP server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/commands';
import { emptyReview, reviewLookup } from '../../src/core/register/review-state';
import {
  addSource,
  confirmHeld,
  discardHeld,
  importList,
  refreshSource,
  removeSource,
} from '../../src/platform/messages';
import { serveRequests } from '../../src/platform/serve-requests';
import { STORE_KEY } from '../../src/platform/store/keys';
import { loadList } from '../../src/platform/store/register-read';
import { loadReviews, saveReview } from '../../src/platform/store/reviews';
import { loadHistory, loadSources } from '../../src/platform/store/source-summaries';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';
import { visible } from '../support/visible';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

// The prose and link readers answer "medium" or "low"; here the real parse of a sections list is
// taken as such, to test what the commands do with any result read from cues.
const lowered = vi.hoisted(() => ({ confidence: null as null | 'medium' | 'low' }));
vi.mock('../../src/core/parse/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/parse/index')>();
  return {
    ...real,
    parse: (...args: Parameters<typeof real.parse>) => {
      const result = real.parse(...args);
      return result.ok && lowered.confidence ? { ...result, confidence: lowered.confidence } : result;
    },
  };
});

const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');
const acmeNotes = readFileSync('tests/fixtures/refresh/acme-notes.md', 'utf8');

let server: ListServer;

beforeAll(async () => {
  server = await startListServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  lowered.confidence = null;
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', localFetch);
  serveRequests(handlers);
});

const names = async () => (await loadList()).list.vendors.map((v) => v.name);

describe('addSource', () => {
  it('adds a source by address, fetches it at once, and merges it into the register', async () => {
    server.answer('/acme', { kind: 'body', body: acmeNotes });
    const reply = await addSource(server.url('/acme'), 'Acme');
    expect(reply).toMatchObject({ ok: true, sourceId: '127-0-0-1' });
    expect(reply.reports).toEqual([expect.objectContaining({ outcome: 'first', title: 'Acme' })]);
    expect(reply.message).toMatch(/^First list stored: \d+ vendors\.$/);
    const views = await loadSources();
    expect(views.map((v) => [v.id, v.origin, v.title])).toEqual([
      ['dovetail', 'bundled', 'Dovetail'],
      ['127-0-0-1', 'fetched', 'Acme'],
    ]);
    const register = (await loadList()).list;
    expect(register.source.title).toBe('Dovetail, Acme');
    expect(register.vendors.some((v) => v.listedBy?.some((l) => l.sourceId === '127-0-0-1'))).toBe(true);
  });

  it('keeps a source whose first fetch failed, with the reason, until it is removed', async () => {
    server.answer('/down', { kind: 'body', body: 'no', status: 500 });
    const reply = await addSource(server.url('/down'));
    expect(reply.ok).toBe(true);
    expect(reply.message).toBe('The source answered with an error (HTTP 500). This source has no list yet.');
    const view = (await loadSources()).find((v) => v.id === reply.sourceId);
    expect(view).toMatchObject({ origin: 'none', vendorCount: 0, title: '127.0.0.1' });
    expect(view?.retryAt).not.toBeNull();
  });

  it('refuses an address that is not http(s), and one already followed', async () => {
    expect(await addSource('ftp://example.com/list')).toMatchObject({
      ok: false,
      message: 'Enter an http or https address, such as https://example.com/legal/subprocessors.',
    });
    expect((await addSource('not a url')).ok).toBe(false);
    expect(await addSource('https://dovetailapp.com/legal/data-subprocessors')).toMatchObject({
      ok: false,
      message: '“Dovetail” already follows this address.',
    });
  });
});

describe('removeSource', () => {
  it('removes an added source and gives back its origin permission', async () => {
    server.answer('/acme', { kind: 'body', body: acmeNotes });
    await fakeBrowser.permissions.request({ origins: ['http://127.0.0.1/*'] });
    const { sourceId } = await addSource(server.url('/acme'));
    expect(await removeSource(sourceId ?? '')).toMatchObject({
      ok: true,
      message: '“127.0.0.1” was removed.',
    });
    expect((await loadSources()).map((v) => v.id)).toEqual(['dovetail']);
    expect(fakeBrowser.grantedOrigins()).toEqual(['https://dovetailapp.com/*']);
  });

  it('gives back the origin its address redirected to as well, unless another source uses it', async () => {
    server.answer('/acme', { kind: 'body', body: acmeNotes });
    const { sourceId } = await addSource(server.url('/acme'));
    const id = sourceId ?? '';
    const record = structuredClone(fakeBrowser.storage.local.peek(STORE_KEY)) as {
      sources: Record<string, Record<string, unknown>>;
    };
    (record.sources[id] as Record<string, unknown>).redirectedTo = 'https://cdn.other.example/acme.md';
    await fakeBrowser.storage.local.set({ [STORE_KEY]: record });
    await fakeBrowser.permissions.request({ origins: ['https://cdn.other.example/*'] });
    await removeSource(id);
    expect(fakeBrowser.grantedOrigins()).toEqual(['https://dovetailapp.com/*']);
  });

  it('removes the bundled source for good, and adding its address again brings it back', async () => {
    await removeSource('dovetail');
    expect(await loadSources()).toEqual([]);
    expect(await names()).toEqual([]);
    // The manifest's own host permission stays.
    expect(fakeBrowser.grantedOrigins()).toEqual(['https://dovetailapp.com/*']);
    const reply = await addSource('https://dovetailapp.com/legal/data-subprocessors');
    expect(reply.sourceId).toBe('dovetail');
    expect((await loadSources()).map((v) => v.id)).toEqual(['dovetail']);
  });

  it('answers an unknown source with a clear message', async () => {
    expect(await removeSource('nope')).toMatchObject({ ok: false, message: 'There is no source “nope”.' });
  });

  it('keeps the team’s reviews of its vendors: a vendor that comes back finds its notes', async () => {
    const stripe = (await loadList()).list.vendors.find((v) => v.name === 'Stripe');
    if (!stripe) throw new Error('no Stripe');
    await saveReview(stripe, { ...emptyReview(stripe), status: 'approved', notes: 'SCCs signed' });
    await removeSource('dovetail');
    expect(await names()).toEqual([]);
    await addSource('https://dovetailapp.com/legal/data-subprocessors');
    const back = (await loadList()).list.vendors.find((v) => v.name === 'Stripe');
    if (!back) throw new Error('Stripe did not come back');
    expect(reviewLookup((await loadReviews()).reviews).find(back)?.review).toMatchObject({
      status: 'approved',
      notes: 'SCCs signed',
    });
  });
});

describe('held results', () => {
  async function holdOne(): Promise<string> {
    server.answer('/d', { kind: 'body', body: refreshed });
    const { sourceId } = await addSource(server.url('/d'), 'Mirror');
    server.answer('/d', { kind: 'body', body: refreshed.split('\n## ').slice(0, 2).join('\n## ') });
    const reply = await refreshSource(sourceId ?? '');
    expect(reply.reports[0]?.outcome).toBe('held');
    return sourceId ?? '';
  }

  it('confirmHeld applies it with a confirmed history entry', async () => {
    const id = await holdOne();
    expect((await loadSources()).find((v) => v.id === id)?.held).toMatchObject({
      before: 7,
      after: 1,
      removed: 6,
    });
    const reply = await confirmHeld(id);
    expect(reply.ok).toBe(true);
    expect(visible(reply.message)).toMatch(
      /^Applied after your confirmation: Mirror removed 6 subprocessors: /,
    );
    const view = (await loadSources()).find((v) => v.id === id);
    expect(view).toMatchObject({ held: null, vendorCount: 1 });
    const [entry] = await loadHistory();
    expect(entry).toMatchObject({ sourceId: id, confirmed: true });
    expect(entry?.removed).toHaveLength(6);
    expect(await confirmHeld(id)).toMatchObject({
      ok: false,
      message: '“Mirror” has no result waiting for confirmation.',
    });
  });

  it('discardHeld drops it and keeps the list', async () => {
    const id = await holdOne();
    expect(await discardHeld(id)).toMatchObject({
      ok: true,
      message: 'The held version was discarded; the current list stays in use.',
    });
    expect((await loadSources()).find((v) => v.id === id)).toMatchObject({ held: null, vendorCount: 7 });
  });
});

describe('importList', () => {
  it('makes a source without address from a file, and a re-import of the same file records the change', async () => {
    const first = await importList(acmeNotes, 'acme-notes.md');
    expect(first).toMatchObject({ ok: true, sourceId: 'acme-notes' });
    const view = (await loadSources()).find((v) => v.id === 'acme-notes');
    expect(view).toMatchObject({
      origin: 'imported',
      url: null,
      fileName: 'acme-notes.md',
      title: 'acme-notes',
    });
    expect(view?.importedAt).not.toBeNull();
    const second = await importList(refreshed, 'acme-notes.md');
    expect(second.sourceId).toBe('acme-notes');
    expect((await loadSources()).filter((v) => v.origin === 'imported')).toHaveLength(1);
    const history = await loadHistory();
    expect(history[0]).toMatchObject({ sourceId: 'acme-notes', confirmed: true });
    expect(await refreshSource('acme-notes')).toMatchObject({
      ok: false,
      message:
        '“acme-notes” was imported from a file and has no address to refresh from. Import the file again to update it.',
    });
  });

  it("cleans the file's name before it becomes the source's title: no right-to-left override", async () => {
    // Shown raw, "acme\u202Edm.txt" reads as "acmetxt.md".
    const reply = await importList(acmeNotes, 'C:\\Users\\me\\acme\u202Edm.txt\u202C\u200B.md');
    expect(reply.ok).toBe(true);
    const view = (await loadSources()).find((v) => v.id === reply.sourceId);
    expect(view).toMatchObject({ title: 'acmedm.txt', fileName: 'acmedm.txt.md' });
    expect(reply.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
  });

  it('cleans the title given for an address too', async () => {
    server.answer('/acme', { kind: 'body', body: acmeNotes });
    const reply = await addSource(server.url('/acme'), ' Acme\u202E Notes\n');
    expect((await loadSources()).find((v) => v.id === reply.sourceId)?.title).toBe('Acme Notes');
  });

  it('refuses a file with no vendors and stores nothing', async () => {
    const reply = await importList('Just some notes.', 'notes.txt');
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(/^notes\.txt could not be imported: /);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toBeUndefined();
  });
});

describe('refresh all', () => {
  it('fetches every source with an address and reports each', async () => {
    server.answer('/a', { kind: 'body', body: refreshed });
    server.answer('/b', { kind: 'body', body: 'down', status: 503 });
    await addSource(server.url('/a'), 'A');
    await addSource(server.url('/b'), 'B');
    await importList(acmeNotes, 'acme.md');
    const reply = await refreshSource('all');
    expect(reply.ok).toBe(true);
    // The bundled source points at dovetailapp.com, offline here: an error, and its list is kept.
    expect(reply.reports.map((r) => [r.title, r.outcome])).toEqual([
      ['Dovetail', 'network-error'],
      ['A', 'unchanged'],
      ['B', 'http-error'],
    ]);
    expect(reply.message).toBe('Refreshed 3 sources.');
  });
});

describe('the protocol', () => {
  it('answers a malformed request with ok: false and the reason', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({
      to: 'lens-background',
      type: 'removeSource',
      id: 7,
    });
    expect(reply).toEqual({
      ok: false,
      message: expect.stringMatching(/^Bad request: id: /),
      sourceId: null,
      reports: [],
    });
    const unknown = await fakeBrowser.runtime.sendMessage({ to: 'lens-background', type: 'format-disk' });
    expect(unknown).toMatchObject({ ok: false, message: expect.stringMatching(/^Bad request/) });
  });

  it('refuses to overwrite saved lists from a newer version', async () => {
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 9, revision: 1 } });
    expect(await importList(acmeNotes, 'acme.md')).toMatchObject({
      ok: false,
      message:
        'Your saved lists were written by a newer version of Subprocessor Lens (storage version 9). Update the extension to change them.',
    });
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual({ schemaVersion: 9, revision: 1 });
  });
});

describe('a list read with less than high confidence is a preview', () => {
  it('an import waits for Keep, then becomes the source’s list', async () => {
    lowered.confidence = 'low';
    const reply = await importList(acmeNotes, 'acme-notes.md');
    expect(reply).toMatchObject({ ok: true, sourceId: 'acme-notes' });
    expect(reply.message).toMatch(
      /^Read by labelled sections, \d+ vendors: it waits for you to keep or discard it/,
    );
    const view = (await loadSources()).find((v) => v.id === 'acme-notes');
    expect(view).toMatchObject({
      origin: 'imported',
      vendorCount: 0,
      held: { reason: 'preview', reader: 'sections', confidence: 'low', before: 0, removed: 0 },
    });
    const count = view?.held?.after ?? 0;
    expect(count).toBeGreaterThan(0);
    expect(view?.held?.summary.added.count).toBe(count);
    expect((await confirmHeld('acme-notes')).ok).toBe(true);
    expect((await loadSources()).find((v) => v.id === 'acme-notes')).toMatchObject({
      origin: 'imported',
      held: null,
      vendorCount: count,
    });
  });

  it('Discard on a first import leaves no empty source behind', async () => {
    lowered.confidence = 'medium';
    await importList(acmeNotes, 'acme-notes.md');
    expect((await discardHeld('acme-notes')).ok).toBe(true);
    expect((await loadSources()).find((v) => v.id === 'acme-notes')).toBeUndefined();
  });

  it('an added source keeps no list until the user keeps the preview; the same list again applies', async () => {
    lowered.confidence = 'low';
    server.answer('/p', { kind: 'body', body: refreshed });
    const { sourceId } = await addSource(server.url('/p'), 'Prose');
    const id = sourceId ?? '';
    expect((await loadSources()).find((v) => v.id === id)).toMatchObject({
      vendorCount: 0,
      held: { reason: 'preview', after: 7 },
    });
    await confirmHeld(id);
    expect((await loadSources()).find((v) => v.id === id)).toMatchObject({ vendorCount: 7, held: null });
    const again = await refreshSource(id);
    expect(again.reports[0]?.outcome).toBe('unchanged');
  });
});

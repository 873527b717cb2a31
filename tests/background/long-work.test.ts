// Long work in the worker says what it does and how far it is, step by step, in storage.session
// (where any options page reads it), and ends with its outcome: refreshing every source, importing a
// large file, the first load of a newly added list.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/commands';
import { LIST_FORMAT } from '../../src/core/list';
import { addSource, importList, refreshSource } from '../../src/platform/messages';
import { loadProgress, type Progress, STALE_AFTER_MS, saveProgress } from '../../src/platform/progress';
import { serveRequests } from '../../src/platform/serve-requests';
import { PROGRESS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

/** A v1 register of `count` vendors, as a team exports it. */
function bigRegister(count: number): string {
  const vendors = Array.from({ length: count }, (_, i) => ({
    ...bundled.vendors[i % bundled.vendors.length],
    name: `Vendor ${i + 1}`,
    website: `https://vendor-${i + 1}.example.com`,
    domains: [`vendor-${i + 1}.example.com`],
  }));
  return JSON.stringify({
    format: LIST_FORMAT,
    source: { title: 'Acme', url: null, updated: '2026-11-30' },
    vendors,
  });
}

let server: ListServer;
/** Every state the worker stored, in order, as a page listening to storage.session sees them. */
let seen: Progress[];

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
  serveRequests(handlers);
  seen = [];
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    const value = changes[PROGRESS_KEY]?.newValue as Record<string, Progress> | undefined;
    if (area !== 'session' || !value) return;
    for (const p of Object.values(value)) {
      const last = seen.filter((s) => s.task === p.task).at(-1);
      if (JSON.stringify(last) !== JSON.stringify(p)) seen.push(p);
    }
  });
});

const steps = (task: Progress['task']) =>
  seen.filter((p) => p.task === task).map((p) => [p.state, p.text, p.done, p.total, p.outcome]);

describe('refreshing every source', () => {
  it('says which source of how many it reads, with its vendor count, then how it ended', async () => {
    server.answer('/acme', {
      kind: 'body',
      body: bigRegister(30),
      headers: { 'content-type': 'application/json' },
    });
    await addSource(server.url('/acme'), 'Acme');
    server.answer('/acme', { kind: 'body', body: 'down', status: 503 });
    seen = [];
    const reply = await refreshSource('all');
    expect(steps('refresh-all')).toEqual([
      ['running', 'Refreshing 1 of 2 sources: Reading Dovetail’s list…', 0, 2, null],
      ['running', 'Refreshing 2 of 2 sources: Reading Acme’s list…', 1, 2, null],
      [
        'done',
        'Refreshing 2 of 2 sources: Reading Acme’s list…',
        2,
        2,
        expect.stringMatching(/^Dovetail: .+ Acme: The source answered with an error \(HTTP 503\)/),
      ],
    ]);
    const [done] = await loadProgress();
    expect(done).toMatchObject({ task: 'refresh-all', state: 'done', tone: 'error' });
    expect(reply.reports.map((r) => r.outcome)).toEqual(['network-error', 'http-error']);
  });
});

describe('work that breaks off', () => {
  it('ends as a failure, so no page waits on it', async () => {
    // A record from a newer version: the refresh may not overwrite it, and throws.
    await fakeBrowser.storage.local.set({ [STORE_KEY]: { schemaVersion: 99, revision: 1, sources: {} } });
    const reply = await refreshSource('all');
    expect(reply.ok).toBe(false);
    expect(await loadProgress()).toEqual([
      expect.objectContaining({ task: 'refresh-all', state: 'done', tone: 'error', outcome: reply.message }),
    ]);
  });
});

describe('the first load of a big list', () => {
  it('reads "Reading Acme’s list… 1,200 vendors" before it stores them', async () => {
    server.answer('/big', {
      kind: 'body',
      body: bigRegister(1200),
      headers: { 'content-type': 'application/json' },
    });
    const reply = await addSource(server.url('/big'), 'Acme');
    expect(reply.message).toBe('First list stored: 1200 vendors.');
    expect(steps('add')).toEqual([
      ['running', 'Reading Acme’s list…', 0, 1, null],
      ['running', 'Reading Acme’s list… 1,200 vendors', 0, 1, null],
      ['done', 'Reading Acme’s list… 1,200 vendors', 1, 1, 'First list stored: 1200 vendors.'],
    ]);
  }, 30_000);
});

describe('importing a large file', () => {
  it('says it reads the file, how many vendors it found, and how it ended', async () => {
    const reply = await importList(bigRegister(1200), 'acme-register.json');
    expect(reply.ok).toBe(true);
    expect(steps('import')).toEqual([
      ['running', 'Reading acme-register.json…', 0, 1, null],
      ['running', 'Reading acme-register.json… 1,200 vendors', 0, 1, null],
      ['done', 'Reading acme-register.json… 1,200 vendors', 1, 1, reply.message],
    ]);
  }, 30_000);

  it('ends a file that is not a list with the reason, as an error', async () => {
    const reply = await importList('just some words', 'notes.txt');
    expect(reply.ok).toBe(false);
    expect(seen.at(-1)).toMatchObject({
      task: 'import',
      state: 'done',
      tone: 'error',
      outcome: reply.message,
    });
  });
});

describe('loadProgress', () => {
  const running = (updatedAt: number): Progress => ({
    task: 'refresh-all',
    state: 'running',
    text: 'Refreshing 1 of 2 sources: Reading Acme’s list…',
    done: 0,
    total: 2,
    outcome: null,
    tone: 'info',
    startedAt: updatedAt,
    updatedAt,
  });

  it('leaves out running work not heard of for a while (the worker stopped), and damaged entries', async () => {
    const now = 1_000_000_000;
    await saveProgress(running(now - STALE_AFTER_MS - 1));
    expect(await loadProgress(now)).toEqual([]);
    await saveProgress(running(now - 1000));
    expect(await loadProgress(now)).toEqual([running(now - 1000)]);
    await fakeBrowser.storage.session.set({ [PROGRESS_KEY]: { import: { task: 'import', text: 7 } } });
    expect(await loadProgress(now)).toEqual([]);
  });
});

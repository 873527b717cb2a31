// The popup's page commands and the visit re-read against a fake browser whose tabs render pages,
// and a real local HTTP server for the scheduled refresh's static fetch: a page is previewed,
// followed (its list in the register and history at once), kept when its static fetch is a
// JavaScript shell, and re-read on a visit through the refresh's judge.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/commands';
import { followPage, inspectPage, previewOf } from '../../src/background/page-commands';
import { refreshOne } from '../../src/background/refresh-runner';
import { revisitFollowed } from '../../src/background/revisit-page';
import { MAX_CAPTURE_CHARS } from '../../src/platform/capture-page';
import type { StoredSource } from '../../src/platform/store/record';
import { readFollowedPages, readStore } from '../../src/platform/store/record-io';
import { loadList } from '../../src/platform/store/register-read';
import { loadHistory, loadSources } from '../../src/platform/store/source-summaries';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { type ListServer, localFetch, startListServer } from '../support/list-server';
import { footerLinkPage, pageVendors, renderedListPage, shellPage } from '../support/rendered-pages';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

let server: ListServer;
let pageUrl = '';
const TAB = 5;
const ORIGIN = 'http://127.0.0.1/*';

beforeAll(async () => {
  server = await startListServer();
  pageUrl = server.url('/trust/subprocessors');
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', localFetch);
  fakeBrowser.setTabs([{ id: TAB, url: pageUrl, active: true }]);
});

const showList = (count: number, from = 1) =>
  fakeBrowser.setPage(TAB, {
    html: renderedListPage(pageVendors(count, from)),
    title: 'Subprocessors | Acme Trust Center',
    siteName: 'Acme',
  });

async function followed(): Promise<StoredSource> {
  const read = await readStore();
  if (read.kind !== 'ok') throw new Error(read.kind);
  const found = Object.values(read.record.sources).find((s) => s.url === pageUrl);
  if (!found) throw new Error('not followed');
  return found;
}

const registerNames = async () => (await loadList()).list.vendors.map((v) => v.name);

describe('inspectPage', () => {
  it('previews a list: count, first names, reader, confidence and the title it would get', async () => {
    showList(23);
    const reply = await inspectPage({ tabId: TAB });
    expect(reply.ok).toBe(true);
    expect(reply.page).toEqual({
      state: 'list',
      url: pageUrl,
      title: 'Subprocessors | Acme Trust Center',
      list: {
        count: 23,
        names: ['Vendor 1 Ltd', 'Vendor 2 Ltd', 'Vendor 3 Ltd', 'Vendor 4 Ltd', 'Vendor 5 Ltd'],
        reader: 'table',
        confidence: 'high',
      },
      links: [],
      followedId: null,
    });
  });

  it('offers the footer link of a page that is not a list', async () => {
    fakeBrowser.setPage(TAB, { html: footerLinkPage(), title: 'Pricing' });
    const { page } = await inspectPage({ tabId: TAB });
    expect(page?.state).toBe('links');
    expect(page?.links).toEqual([
      { url: server.url('/legal/subprocessors'), text: 'Subprocessors', kind: 'list' },
    ]);
  });

  it('says nothing of a shell, a page that refuses scripting, or a page over 5 MB', async () => {
    fakeBrowser.setPage(TAB, { html: shellPage() });
    expect((await inspectPage({ tabId: TAB })).page?.state).toBe('none');
    fakeBrowser.setPage(TAB, null); // a browser page, a store, a PDF viewer
    expect((await inspectPage({ tabId: TAB })).page).toMatchObject({ state: 'refused', url: null });
    fakeBrowser.setPage(TAB, { html: `<p>${'x'.repeat(MAX_CAPTURE_CHARS)}</p>` });
    expect((await inspectPage({ tabId: TAB })).page?.state).toBe('too-large');
    expect((await previewOf({ kind: 'refused' }, null)).state).toBe('refused');
  });
});

describe('followPage', () => {
  it('adds the page as a source: its list in the register and the history at once', async () => {
    showList(23);
    const reply = await followPage({ tabId: TAB });
    expect(reply).toMatchObject({ ok: true, sourceId: '127-0-0-1' });
    const source = await followed();
    expect(source).toMatchObject({
      title: 'Subprocessors | Acme Trust Center',
      kind: 'url',
      readOnVisit: false,
      lastAttempt: { outcome: 'first' },
    });
    expect(source.list?.vendors).toHaveLength(23);
    expect(source.capturedAt).not.toBeNull();
    expect(await registerNames()).toEqual(expect.arrayContaining(['Vendor 1 Ltd', 'Vendor 23 Ltd']));
    const [entry] = await loadHistory();
    expect(entry?.summary.added.count).toBe(23);
    expect(entry?.listTitle).toBe('Subprocessors | Acme Trust Center');
    expect(await readFollowedPages()).toEqual([pageUrl]);
    // The popup opened there again knows it is followed.
    expect((await inspectPage({ tabId: TAB })).page?.followedId).toBe('127-0-0-1');
    // Following it again adds nothing.
    expect((await followPage({ tabId: TAB })).sourceId).toBe('127-0-0-1');
    expect((await loadSources()).filter((s) => s.url === pageUrl)).toHaveLength(1);
  });

  it('refuses a page that no longer holds a list, storing nothing', async () => {
    fakeBrowser.setPage(TAB, { html: shellPage() });
    const reply = await followPage({ tabId: TAB });
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(/No subprocessor list/);
    expect((await loadSources()).map((s) => s.id)).toEqual(['dovetail']);
  });

  it('leaves a source added by its address to its fetch when the popup is opened on its page', async () => {
    server.answer('/trust/subprocessors', {
      kind: 'body',
      body: renderedListPage(pageVendors(4)),
      headers: { 'content-type': 'text/html', 'access-control-allow-origin': '*' },
    });
    expect((await handlers.addSource({ url: pageUrl })).ok).toBe(true);
    showList(9);
    const { page } = await inspectPage({ tabId: TAB });
    expect(page?.followedId).toBe('127-0-0-1');
    expect((await followed()).list?.vendors).toHaveLength(4);
    expect((await followed()).capturedAt).toBeNull();
  });

  it('is served as a command of the background (the popup asks through messages)', () => {
    expect(handlers.followPage).toBe(followPage);
    expect(handlers.inspectPage).toBe(inspectPage);
  });
});

describe('keeping a followed page current', () => {
  beforeEach(async () => {
    showList(10);
    await followPage({ tabId: TAB });
  });

  it('keeps the captured list when the static fetch is a JavaScript shell: read on visit, no retry', async () => {
    server.answer('/trust/subprocessors', {
      kind: 'body',
      body: shellPage(),
      headers: { 'content-type': 'text/html' },
    });
    const report = await refreshOne('127-0-0-1', { trigger: 'schedule' });
    expect(report?.outcome).toBe('read-on-visit');
    expect(report?.message).toMatch(/^Updated when you visit the page/);
    const source = await followed();
    expect(source.list?.vendors).toHaveLength(10);
    expect(source.readOnVisit).toBe(true);
    expect(source.retry).toEqual({ failures: 0, retryAt: null });
    const view = (await loadSources()).find((s) => s.url === pageUrl);
    expect(view).toMatchObject({ keptBy: 'visit', lastAttempt: { outcome: 'read-on-visit' } });
    // A sign-in wall answers a fetch without the user's session the same way.
    server.answer('/trust/subprocessors', { kind: 'body', body: 'Sign in', status: 403 });
    expect((await refreshOne('127-0-0-1', { trigger: 'schedule' }))?.outcome).toBe('read-on-visit');
    expect(fakeBrowser.notificationList()).toEqual([]);
  });

  it('a static page that holds the list is fetched on schedule as any other', async () => {
    server.answer('/trust/subprocessors', {
      kind: 'body',
      body: renderedListPage(pageVendors(11)),
      headers: { 'content-type': 'text/html' },
    });
    expect((await refreshOne('127-0-0-1', { trigger: 'schedule' }))?.outcome).toBe('updated');
    expect((await followed()).readOnVisit).toBe(false);
  });

  it('with the origin granted, a visit re-reads the rendered list: history and notification', async () => {
    await fakeBrowser.permissions.request({ origins: [ORIGIN] });
    showList(11); // Vendor 11 Ltd added
    await revisitFollowed({ id: TAB, url: pageUrl });
    expect((await followed()).list?.vendors).toHaveLength(11);
    const [latest] = await loadHistory();
    expect(latest?.summary.added.names).toEqual(['Vendor 11 Ltd']);
    expect(fakeBrowser.notificationList()).toHaveLength(1);
    expect(fakeBrowser.notificationList()[0]?.message).toMatch(/Vendor 11 Ltd/);
  });

  it('a visit holds a list that lost most of its vendors for confirmation', async () => {
    await fakeBrowser.permissions.request({ origins: [ORIGIN] });
    showList(2);
    await revisitFollowed({ id: TAB, url: pageUrl });
    const source = await followed();
    expect(source.list?.vendors).toHaveLength(10);
    expect(source.held).toMatchObject({ before: 10, after: 2, removed: 8 });
  });

  it('a visit waits for a list that a script renders after load, within its bound', async () => {
    await fakeBrowser.permissions.request({ origins: [ORIGIN] });
    let reads = 0;
    fakeBrowser.setPage(TAB, () => {
      reads++;
      return { html: reads < 2 ? shellPage() : renderedListPage(pageVendors(12)) };
    });
    await revisitFollowed({ id: TAB, url: pageUrl });
    expect(reads).toBe(2);
    expect((await followed()).list?.vendors).toHaveLength(12);
  });

  it('without the permission a visit reads nothing; opening the popup there re-reads the page', async () => {
    showList(12);
    await revisitFollowed({ id: TAB, url: pageUrl });
    expect((await followed()).list?.vendors).toHaveLength(10);
    await inspectPage({ tabId: TAB });
    expect((await followed()).list?.vendors).toHaveLength(12);
  });

  it('a visit of any other page reads nothing of it', async () => {
    await fakeBrowser.permissions.request({ origins: [ORIGIN] });
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    await revisitFollowed({ id: TAB, url: server.url('/pricing') });
    await revisitFollowed({ id: TAB, url: null });
    expect(spy).not.toHaveBeenCalled();
  });
});

// The popup entry point wired to mocked platform modules: which tab it describes, what it renders,
// the performance mark, live list changes, and a list that cannot be loaded; with read views (the
// tab's vendor first, the register after) and without (the full read).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMatchIndex, match } from '../../src/core/match';
import type { HistoryEntry } from '../../src/core/register/history-schema';
import { reviewKeyOf } from '../../src/core/register/review-state';
import type { PagePreview } from '../../src/platform/source-types';
import type { StoreChange } from '../../src/platform/store/lookup-read';
import type { LookupHead } from '../../src/platform/store/lookup-write';
import type { LoadedList } from '../../src/platform/store/register-read';
import { NOW } from '../support/test-date';
import { seedList, t } from '../support/ui';

const platform = vi.hoisted(() => ({
  listeners: [] as ((change: StoreChange) => void)[],
}));

// The pages reach storage through the store's index, which loads every store module.
vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));
vi.mock('../../src/platform/store/reviews', () => ({
  loadReviews: vi.fn(async () => ({ reviews: {}, problem: null })),
}));
vi.mock('../../src/platform/i18n', () => ({ t: (key: string, subs?: string | string[]) => t(key, subs) }));
vi.mock('../../src/platform/store/register-read', () => ({ loadList: vi.fn() }));
vi.mock('../../src/platform/store/lookup-read', () => ({
  readLookupHead: vi.fn(async () => ({ kind: 'unusable' })),
  readSiteLookup: vi.fn(),
  readRegisterLookup: vi.fn(),
  onStoreChanged: vi.fn((cb: (change: StoreChange) => void) => {
    platform.listeners.push(cb);
    return () => {};
  }),
}));
vi.mock('../../src/platform/store/source-summaries', () => ({ loadHistory: vi.fn() }));
vi.mock('../../src/platform/messages', () => ({
  inspectPage: vi.fn(),
  followPage: vi.fn(),
}));
vi.mock('../../src/platform/permissions', () => ({ requestOrigin: vi.fn(async () => true) }));
vi.mock('../../src/platform/tabs', () => ({ activeTab: vi.fn(), getTab: vi.fn() }));
vi.mock('../../src/platform/runtime', () => ({
  openOptionsPage: vi.fn(async () => {}),
  extensionUrl: (path: string) => `chrome-extension://abc/${path}`,
}));

const listStore = await import('../../src/platform/store/register-read');
const views = await import('../../src/platform/store/lookup-read');
const tabs = await import('../../src/platform/tabs');
const runtime = await import('../../src/platform/runtime');
const messages = await import('../../src/platform/messages');
const summaries = await import('../../src/platform/store/source-summaries');
const permissions = await import('../../src/platform/permissions');
const reviewsStore = await import('../../src/platform/store/reviews');
const { FIRST_RESULT_MARK, PAGE_OFFER_MARK, start, tabIdParam } = await import('../../src/popup/index');

const NO_LIST: PagePreview = {
  state: 'none',
  url: 'https://stripe.com/',
  title: 'Stripe',
  list: null,
  links: [],
  followedId: null,
};

const bundled = (): LoadedList => ({ list: seedList(), origin: 'bundled', fetchedAt: null, problem: null });
let root: HTMLElement;

beforeEach(() => {
  vi.mocked(listStore.loadList).mockResolvedValue(bundled());
  // Without views unless a test gives them: the full read.
  vi.mocked(views.readSiteLookup).mockResolvedValue({ unusable: true });
  vi.mocked(views.readRegisterLookup).mockResolvedValue(null);
  vi.mocked(summaries.loadHistory).mockResolvedValue([]);
  vi.mocked(messages.inspectPage).mockResolvedValue({
    ok: true,
    message: '',
    sourceId: null,
    reports: [],
    page: NO_LIST,
  });
  vi.mocked(tabs.getTab).mockResolvedValue({ id: 42, url: 'https://stripe.com/' });
  vi.mocked(tabs.activeTab).mockResolvedValue({ id: 7, url: 'https://www.mixpanel.com/pricing' });
  platform.listeners.length = 0;
  root = document.createElement('div');
  document.body.append(root);
  performance.clearMarks();
});

afterEach(() => {
  render(null, root);
  root.remove();
  cleanup();
  vi.clearAllMocks();
  history.replaceState(null, '', '/popup.html');
});

describe('popup entry', () => {
  it('reads ?tabId=N strictly', () => {
    expect(tabIdParam('?tabId=42')).toBe(42);
    expect(tabIdParam('?tabId=4x2')).toBeNull();
    expect(tabIdParam('?tabId=-1')).toBeNull();
    expect(tabIdParam('')).toBeNull();
  });

  it('describes the tab named by ?tabId and marks the first result', async () => {
    history.replaceState(null, '', '/popup.html?tabId=42');
    await start(root);
    expect(tabs.getTab).toHaveBeenCalledWith(42);
    expect(tabs.activeTab).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    expect(document.title).toBe('Subprocessor Lens');
    expect(document.documentElement.lang).toBe('en-GB');
    await waitFor(() => expect(performance.getEntriesByName(FIRST_RESULT_MARK)).toHaveLength(1));
  });

  it('reads the page after the card is on screen, and follows it with the origin asked in the click', async () => {
    let answer: (reply: Awaited<ReturnType<typeof messages.inspectPage>>) => void = () => {};
    const read = new Promise<Awaited<ReturnType<typeof messages.inspectPage>>>(
      (resolve) => (answer = resolve),
    );
    vi.mocked(messages.inspectPage).mockImplementation((tabId) =>
      tabId === 43 ? read : new Promise(() => {}),
    );
    vi.mocked(messages.followPage).mockResolvedValue({
      ok: true,
      message: 'Following “Stripe: Subprocessors”.',
      sourceId: 'stripe-com',
      reports: [],
    });
    // Tab 43 is this test's alone (popups of earlier tests may still be reading theirs).
    vi.mocked(tabs.getTab).mockResolvedValue({ id: 43, url: 'https://stripe.com/' });
    history.replaceState(null, '', '/popup.html?tabId=43');
    await start(root);
    // The card is there before the page has been read.
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    await waitFor(() => expect(messages.inspectPage).toHaveBeenCalledWith(43));
    const list = { count: 312, names: ['Acme Cloud'], reader: 'table' as const, confidence: 'high' as const };
    const page = { ...NO_LIST, state: 'list' as const, url: 'https://stripe.com/legal/subprocessors', list };
    answer({ ok: true, message: '', sourceId: null, reports: [], page });
    await screen.findByRole('heading', { level: 2, name: 'This page lists 312 subprocessors' });
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy(); // both show
    expect(performance.getEntriesByName(PAGE_OFFER_MARK)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Follow this list' }));
    expect(permissions.requestOrigin).toHaveBeenCalledWith('https://stripe.com/legal/subprocessors');
    expect(messages.followPage).toHaveBeenCalledWith(43);
    await screen.findByText('Following “Stripe: Subprocessors”.');
  });

  it("paints the team's status on the card once the reviews are read, not waiting for them", async () => {
    let give: (read: Awaited<ReturnType<typeof reviewsStore.loadReviews>>) => void = () => {};
    vi.mocked(reviewsStore.loadReviews).mockReturnValueOnce(new Promise((resolve) => (give = resolve)));
    history.replaceState(null, '', '/popup.html?tabId=42');
    await start(root);
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    expect(document.querySelector('.card__status')).toBeNull();
    const stripe = seedList().vendors.find((vendor) => vendor.name === 'Stripe');
    if (!stripe) throw new Error('no Stripe in the seed list');
    const review = {
      name: 'Stripe',
      host: 'stripe.com',
      status: 'approved' as const,
      dpaSignedOn: null,
      dpaLink: null,
      owner: '',
      nextReview: null,
      notes: '',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    await waitFor(() => expect(reviewsStore.loadReviews).toHaveBeenCalled());
    give({ reviews: { [reviewKeyOf(stripe)]: review }, problem: null });
    await waitFor(() =>
      expect(document.querySelector('.card__status')?.textContent).toBe('My status: Approved'),
    );
  });

  it('reads a page with no list again: a trust-centre app may still be building it', async () => {
    const list = { count: 40, names: ['Acme Cloud'], reader: 'table' as const, confidence: 'high' as const };
    const withList = { ...NO_LIST, state: 'list' as const, list };
    // Tab 99 is this test's alone (popups of earlier tests may still be reading theirs).
    let reads = 0;
    vi.mocked(messages.inspectPage).mockImplementation(async (tabId) => {
      const page = tabId === 99 && reads++ > 0 ? withList : NO_LIST;
      return { ok: true, message: '', sourceId: null, reports: [], page };
    });
    vi.mocked(tabs.getTab).mockResolvedValue({ id: 99, url: 'https://stripe.com/' });
    history.replaceState(null, '', '/popup.html?tabId=99');
    await start(root);
    await screen.findByRole(
      'heading',
      { level: 2, name: 'This page lists 40 subprocessors' },
      { timeout: 4000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(reads).toBe(2); // a list found: no more reads
  });

  it('does not read a page it may not (no tab, a browser page)', async () => {
    vi.mocked(tabs.activeTab).mockResolvedValue({ id: 7, url: 'chrome://extensions/' });
    await start(root);
    await waitFor(() => expect(performance.getEntriesByName(FIRST_RESULT_MARK)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messages.inspectPage).not.toHaveBeenCalled();
  });

  it('describes the active tab without a parameter', async () => {
    await start(root);
    expect(tabs.activeTab).toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 2, name: 'Mixpanel' })).toBeTruthy();
  });

  it('shows a changed list at once', async () => {
    await start(root);
    const list = seedList();
    const renamed = {
      ...list,
      vendors: list.vendors.map((v) => (v.name === 'Mixpanel' ? { ...v, name: 'Mixpanel Inc.' } : v)),
    };
    vi.mocked(listStore.loadList).mockResolvedValue({ ...bundled(), list: renamed });
    for (const listener of platform.listeners) listener('written');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Mixpanel Inc.' })).toBeTruthy(),
    );
  });

  it('opens the options page the browser way and closes the popup', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    await start(root);
    const link = screen.getByRole('link', { name: 'Sources and settings' });
    expect(link.getAttribute('href')).toBe('chrome-extension://abc/options.html');
    fireEvent.click(link);
    expect(runtime.openOptionsPage).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('marks a vendor that the history says was added in the last 30 days as new', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      const addedStripe: HistoryEntry = {
        at: '2026-11-20T08:00:00Z',
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
        added: [{ name: 'Stripe', website: 'https://stripe.com', location: 'San Francisco' }],
        removed: [],
        changed: [],
        updated: null,
        confirmed: false,
      };
      vi.mocked(summaries.loadHistory).mockResolvedValue([addedStripe]);
      history.replaceState(null, '', '/popup.html?tabId=42');
      await start(root);
      expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
      expect(screen.getByText('New: added to a list on 20 Nov 2026')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('still opens when the history cannot be read, only without "new" marks', async () => {
    vi.mocked(summaries.loadHistory).mockRejectedValue(new Error('storage unavailable'));
    history.replaceState(null, '', '/popup.html?tabId=42');
    await start(root);
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    expect(document.querySelector('.new-marker')).toBeNull();
  });

  it('says search cannot start when its code fails to load, and keeps the card', async () => {
    vi.doMock('../../src/popup/search-code', () => {
      throw new Error('popup-search-code.js is missing');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      history.replaceState(null, '', '/popup.html?tabId=42');
      await start(root);
      expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
      await waitFor(() =>
        expect(logged).toHaveBeenCalledWith(expect.stringMatching(/search code/), expect.anything()),
      );
      fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'heroku' } });
      expect(screen.getByRole('status').textContent).toBe('Search could not start');
      expect(performance.getEntriesByName('popup:register')).toHaveLength(0);
    } finally {
      vi.doUnmock('../../src/popup/search-code');
      logged.mockRestore();
    }
  });

  it('says clearly when no list can be loaded', async () => {
    vi.mocked(listStore.loadList).mockRejectedValue(new Error('bundled list data/dovetail.json: bad'));
    await start(root);
    expect(
      screen.getByText('The vendor list could not be loaded: bundled list data/dovetail.json: bad'),
    ).toBeTruthy();
  });
});

describe('popup entry with read views', () => {
  const head: LookupHead = {
    format: 1,
    stamp: '3.abc',
    version: '0.1.0',
    revision: 3,
    shards: 1,
    chunkSize: 64,
    vendorCount: 7,
    source: { title: 'Views list', url: null, updated: '2026-11-01' },
    severalLists: false,
  };
  const siteView = (host: string, additions = new Map<string, string>()) => ({
    head,
    found: match(buildMatchIndex(seedList()), host),
    additions,
  });
  const deferred = <T,>() => {
    let resolve: (value: T) => void = () => {};
    const promise = new Promise<T>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  };
  const type = (text: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value: text } });

  it("paints the tab's vendor from its shard first, then searches the register once it is read", async () => {
    history.replaceState(null, '', '/popup.html?tabId=42');
    vi.mocked(views.readSiteLookup).mockResolvedValue(siteView('stripe.com'));
    const register = deferred<{ list: ReturnType<typeof seedList>; additions: Map<string, string> } | null>();
    vi.mocked(views.readRegisterLookup).mockReturnValue(register.promise);
    const started = start(root);
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy());
    expect(views.readSiteLookup).toHaveBeenCalledWith('stripe.com', expect.any(Promise));
    expect(screen.getByText(/Views list/)).toBeTruthy();
    await waitFor(() => expect(performance.getEntriesByName(FIRST_RESULT_MARK)).toHaveLength(1));
    type('heroku');
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    register.resolve({ list: seedList(), additions: new Map() });
    await started;
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Heroku' })).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('1 vendor found');
    expect(listStore.loadList).not.toHaveBeenCalled();
    expect(summaries.loadHistory).not.toHaveBeenCalled();
  });

  it('marks "new" from the additions the views carry', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    try {
      const additions = new Map([['n:stripe', '2026-11-20T08:00:00Z']]);
      history.replaceState(null, '', '/popup.html?tabId=42');
      vi.mocked(views.readSiteLookup).mockResolvedValue(siteView('stripe.com', additions));
      vi.mocked(views.readRegisterLookup).mockResolvedValue({ list: seedList(), additions });
      await start(root);
      expect(screen.getByText('New: added to a list on 20 Nov 2026')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the register the full way when the views cannot give it', async () => {
    history.replaceState(null, '', '/popup.html?tabId=42');
    vi.mocked(views.readSiteLookup).mockResolvedValue(siteView('stripe.com'));
    vi.mocked(views.readRegisterLookup).mockResolvedValue(null);
    await start(root);
    expect(listStore.loadList).toHaveBeenCalledTimes(1);
    type('heroku');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Heroku' })).toBeTruthy());
  });

  it('reads the record the full way after it changed without its views, and the views once rebuilt', async () => {
    history.replaceState(null, '', '/popup.html?tabId=42');
    vi.mocked(views.readSiteLookup).mockResolvedValue(siteView('stripe.com'));
    vi.mocked(views.readRegisterLookup).mockResolvedValue({ list: seedList(), additions: new Map() });
    await start(root);
    expect(views.readSiteLookup).toHaveBeenCalledTimes(1);
    const list = seedList();
    const renamed = {
      ...list,
      vendors: list.vendors.map((v) => (v.name === 'Stripe' ? { ...v, name: 'Stripe Payments' } : v)),
    };
    vi.mocked(listStore.loadList).mockResolvedValue({ ...bundled(), list: renamed });
    for (const listener of platform.listeners) listener('record');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2, name: 'Stripe Payments' })).toBeTruthy(),
    );
    expect(views.readSiteLookup).toHaveBeenCalledTimes(1);
    for (const listener of platform.listeners) listener('rebuilt');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy());
    expect(views.readSiteLookup).toHaveBeenCalledTimes(2);
  });
});

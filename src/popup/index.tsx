// Popup entry: reads the tab and the list from the platform and renders the App. popup.html?tabId=N
// describes tab N (tests, links); otherwise the active tab of the popup's window. The first paint
// needs only the tab's vendor: it comes from the read views' shard for the tab's host (a few KB
// whatever the register's size), and the whole register for search is read just after that paint.
// Without usable views (none yet, damaged, or the record changed from outside) the register is read
// the full way (loadList), as before the views existed.
import { render } from 'preact';
import { siteHostOf } from '../core/match';
import { t } from '../platform/i18n';
import { followPage, inspectPage } from '../platform/messages';
import { requestOrigin } from '../platform/permissions';
import { extensionUrl, openOptionsPage } from '../platform/runtime';
import type { PagePreview } from '../platform/source-types';
import {
  type HeadRead,
  onStoreChanged,
  readLookupHead,
  readRegisterLookup,
  readSiteLookup,
} from '../platform/store/lookup-read';
import { activeTab, getTab, type TabInfo } from '../platform/tabs';
import { EmptyState } from '../ui/empty-state';
import { I18nProvider, makeI18n } from '../ui/i18n';
import { App, type PopupAppProps } from './App';
import type { Shown } from './full-read';
import type { MyStatus } from './my-status';
import { addedOnFrom } from './new-vendors';
import { PageOffer, type PageState } from './page-offer';

/** The mark a benchmark reads: navigation start -> first card or result on screen. On the way,
 * 'popup:start' (script running) and 'popup:data' (the first data read) split the time; after it,
 * 'popup:register' marks search ready: the register and the search code both there. */
export const FIRST_RESULT_MARK = 'popup:first-result';
/** The mark of the page's offer on screen ("This page lists N"), after the first result. */
export const PAGE_OFFER_MARK = 'popup:page-offer';
/** A page without a list is read this many times in all, this far apart (a list built by script). */
const PAGE_TRIES = 3;
const PAGE_AGAIN_MS = 1500;

export function tabIdParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  return raw && /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

/**
 * Marks when the first card (or empty state) reached the screen. The page has no content before it,
 * so that paint is the browser's first contentful paint, whose time is taken where the browser reports
 * it; without paint timing, the moment after the first frame (when Preact runs effects) stands in.
 */
function markFirstResult(): void {
  const mark = (startTime?: number) => {
    if (performance.getEntriesByName(FIRST_RESULT_MARK).length === 0)
      performance.mark(FIRST_RESULT_MARK, startTime === undefined ? undefined : { startTime });
  };
  if (
    typeof PerformanceObserver === 'undefined' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint')
  ) {
    mark();
    return;
  }
  const observer = new PerformanceObserver((entries) => {
    const fcp = entries.getEntriesByName('first-contentful-paint')[0];
    if (!fcp) return;
    observer.disconnect();
    mark(fcp.startTime);
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(() => {
    observer.disconnect();
    mark();
  }, 1000);
}

async function describedTab(): Promise<TabInfo | null> {
  const id = tabIdParam(location.search);
  return id === null ? activeTab() : getTab(id);
}

/** Follow: the origin's permission is asked in the click itself (a prompt needs the gesture), and
 * not waited for: the background follows the page whatever the answer (with it, visits keep the
 * list current; without it, opening the popup there does). */
function follow(tabId: number, page: PagePreview) {
  if (page.url) void requestOrigin(page.url);
  return followPage(tabId);
}

/** Resolves after the next frame has been painted (a task queued from a frame callback). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The full read, loaded only when the lookup tables cannot answer: it validates the whole record,
 * and that code (the list's schema, the merge) stays off the path of every other open. */
async function loadFull(now: Date): Promise<Shown> {
  const { loadFull } = await import('./full-read');
  return loadFull(now);
}

/**
 * Shows the popup's data: from the read views when they answer (the tab's vendor first, the register
 * after the first paint), else from the full read. `useViews` false: the record changed without its
 * views, which are stale until the worker rebuilds them.
 */
async function load(
  tabUrl: string | null,
  useViews: boolean,
  show: (shown: Shown) => void,
  head?: Promise<HeadRead>,
): Promise<void> {
  const now = new Date();
  const host = siteHostOf(tabUrl);
  const view = useViews ? await readSiteLookup(host, head) : null;
  if (!view || !('head' in view)) {
    show(await loadFull(now));
    return;
  }
  const first = {
    site: { host, found: view.found },
    source: view.head.source,
    severalLists: view.head.severalLists,
  };
  show({ ...first, list: null, addedOn: addedOnFrom(view.additions, now) });
  await afterPaint();
  const register = await readRegisterLookup(view.head);
  if (register) show({ ...first, list: register.list, addedOn: addedOnFrom(register.additions, now) });
  else show(await loadFull(now));
}

export async function start(root: HTMLElement): Promise<void> {
  const i18n = makeI18n(t);
  document.documentElement.lang = i18n.locale;
  document.title = t('popupTitle');
  const openOptions = () => {
    void openOptionsPage().then(() => window.close());
  };
  let tabUrl: string | null = null;
  // The team's reviews are small; read with the tab, but the first card does not wait for them (nor
  // for their schema's code): their status line is painted when they arrive.
  let myStatus: MyStatus = () => null;
  let tabId: number | null = null;
  let page: PageState = { status: 'reading' };
  let latest: Shown | null = null;
  let searchIndexOf: PopupAppProps['searchIndexOf'];
  let searchFailed = false;
  const paint = () => {
    if (!latest) return;
    const id = tabId;
    render(
      <I18nProvider value={i18n}>
        <App
          {...latest}
          tabUrl={tabUrl}
          now={new Date()}
          optionsHref={extensionUrl('options.html')}
          registerHref={extensionUrl('register.html')}
          myStatus={myStatus}
          searchIndexOf={searchIndexOf}
          searchFailed={searchFailed}
          onOpenOptions={openOptions}
          onFirstRender={markFirstResult}
          onResultsRender={(query) => performance.mark(`popup:results:${query}`)}
          pageOffer={
            id === null ? null : <PageOffer state={page} onFollow={(preview) => follow(id, preview)} />
          }
        />
      </I18nProvider>,
      root,
    );
  };
  // The page is read once the card is on screen: reading it never delays the card. A page that
  // holds no list yet may be a trust-centre app still building it: read again, a few times.
  const readPage = (tries = PAGE_TRIES) => {
    if (tabId === null) return;
    void inspectPage(tabId).then((reply) => {
      if (!reply.page) return;
      page = { status: 'read', page: reply.page };
      paint();
      performance.mark(PAGE_OFFER_MARK);
      const more = reply.page.state === 'none' || reply.page.state === 'links';
      if (more && tries > 1) setTimeout(() => readPage(tries - 1), PAGE_AGAIN_MS);
    });
  };
  const markSearchReady = () => {
    if (latest?.list && searchIndexOf && !performance.getEntriesByName('popup:register').length)
      performance.mark('popup:register');
  };
  // Loads may overlap (a change while one runs): only the latest one shows.
  let loads = 0;
  const showFor = (load: number) => (shown: Shown) => {
    if (load !== loads) return;
    if (!performance.getEntriesByName('popup:data').length) performance.mark('popup:data');
    const first = latest === null;
    latest = shown;
    paint();
    if (first) void afterPaint().then(() => readPage());
    // The search code comes after the first paint too, as the register does (./search-code.ts).
    if (first)
      import('./search-code')
        .then(({ buildSearchIndex }) => {
          searchIndexOf = buildSearchIndex;
          paint();
          markSearchReady();
        })
        // Only a broken build lacks it (popup-size.test.ts checks it is built). The card still
        // works; a search says it cannot run, instead of loading for ever.
        .catch((error) => {
          console.error('Subprocessor Lens: the search code did not load:', error);
          searchFailed = true;
          paint();
        });
    markSearchReady();
  };
  try {
    performance.mark('popup:start');
    const head = readLookupHead(); // read with the tab, not after it
    void import('./my-status')
      .then(({ readMyStatus }) => readMyStatus())
      .then((status) => {
        myStatus = status;
        paint();
      })
      .catch(() => undefined); // no reviews to show: the cards work without their status line
    const tab = await describedTab();
    tabUrl = tab?.url ?? null;
    tabId = tab && tabUrl && /^https?:/i.test(tabUrl) ? tab.id : null;
    await load(tabUrl, true, showFor(++loads), head);
    // A refresh while the popup is open shows the new data at once.
    onStoreChanged((change) => {
      load(tabUrl, change !== 'record', showFor(++loads)).catch(() => undefined);
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    render(
      <I18nProvider value={i18n}>
        <main class="popup__app">
          <EmptyState title={t('loadFailed', reason)} />
        </main>
      </I18nProvider>,
      root,
    );
  }
}

const root = document.getElementById('app');
if (root) void start(root);

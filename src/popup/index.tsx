// Popup entry: reads the list and the tab from the platform and renders the App. popup.html?tabId=N
// describes tab N (tests, links); otherwise the active tab of the popup's window.
import { render } from 'preact';
import type { SubprocessorList } from '../core/list';
import type { HistoryEntry } from '../core/refresh-history';
import { t } from '../platform/i18n';
import { loadList, onListChanged } from '../platform/list-store';
import { loadHistory } from '../platform/messages';
import { extensionUrl, openOptionsPage } from '../platform/runtime';
import { activeTab, getTab } from '../platform/tabs';
import { EmptyState } from '../ui/empty-state';
import { I18nProvider, makeI18n } from '../ui/i18n';
import { App } from './App';
import { recentlyAdded } from './new-vendors';

/** The mark a benchmark reads: navigation start -> first card or result on screen. On the way,
 * 'popup:start' (script running) and 'popup:data' (list and tab read) split the time. */
export const FIRST_RESULT_MARK = 'popup:first-result';

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

async function describedTabUrl(): Promise<string | null> {
  const id = tabIdParam(location.search);
  const tab = id === null ? await activeTab() : await getTab(id);
  return tab?.url ?? null;
}

export async function start(root: HTMLElement): Promise<void> {
  const i18n = makeI18n(t);
  document.documentElement.lang = i18n.locale;
  document.title = t('popupTitle');
  const openOptions = () => {
    void openOptionsPage().then(() => window.close());
  };
  const show = (list: SubprocessorList, history: readonly HistoryEntry[], tabUrl: string | null) => {
    const now = new Date();
    render(
      <I18nProvider value={i18n}>
        <App
          list={list}
          tabUrl={tabUrl}
          now={now}
          optionsHref={extensionUrl('options.html')}
          onOpenOptions={openOptions}
          onFirstRender={markFirstResult}
          onResultsRender={(query) => performance.mark(`popup:results:${query}`)}
          addedOn={recentlyAdded(history, now)}
        />
      </I18nProvider>,
      root,
    );
  };
  // The history only marks vendors "new": a popup that cannot read it still works.
  const history = () => loadHistory().catch((): HistoryEntry[] => []);
  try {
    performance.mark('popup:start');
    const [loaded, tabUrl, added] = await Promise.all([loadList(), describedTabUrl(), history()]);
    performance.mark('popup:data');
    show(loaded.list, added, tabUrl);
    // A refresh while the popup is open shows the new data at once.
    onListChanged((next) => void history().then((h) => show(next.list, h, tabUrl)));
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

// Options entry: reads settings, sources and history from the platform, binds the refresh commands,
// renders the App, and follows changes (a refresh in the background, another options tab).
import { render } from 'preact';
import type { HistoryEntry } from '../core/register/history-schema';
import { t } from '../platform/i18n';
import {
  addSource,
  confirmHeld,
  discardHeld,
  importList,
  refreshSource,
  removeSource,
} from '../platform/messages';
import { requestOrigin } from '../platform/permissions';
import { loadProgress, onProgressChanged, type Progress } from '../platform/progress';
import type { SourceSummary } from '../platform/source-types';
import {
  BUNDLED_SOURCE_IDS,
  exportRegister,
  importReviewsOfText,
  loadSettingsState,
  loadSourcesPage,
  onSettingsChanged,
  onSourcesChanged,
  type SettingsState,
  type SourcesPageRead,
  saveSettings,
} from '../platform/store';
import { EmptyState } from '../ui/empty-state';
import { I18nProvider, makeI18n } from '../ui/i18n';
import { App } from './App';
import type { RefreshActions } from './actions';
import { importWithReviews } from './import-with-reviews';

const actions: RefreshActions = {
  refresh: refreshSource,
  requestOrigin,
  addSource: (url) => addSource(url),
  removeSource,
  confirmHeld,
  discardHeld,
  // A v1 JSON export carries the team's reviews too: read back once its list is in.
  importList: (text, fileName) => importWithReviews(text, fileName, importList, importReviewsOfText, t),
  exportRegister,
};

interface PageData {
  progress: Progress[];
  sources: SourceSummary[];
  history: HistoryEntry[];
  problem: string | null;
}

async function loadPageData(how?: SourcesPageRead): Promise<PageData> {
  const [page, progress] = await Promise.all([loadSourcesPage(how), loadProgress()]);
  return { ...page, progress };
}

const today = () => new Date().toISOString().slice(0, 10);

export async function start(root: HTMLElement): Promise<void> {
  const i18n = makeI18n(t);
  document.documentElement.lang = i18n.locale;
  document.title = t('optionsTitle');
  let settings: SettingsState;
  let data: PageData;
  const show = () =>
    render(
      <I18nProvider value={i18n}>
        <App
          settings={settings.settings}
          lockedSettings={settings.locked}
          onSaveSettings={saveSettings}
          sources={data.sources}
          bundledIds={BUNDLED_SOURCE_IDS}
          problem={data.problem}
          history={data.history}
          actions={actions}
          progress={data.progress}
          today={today()}
          registerHref={new URL('register.html', location.href).href}
        />
      </I18nProvider>,
      root,
    );
  try {
    [settings, data] = await Promise.all([loadSettingsState(), loadPageData()]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    render(
      <I18nProvider value={i18n}>
        <main class="options__app">
          <EmptyState title={t('loadFailed', reason)} />
        </main>
      </I18nProvider>,
      root,
    );
    return;
  }
  show();
  // For the benchmark (bench/options-figures.ts): the sources are on screen.
  performance.mark('options:sources');
  // The locks may have changed with the settings (a new policy): read both again.
  onSettingsChanged(() => {
    void loadSettingsState().then((next) => {
      settings = next;
      show();
    });
  });
  // Long work in the worker: each step it stores is shown.
  let steps = 0;
  onProgressChanged(() => {
    const mine = ++steps;
    void loadProgress().then((progress) => {
      if (mine !== steps) return;
      data = { ...data, progress };
      show();
    });
  });
  // Reads are ordered: a slow read must not overwrite a newer one.
  let generation = 0;
  onSourcesChanged((how) => {
    const mine = ++generation;
    void loadPageData(how).then((next) => {
      if (mine !== generation) return;
      data = next;
      show();
    });
  });
}

const root = document.getElementById('app');
if (root) void start(root);

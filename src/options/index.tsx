// Options entry: reads settings and lists from the platform, renders the App, and follows changes.
import { render } from 'preact';
import { t } from '../platform/i18n';
import { type LoadedList, loadList, onListChanged } from '../platform/list-store';
import { loadSettings, onSettingsChanged, type Settings, saveSettings } from '../platform/settings';
import { EmptyState } from '../ui/empty-state';
import { I18nProvider, makeI18n } from '../ui/i18n';
import { App } from './App';

export async function start(root: HTMLElement): Promise<void> {
  const i18n = makeI18n(t);
  document.documentElement.lang = i18n.locale;
  document.title = t('optionsTitle');
  let settings: Settings;
  let loaded: LoadedList;
  const show = () =>
    render(
      <I18nProvider value={i18n}>
        <App settings={settings} onSaveSettings={saveSettings} sources={[loaded]} />
      </I18nProvider>,
      root,
    );
  try {
    [settings, loaded] = await Promise.all([loadSettings(), loadList()]);
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
  onSettingsChanged((next) => {
    settings = next;
    show();
  });
  onListChanged((next) => {
    loaded = next;
    show();
  });
}

const root = document.getElementById('app');
if (root) void start(root);

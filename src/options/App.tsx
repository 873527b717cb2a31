// The options page: settings, then the sources, then the slot the data-refresh issue fills.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../ui/i18n';
import { SettingsSection, type SettingsValue } from './settings-section';
import { type SourceInfo, SourcesSection } from './sources-section';

export interface OptionsAppProps {
  settings: SettingsValue;
  onSaveSettings: (partial: Partial<SettingsValue>) => Promise<SettingsValue>;
  sources: readonly SourceInfo[];
  /**
   * The data-refresh issue (#4) plugs in here: refresh controls, adding and removing sources, import
   * and export, and the history of changes. Rendered after the sources, in its own section.
   */
  refresh?: ComponentChildren;
}

export function App({ settings, onSaveSettings, sources, refresh }: OptionsAppProps) {
  const { t } = useI18n();
  return (
    <main class="options__app">
      <header>
        <h1 class="options__title">{t('optionsHeading')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>
      <SettingsSection settings={settings} onSave={onSaveSettings} />
      <SourcesSection sources={sources} />
      {refresh && (
        <section class="panel" data-slot="refresh">
          {refresh}
        </section>
      )}
    </main>
  );
}

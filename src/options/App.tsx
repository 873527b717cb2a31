// The options page: settings, the sources with their refresh, export, and the history of changes.
// Data and commands arrive as props; the entry point (index.tsx) binds them to the platform.
import type { HistoryEntry } from '../core/register/history-schema';
import type { Progress } from '../platform/progress';
import type { SourceSummary } from '../platform/source-types';
import { useI18n } from '../ui/i18n';
import type { RefreshActions } from './actions';
import { ExportSection } from './export-section';
import { HistorySection } from './history-section';
import { ObjectionSection } from './objection-section';
import { type SettingName, SettingsSection, type SettingsValue } from './settings-section';
import { SourcesSection } from './sources-section';

export interface OptionsAppProps {
  settings: SettingsValue;
  /** Settings the organisation's policy sets. */
  lockedSettings?: readonly SettingName[];
  onSaveSettings: (partial: Partial<SettingsValue>) => Promise<SettingsValue>;
  sources: readonly SourceSummary[];
  /** Sources shipped with the extension (not removable). */
  bundledIds: readonly string[];
  /** A problem with the stored data as a whole; null when all is well. */
  problem: string | null;
  history: readonly HistoryEntry[];
  actions: RefreshActions;
  /** Long work in the worker and how far it is. */
  progress?: readonly Progress[];
  /** Today as YYYY-MM-DD (export file names). */
  today: string;
  /** The register page's address (register.html in the package). */
  registerHref?: string;
  /** Saves an exported file; the browser's way by default. */
  download?: (text: string, fileName: string, type: string) => void;
}

export function App(props: OptionsAppProps) {
  const { t } = useI18n();
  return (
    <main class="options__app">
      <header>
        <h1 class="options__title">{t('optionsHeading')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
        <p>
          <a class="button" href={props.registerHref ?? 'register.html'}>
            {t('openRegister')}
          </a>
        </p>
      </header>
      <SettingsSection
        settings={props.settings}
        locked={props.lockedSettings ?? []}
        onSave={props.onSaveSettings}
      />
      <SourcesSection
        sources={props.sources}
        bundledIds={props.bundledIds}
        problem={props.problem}
        actions={props.actions}
        progress={props.progress ?? []}
      />
      <ObjectionSection
        sources={props.sources}
        days={props.settings.objectionDays ?? {}}
        onSave={(objectionDays) => props.onSaveSettings({ objectionDays })}
      />
      <HistorySection history={props.history} />
      <ExportSection
        exportRegister={props.actions.exportRegister}
        today={props.today}
        download={props.download}
      />
    </main>
  );
}

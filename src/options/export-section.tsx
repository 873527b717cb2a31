// Export the register (every source merged, as the badge and popup use it): the v1 JSON document,
// which the extension and the CLI read back, or CSV for a spreadsheet.
import { useState } from 'preact/hooks';
import { CSV_BOM, registerToCsv } from '../core/export-csv';
import { listWithMessages } from '../core/export-json';
import { validateList } from '../core/list';
import { REVIEW_EXPORT_FIELD, reviewsOfDocument } from '../core/register/review-state';
import type { Translation } from '../core/translate';
import { useI18n } from '../ui/i18n';
import { downloadText } from './download';

export type ExportFormat = 'json' | 'csv';

interface ExportSectionProps {
  exportRegister: () => Promise<string>;
  /** Today as YYYY-MM-DD, for the file name. */
  today: string;
  /** Saves the file; the browser's way by default. */
  download?: (text: string, fileName: string, type: string) => void;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; format: ExportFormat }
  | { kind: 'done' | 'error'; text: string };

/** The file for a format, from the register's v1 JSON text, with the findings' sentences in the
 * reader's language. Throws when that text is not a list. */
export function exportFile(json: string, format: ExportFormat, today: string, tr: Translation) {
  const base = `subprocessor-register-${today}`;
  const document: unknown = JSON.parse(json);
  const checked = validateList(document);
  if (!checked.ok) throw new Error(checked.issues.join('; '));
  if (format === 'json') {
    // The team's reviews ride along in their extension field, as the register wrote them.
    const reviews = (document as Record<string, unknown>)[REVIEW_EXPORT_FIELD];
    const written = {
      ...listWithMessages(checked.list, tr),
      ...(reviews ? { [REVIEW_EXPORT_FIELD]: reviews } : {}),
    };
    const text = `${JSON.stringify(written, null, 2)}\n`;
    return { text, fileName: `${base}.json`, type: 'application/json' };
  }
  return {
    text: CSV_BOM + registerToCsv(checked.list, tr, reviewsOfDocument(document).reviews),
    fileName: `${base}.csv`,
    type: 'text/csv;charset=utf-8',
  };
}

export function ExportSection({ exportRegister, today, download = downloadText }: ExportSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = status.kind === 'busy';

  const save = async (format: ExportFormat) => {
    if (busy) return;
    setStatus({ kind: 'busy', format });
    try {
      const file = exportFile(await exportRegister(), format, today, i18n);
      download(file.text, file.fileName, file.type);
      setStatus({ kind: 'done', text: t('exportDone', file.fileName) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('exportFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  return (
    <section class="panel" aria-labelledby="export-heading">
      <h2 id="export-heading" class="panel__heading">
        {t('exportHeading')}
      </h2>
      <p class="muted">{t('exportIntro')}</p>
      <div class="actions">
        <button type="button" class="button" aria-disabled={busy} onClick={() => void save('json')}>
          {status.kind === 'busy' && status.format === 'json' ? t('working') : t('exportJson')}
        </button>
        <button type="button" class="button" aria-disabled={busy} onClick={() => void save('csv')}>
          {status.kind === 'busy' && status.format === 'csv' ? t('working') : t('exportCsv')}
        </button>
      </div>
      <p class={status.kind === 'error' ? 'status status--error' : 'status'} role="status">
        {status.kind === 'done' || status.kind === 'error' ? status.text : ''}
      </p>
    </section>
  );
}

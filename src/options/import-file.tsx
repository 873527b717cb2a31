// Import a list from a file in a format the core reads: the subprocessor page saved as HTML, its
// markdown or text, a YAML data file, a page template, or a v1 JSON export. The text goes to the background, which parses and stores it.
import { useRef, useState } from 'preact/hooks';
import type { Reply } from '../platform/source-types';
import { useI18n } from '../ui/i18n';

/** What parse() reads (core/parse): HTML, markdown or plain text, JSON, YAML, page templates. No
 * CSV: it has no reader. */
export const IMPORT_ACCEPT =
  '.html,.htm,.md,.markdown,.txt,.json,.yml,.yaml,.vue,.svelte,.astro,.jsx,.tsx,text/html,text/markdown,text/plain,application/json,application/yaml';
/** The parser stops at 5 M characters; a file much larger is refused before it is read at all. */
export const IMPORT_MAX_BYTES = 6_000_000;

interface ImportFileProps {
  locked: boolean;
  busy: boolean;
  onImport: (text: string, fileName: string) => Promise<Reply | null>;
  onRefused: (message: string) => void;
}

export function ImportFile({ locked, busy, onImport, onRefused }: ImportFileProps) {
  const { t, locale } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    try {
      if (locked) {
        onRefused(t('waitForCommand'));
        return;
      }
      if (file.size > IMPORT_MAX_BYTES) {
        const mb = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(file.size / 1e6);
        const message = t('importTooLarge', [file.name, mb]);
        setFileError(message);
        onRefused(message);
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (error) {
        const message = t('importUnreadable', [file.name, error instanceof Error ? error.message : '']);
        setFileError(message);
        onRefused(message);
        return;
      }
      await onImport(text, file.name);
    } finally {
      // The same file can be chosen again (after fixing it) and still fire a change.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div class="import">
      <h3 class="subheading">{t('importHeading')}</h3>
      <label for="import-file">{t('importLabel')}</label>
      <input
        id="import-file"
        ref={input}
        class="file-input"
        type="file"
        accept={IMPORT_ACCEPT}
        aria-describedby={fileError ? 'import-error import-hint' : 'import-hint'}
        onChange={(event) => void choose(event.currentTarget.files?.[0])}
      />
      {fileError && (
        <p id="import-error" class="field-error">
          {fileError}
        </p>
      )}
      <p id="import-hint" class="hint">
        {busy ? t('importing') : t('importHint')}
      </p>
    </div>
  );
}

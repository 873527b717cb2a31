// Add a source by the address of its subprocessor page. The browser's permission prompt for that
// site needs the user's gesture, so requestOrigin runs first thing in the submit handler, before
// anything is awaited (Firefox drops the gesture across an await).
import { useState } from 'preact/hooks';
import type { Reply } from '../platform/source-types';
import { safeHttpUrl } from '../ui/format';
import { useI18n } from '../ui/i18n';

interface AddSourceProps {
  locked: boolean;
  busy: boolean;
  requestOrigin: (url: string) => Promise<boolean>;
  /** Sends addSource with the permission's answer known; resolves to the reply (null: not run). */
  onAdd: (url: string, granted: boolean) => Promise<Reply | null>;
}

export function AddSource({ locked, busy, requestOrigin, onAdd }: AddSourceProps) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    if (locked) return;
    const url = safeHttpUrl(value);
    if (!url) {
      setError(value.trim() ? t('addSourceInvalid') : t('addSourceEmpty'));
      return;
    }
    setError(null);
    // The prompt first, synchronously inside the gesture; the answer is awaited afterwards.
    const permission = requestOrigin(url);
    void permission
      .then((granted) => onAdd(url, granted))
      .then((reply) => {
        if (reply?.ok) setValue('');
      });
  };

  return (
    <form class="add-source" onSubmit={submit} noValidate>
      <h3 class="subheading">{t('addSourceHeading')}</h3>
      <label for="add-source-url">{t('addSourceLabel')}</label>
      <div class="add-source__row">
        <input
          id="add-source-url"
          class="text-input"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="https://example.com/legal/subprocessors"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? 'add-source-error add-source-hint' : 'add-source-hint'}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" class="button" aria-disabled={locked}>
          {busy ? t('adding') : t('addSourceButton')}
        </button>
      </div>
      {error && (
        <p id="add-source-error" class="field-error">
          {error}
        </p>
      )}
      <p id="add-source-hint" class="hint">
        {t('addSourceHint')}
      </p>
    </form>
  );
}

// Objection windows (Art. 28(2) GDPR): how many days the team has to object after each source adds
// a subprocessor. The register page shows each new vendor's window and filters on open ones.
import { useState } from 'preact/hooks';
import { DEFAULT_OBJECTION_DAYS, MAX_OBJECTION_DAYS } from '../core/objection-window';
import type { SourceSummary } from '../platform/source-types';
import { useI18n } from '../ui/i18n';

interface ObjectionSectionProps {
  sources: readonly SourceSummary[];
  days: Readonly<Record<string, number>>;
  onSave: (days: Record<string, number>) => Promise<unknown>;
}

export function ObjectionSection({ sources, days, onSave }: ObjectionSectionProps) {
  const { t } = useI18n();
  const [status, setStatus] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const save = async (source: SourceSummary, raw: string) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > MAX_OBJECTION_DAYS) {
      setStatus({ error: true, text: t('objectionDaysInvalid', [source.title, String(MAX_OBJECTION_DAYS)]) });
      return;
    }
    try {
      await onSave({ ...days, [source.id]: value });
      setStatus({ error: false, text: t('objectionDaysSaved', [source.title, String(value)]) });
    } catch (error) {
      setStatus({
        error: true,
        text: t('settingSaveFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };
  return (
    <section class="panel" aria-labelledby="objection-heading">
      <h2 id="objection-heading" class="panel__heading">
        {t('objectionHeading')}
      </h2>
      <p class="muted">{t('objectionIntro', String(DEFAULT_OBJECTION_DAYS))}</p>
      <ul class="objection-list">
        {sources.map((source) => (
          <li key={source.id} class="objection-list__item">
            <label for={`objection-${source.id}`}>{t('objectionDaysLabel', source.title)}</label>
            <input
              id={`objection-${source.id}`}
              class="objection-list__days"
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_OBJECTION_DAYS}
              value={days[source.id] ?? DEFAULT_OBJECTION_DAYS}
              onChange={(event) => void save(source, event.currentTarget.value)}
            />
          </li>
        ))}
      </ul>
      <p class={status.error ? 'status status--error' : 'status'} role="status">
        {status.text}
      </p>
    </section>
  );
}

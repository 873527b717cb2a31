// The team's review of one vendor: my status, my DPA (signed on, link), owner, next review date and
// notes. The user's own work: nothing is saved until Save, a link must be http(s), and the outcome
// is said in a live region.
import { useEffect, useId, useState } from 'preact/hooks';
import { REVIEW_STATUSES, type Review } from '../core/register/review-state';
import { safeHttpUrl } from './format';
import { useI18n } from './i18n';
import { REVIEW_STATUS_KEY } from './review-status';

interface ReviewFieldsProps {
  review: Review;
  onSave: (review: Review) => Promise<unknown>;
}

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; text: string };

export function ReviewFields({ review, onSave }: ReviewFieldsProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(review);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [linkError, setLinkError] = useState(false);
  useEffect(() => setDraft(review), [review]);
  const set = <K extends keyof Review>(key: K, value: Review[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const link = draft.dpaLink?.trim() ? safeHttpUrl(draft.dpaLink) : null;
    if (draft.dpaLink?.trim() && !link) {
      setLinkError(true);
      setStatus({ kind: 'error', text: t('reviewLinkInvalid') });
      return;
    }
    setLinkError(false);
    try {
      await onSave({ ...draft, dpaLink: link });
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: t('reviewSaveFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };

  return (
    <form class="review" aria-labelledby={`${id}-heading`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-heading`} class="review__heading">
        {t('reviewHeading')}
      </h3>
      <div class="review__grid">
        <label for={`${id}-status`}>{t('reviewStatusLabel')}</label>
        <select
          id={`${id}-status`}
          name="status"
          value={draft.status}
          onChange={(e) => set('status', e.currentTarget.value as Review['status'])}
        >
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(REVIEW_STATUS_KEY[s])}
            </option>
          ))}
        </select>
        <label for={`${id}-signed`}>{t('reviewDpaSignedLabel')}</label>
        <input
          id={`${id}-signed`}
          name="dpaSignedOn"
          type="date"
          value={draft.dpaSignedOn ?? ''}
          onInput={(e) => set('dpaSignedOn', date(e.currentTarget.value))}
        />
        <label for={`${id}-link`}>{t('reviewDpaLinkLabel')}</label>
        <input
          id={`${id}-link`}
          name="dpaLink"
          type="url"
          inputMode="url"
          placeholder="https://"
          aria-invalid={linkError}
          aria-describedby={linkError ? `${id}-link-error` : undefined}
          value={draft.dpaLink ?? ''}
          onInput={(e) => set('dpaLink', e.currentTarget.value)}
        />
        {linkError && (
          <p id={`${id}-link-error`} class="field-error review__wide">
            {t('reviewLinkInvalid')}
          </p>
        )}
        <label for={`${id}-owner`}>{t('reviewOwnerLabel')}</label>
        <input
          id={`${id}-owner`}
          name="owner"
          type="text"
          maxLength={300}
          value={draft.owner}
          onInput={(e) => set('owner', e.currentTarget.value)}
        />
        <label for={`${id}-next`}>{t('reviewNextLabel')}</label>
        <input
          id={`${id}-next`}
          name="nextReview"
          type="date"
          value={draft.nextReview ?? ''}
          onInput={(e) => set('nextReview', date(e.currentTarget.value))}
        />
        <label for={`${id}-notes`} class="review__wide">
          {t('reviewNotesLabel')}
        </label>
        <textarea
          id={`${id}-notes`}
          name="notes"
          class="review__wide"
          rows={4}
          maxLength={10_000}
          value={draft.notes}
          onInput={(e) => set('notes', e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="button">
          {t('reviewSave')}
        </button>
      </div>
      <p class={status.kind === 'error' ? 'status status--error' : 'status'} role="status">
        {status.kind === 'saved' ? t('reviewSaved') : status.kind === 'error' ? status.text : ''}
      </p>
    </form>
  );
}

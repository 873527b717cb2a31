// A refresh result held back because it lost most of the vendors, or a preview of a list read with
// less than high confidence (prose, links): the counts, what applying it would change, and the
// user's choice. The stored list stays in use until then.
import type { SummaryPart } from '../core/register/history-schema';
import { READER_KEYS } from '../platform/source-types';
import type { HeldSummary } from '../platform/store/source-parts';
import { clip } from '../ui/format';
import { isolate, useI18n } from '../ui/i18n';
import { formatMoment } from './format-time';

interface HeldNoticeProps {
  held: HeldSummary;
  title: string;
  /** Which of the two is running, if one is. */
  busy: 'confirm' | 'discard' | null;
  /** Some command is running: the buttons wait. */
  locked: boolean;
  onConfirm: () => void;
  onDiscard: () => void;
}

function names(part: SummaryPart, locale: string, more: (n: number) => string): string {
  const listed = part.names.map((n) => isolate(clip(n, 100)));
  const all = part.more > 0 ? [...listed, more(part.more)] : listed;
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(all);
  } catch {
    return all.join(', ');
  }
}

export function HeldNotice({ held, title, busy, locked, onConfirm, onDiscard }: HeldNoticeProps) {
  const { t, locale } = useI18n();
  const fmt = new Intl.NumberFormat(locale);
  const more = (n: number) => t('andMore', fmt.format(n));
  if (held.reason === 'preview') {
    const reader = held.reader ? t(READER_KEYS[held.reader]) : '';
    return (
      <fieldset class="held">
        <legend class="held__title">
          <span class="held__icon" aria-hidden="true" />
          {t('heldPreviewTitle', [reader, fmt.format(held.after)])}
        </legend>
        <p>{t('heldPreviewCounts', [formatMoment(held.at, locale), isolate(clip(title, 200))])}</p>
        {held.summary.added.count > 0 && (
          <p class="held__names">{t('heldAddedNames', names(held.summary.added, locale, more))}</p>
        )}
        {held.summary.removed.count > 0 && (
          <p class="held__names">{t('heldRemovedNames', names(held.summary.removed, locale, more))}</p>
        )}
        <p class="muted">{t('heldPreviewAdvice')}</p>
        <div class="actions">
          <button type="button" class="button" aria-disabled={locked} onClick={() => !locked && onDiscard()}>
            {busy === 'discard' ? t('working') : t('heldPreviewDiscard')}
          </button>
          <button type="button" class="button" aria-disabled={locked} onClick={() => !locked && onConfirm()}>
            {busy === 'confirm' ? t('working') : t('heldPreviewKeep')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <fieldset class="held">
      <legend class="held__title">
        <span class="held__icon" aria-hidden="true" />
        {t('heldTitle', isolate(clip(title, 200)))}
      </legend>
      <p>
        {t('heldCounts', [
          formatMoment(held.at, locale),
          fmt.format(held.after),
          fmt.format(held.removed),
          fmt.format(held.before),
        ])}
      </p>
      {held.summary.removed.count > 0 && (
        <p class="held__names">{t('heldRemovedNames', names(held.summary.removed, locale, more))}</p>
      )}
      {held.summary.added.count > 0 && (
        <p class="held__names">{t('heldAddedNames', names(held.summary.added, locale, more))}</p>
      )}
      <p class="muted">{t('heldAdvice')}</p>
      <div class="actions">
        <button type="button" class="button" aria-disabled={locked} onClick={() => !locked && onDiscard()}>
          {busy === 'discard' ? t('working') : t('heldDiscard')}
        </button>
        <button
          type="button"
          class="button button--warning"
          aria-disabled={locked}
          onClick={() => !locked && onConfirm()}
        >
          {busy === 'confirm' ? t('working') : t('heldConfirm')}
        </button>
      </div>
    </fieldset>
  );
}

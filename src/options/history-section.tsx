// What changed: every applied refresh of every source, newest first, with its date. A page of
// entries at a time ("Show more"), and a bounded number of vendors per entry, so a long history
// keeps the page light.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../core/register/history-schema';
import { clip, formatDay } from '../ui/format';
import { isolate, plural, useI18n } from '../ui/i18n';
import { FIELD_LABEL_KEY, fieldChangeText } from './field-change-text';
import { formatMoment } from './format-time';

/** Entries shown at first and added by each "Show more". */
export const HISTORY_PAGE = 10;
/** Vendors listed per kind (added, removed, changed) in one entry; the rest are counted. */
export const HISTORY_VENDORS = 25;

function Vendors<T>({
  label,
  items,
  total,
  render,
}: {
  label: string;
  items: readonly T[];
  /** How many there were: the entry itself may name fewer. */
  total: number;
  render: (item: T) => ComponentChild;
}) {
  const i18n = useI18n();
  if (items.length === 0) return null;
  const shown = items.slice(0, HISTORY_VENDORS);
  const more = Math.max(total, items.length) - shown.length;
  return (
    <div class="change__group">
      <h4 class="change__label">{label}</h4>
      <ul class="change__vendors">
        {shown.map((item, i) => (
          <li key={i}>{render(item)}</li>
        ))}
        {more > 0 && (
          <li class="muted">{i18n.t('andMore', new Intl.NumberFormat(i18n.locale).format(more))}</li>
        )}
      </ul>
    </div>
  );
}

function Entry({ entry }: { entry: HistoryEntry }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  // Counts from the summary: the entry keeps at most MAX_HISTORY_VENDORS names per kind.
  const added = entry.summary?.added.count ?? entry.added.length;
  const removed = entry.summary?.removed.count ?? entry.removed.length;
  const changed = entry.summary?.changed.count ?? entry.changed.length;
  return (
    <li class="change">
      <h3 class="change__heading" tabIndex={-1}>
        <time dateTime={entry.at}>{formatMoment(entry.at, locale)}</time>
        <span aria-hidden="true"> · </span>
        <span class="visually-hidden">, </span>
        <span dir="auto">{clip(entry.listTitle, 200)}</span>
      </h3>
      <p class="change__summary">
        {[
          added ? plural(i18n, 'historyAdded', added) : '',
          removed ? plural(i18n, 'historyRemoved', removed) : '',
          changed ? plural(i18n, 'historyChanged', changed) : '',
        ]
          .filter(Boolean)
          .join(', ')}
        {entry.confirmed && <span class="change__note"> {t('historyConfirmed')}</span>}
      </p>
      {entry.updated && (
        <p class="muted">
          {t('historyListDate', [
            entry.updated.before ? formatDay(entry.updated.before, locale) : t('sourceNotDated'),
            entry.updated.after ? formatDay(entry.updated.after, locale) : t('sourceNotDated'),
          ])}
        </p>
      )}
      <Vendors
        label={t('historyAddedLabel')}
        items={entry.added}
        total={added}
        render={(v) => (
          <>
            <span dir="auto" class="change__name">
              {clip(v.name, 200)}
            </span>
            {v.location && <span class="muted"> ({isolate(clip(v.location, 200))})</span>}
          </>
        )}
      />
      <Vendors
        label={t('historyRemovedLabel')}
        items={entry.removed}
        total={removed}
        render={(v) => (
          <span dir="auto" class="change__name">
            {clip(v.name, 200)}
          </span>
        )}
      />
      <Vendors
        label={t('historyChangedLabel')}
        items={entry.changed}
        total={changed}
        render={(c) => (
          <>
            <span dir="auto" class="change__name">
              {clip(c.name, 200)}
            </span>
            <ul class="change__fields">
              {c.changes.map((change, i) => (
                <li key={`${change.field}-${i}`}>
                  <span class="change__field">{t(FIELD_LABEL_KEY[change.field] ?? 'fieldOther')}:</span>{' '}
                  {fieldChangeText(change, i18n)}
                </li>
              ))}
            </ul>
          </>
        )}
      />
    </li>
  );
}

export function HistorySection({ history }: { history: readonly HistoryEntry[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [shown, setShown] = useState(HISTORY_PAGE);
  const list = useRef<HTMLOListElement>(null);
  const firstNew = useRef<number | null>(null);
  // "Show more" moves focus to the first entry it revealed, so keyboard users carry on from there.
  useLayoutEffect(() => {
    if (firstNew.current === null) return;
    list.current?.querySelectorAll<HTMLElement>('.change__heading')[firstNew.current]?.focus();
    firstNew.current = null;
  }, [shown]);
  const left = history.length - shown;
  return (
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading" class="panel__heading">
        {t('historyHeading')}
      </h2>
      {history.length === 0 ? (
        <p class="muted">{t('historyEmpty')}</p>
      ) : (
        <ol class="history" ref={list}>
          {history.slice(0, shown).map((entry, i) => (
            <Entry key={`${entry.sourceId}-${entry.at}-${i}`} entry={entry} />
          ))}
        </ol>
      )}
      {left > 0 && (
        <button
          type="button"
          class="button history__more"
          onClick={() => {
            firstNew.current = shown;
            setShown(shown + HISTORY_PAGE);
          }}
        >
          {t('historyShowMore', [
            new Intl.NumberFormat(i18n.locale).format(Math.min(left, HISTORY_PAGE)),
            new Intl.NumberFormat(i18n.locale).format(left),
          ])}
        </button>
      )}
    </section>
  );
}

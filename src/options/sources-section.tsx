// The lists the extension uses: title, date, vendor count, address, which copy is in use, and any
// problem with the stored data (the last good copy stays in use).
import type { SubprocessorList } from '../core/list';
import { clip, formatDay } from '../ui/format';
import { useI18n } from '../ui/i18n';
import { SafeLink } from '../ui/safe-link';

export interface SourceInfo {
  list: SubprocessorList;
  origin: 'stored' | 'bundled';
  fetchedAt: string | null;
  problem: string | null;
}

function formatMoment(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

export function SourcesSection({ sources }: { sources: readonly SourceInfo[] }) {
  const { t, locale } = useI18n();
  return (
    <section class="panel" aria-labelledby="sources-heading">
      <h2 id="sources-heading" class="panel__heading">
        {t('sourcesHeading')}
      </h2>
      <ul class="sources">
        {sources.map(({ list, origin, fetchedAt, problem }, i) => (
          <li key={`${list.source.url}-${i}`} class="source">
            <h3 class="source__name" dir="auto">
              {clip(list.source.title, 200)}
            </h3>
            {problem && (
              <p class="problem" role="alert">
                <span class="problem__label">{t('sourceProblem')}</span> {problem} {t('sourceProblemKept')}
              </p>
            )}
            <dl class="source__facts">
              <div>
                <dt>{t('sourceUpdated')}</dt>
                <dd>{list.source.updated ? formatDay(list.source.updated, locale) : t('sourceNotDated')}</dd>
              </div>
              <div>
                <dt>{t('sourceVendors')}</dt>
                <dd>{new Intl.NumberFormat(locale).format(list.vendors.length)}</dd>
              </div>
              <div>
                <dt>{t('sourceUrl')}</dt>
                <dd>
                  {list.source.url ? (
                    <SafeLink href={list.source.url}>{clip(list.source.url, 300)}</SafeLink>
                  ) : (
                    <span class="muted">{t('sourceNoUrl')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('sourceOrigin')}</dt>
                <dd>{origin === 'stored' ? t('originStored') : t('originBundled')}</dd>
              </div>
              {fetchedAt && (
                <div>
                  <dt>{t('sourceFetched')}</dt>
                  <dd>{formatMoment(fetchedAt, locale)}</dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

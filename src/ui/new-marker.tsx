// A "new" marker beside a vendor that a list added recently. Its accessible text says since when,
// so it is not only a word in a coloured box.
import { formatDay } from './format';
import { useI18n } from './i18n';

export function NewMarker({ since }: { since: string }) {
  const { t, locale } = useI18n();
  const day = formatDay(since.slice(0, 10), locale);
  return (
    <span class="new-marker" title={t('newVendorTitle', day)}>
      <span aria-hidden="true">{t('newVendorMarker')}</span>
      <span class="visually-hidden">{t('newVendorTitle', day)}</span>
    </span>
  );
}

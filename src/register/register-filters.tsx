// The register's search field and filters. Each change narrows the table at once; the view (and so
// these values) lives in the page's address.
import { useMemo } from 'preact/hooks';
import { REVIEW_STATUSES, type ReviewStatus } from '../core/register/review-state';
import { NO_FILTER, type RegisterFilter } from '../core/register/rows';
import { clip } from '../ui/format';
import { useI18n } from '../ui/i18n';
import { REVIEW_STATUS_KEY } from '../ui/review-status';
import { regionName } from '../ui/vendor-facts';
import { findingName } from './finding-name';

interface RegisterFiltersProps {
  filter: RegisterFilter;
  onChange: (filter: RegisterFilter) => void;
  sources: readonly { id: string; title: string }[];
  countries: readonly string[];
  findings: readonly string[];
}

export function RegisterFilters({ filter, onChange, sources, countries, findings }: RegisterFiltersProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const set = (partial: Partial<RegisterFilter>) => onChange({ ...filter, ...partial });
  const orNull = (value: string) => (value === '' ? null : value);
  // Named and sorted once per register, not on every keystroke.
  const byName = useMemo(
    () =>
      countries
        .map((code) => ({ code, name: regionName(code, locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [countries, locale],
  );
  return (
    <search class="register__filters" aria-label={t('registerFiltersLabel')}>
      <div class="register__field register__field--search">
        <label for="register-search">{t('registerSearchLabel')}</label>
        <input
          id="register-search"
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder={t('searchPlaceholder')}
          value={filter.query}
          onInput={(e) => set({ query: e.currentTarget.value })}
        />
      </div>
      <div class="register__field">
        <label for="register-source">{t('registerFilterSource')}</label>
        <select
          id="register-source"
          value={filter.source ?? ''}
          onChange={(e) => set({ source: orNull(e.currentTarget.value) })}
        >
          <option value="">{t('registerFilterAny')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {clip(s.title, 80)}
            </option>
          ))}
        </select>
      </div>
      <div class="register__field">
        <label for="register-country">{t('registerFilterCountry')}</label>
        <select
          id="register-country"
          value={filter.country ?? ''}
          onChange={(e) => set({ country: orNull(e.currentTarget.value) })}
        >
          <option value="">{t('registerFilterAny')}</option>
          {byName.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div class="register__field">
        <label for="register-finding">{t('registerFilterFinding')}</label>
        <select
          id="register-finding"
          value={filter.finding ?? ''}
          onChange={(e) => set({ finding: orNull(e.currentTarget.value) })}
        >
          <option value="">{t('registerFilterAny')}</option>
          {findings.map((id) => (
            <option key={id} value={id}>
              {findingName(id, i18n)}
            </option>
          ))}
        </select>
      </div>
      <div class="register__field">
        <label for="register-status">{t('registerFilterStatus')}</label>
        <select
          id="register-status"
          value={filter.status ?? ''}
          onChange={(e) => set({ status: orNull(e.currentTarget.value) as ReviewStatus | null })}
        >
          <option value="">{t('registerFilterAny')}</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(REVIEW_STATUS_KEY[s])}
            </option>
          ))}
        </select>
      </div>
      <div class="register__field register__field--check">
        <input
          id="register-new"
          type="checkbox"
          checked={filter.windowOpen}
          onChange={(e) => set({ windowOpen: e.currentTarget.checked })}
        />
        <label for="register-new">{t('registerFilterNew')}</label>
      </div>
      <div class="register__field register__field--clear">
        <button type="button" class="button" onClick={() => onChange(NO_FILTER)}>
          {t('registerClearFilters')}
        </button>
      </div>
    </search>
  );
}

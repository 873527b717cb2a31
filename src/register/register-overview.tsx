// The register at a glance, above the table: the counts, then the charts (each an SVG with a title
// and its figures as a table).
import type { RegisterOverview } from '../core/register/overview';
import { BarChart } from '../ui/bar-chart';
import { useI18n } from '../ui/i18n';
import { DPA_KEY, regionName } from '../ui/vendor-facts';
import { TRANSFER_KEY } from './register-table';

function Count({ label, value, id }: { label: string; value: number; id: string }) {
  const { locale } = useI18n();
  return (
    <div class="overview__count" data-count={id}>
      <dt>{label}</dt>
      <dd>{new Intl.NumberFormat(locale).format(value)}</dd>
    </div>
  );
}

function monthLabel(month: string, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${month}-01T00:00:00Z`),
    );
  } catch {
    return month;
  }
}

export function Overview({ overview }: { overview: RegisterOverview }) {
  const { t, locale } = useI18n();
  const o = overview;
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading" class="overview__heading">
        {t('overviewHeading')}
      </h2>
      <dl class="overview__counts">
        <Count id="vendors" label={t('overviewVendors')} value={o.vendors} />
        <Count id="sources" label={t('overviewSources')} value={o.sources} />
        <Count id="risk" label={t('overviewRisks')} value={o.findings.risk} />
        <Count id="warning" label={t('overviewWarnings')} value={o.findings.warning} />
        <Count id="info" label={t('overviewNotes')} value={o.findings.info} />
        <Count id="not-reviewed" label={t('overviewNotReviewed')} value={o.notReviewed} />
        <Count id="stale" label={t('overviewStaleLists')} value={o.staleLists} />
      </dl>
      <div class="overview__charts">
        <BarChart
          title={t('chartByCountry')}
          bars={o.byCountry.map((b) => ({
            label: b.key ? regionName(b.key, locale) : t('chartOtherCountries'),
            count: b.count,
          }))}
        />
        <BarChart
          title={t('chartByTransfer')}
          bars={o.byTransfer.map((b) => ({ label: t(TRANSFER_KEY[b.key as 'eea']), count: b.count }))}
        />
        <BarChart
          title={t('chartDpa')}
          bars={o.dpa.map((b) => ({ label: t(DPA_KEY[b.key as 'signed']), count: b.count }))}
        />
        <BarChart
          title={t('chartCertifications')}
          bars={[
            { label: t('chartCertified'), count: o.certified.with },
            { label: t('chartNotCertified'), count: o.certified.without },
          ]}
        />
        <BarChart
          title={t('chartChanges')}
          bars={o.changes.map((m) => ({
            label: monthLabel(m.month, locale),
            count: m.added + m.removed + m.changed,
          }))}
        />
      </div>
    </section>
  );
}

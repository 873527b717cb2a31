// The labelled facts of a vendor card: location, certifications, data processed, use, DPA, website.
import { intlOnce } from '../core/intl-once';
import type { Certification, Vendor } from '../core/list';
import { clip, displayHost, formatDay, safeHttpUrl } from './format';
import { type I18n, useI18n } from './i18n';
import { ListedBy } from './listed-by';
import { SafeLink } from './safe-link';

const TEXT_MAX = 1000;
export const DPA_KEY = {
  signed: 'dpaSigned',
  incorporated: 'dpaIncorporated',
  'not-signed': 'dpaNotSigned',
  unknown: 'dpaUnknown',
} as const;

/** The country's name in the translation's language ("US" -> "United States"). */
export function regionName(code: string, locale: string): string {
  try {
    const names = intlOnce(
      `region|${locale}`,
      () => new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }),
    );
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

function joinList(items: readonly string[], locale: string): string {
  const clipped = items.map((item) => clip(item, TEXT_MAX));
  try {
    return new Intl.ListFormat(locale, { style: 'short', type: 'unit' }).format(clipped);
  } catch {
    return clipped.join(', ');
  }
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function CertificationItem({ cert }: { cert: Certification }) {
  const { t } = useI18n();
  // The original wording matters to an auditor; repeat it only when it differs from the label.
  const showOriginal = cert.text.trim() !== '' && squash(cert.text) !== squash(cert.label);
  return (
    <li class="cert">
      <span class="cert__label" dir="auto">
        {clip(cert.label || cert.text, 200)}
      </span>
      {showOriginal && (
        <span class="cert__original" dir="auto">
          {' '}
          {t('certListedAs', clip(cert.text, 300))}
        </span>
      )}
    </li>
  );
}

function dpaText(vendor: Vendor, i18n: I18n): string {
  const status = i18n.t(DPA_KEY[vendor.dpa.status] ?? 'dpaUnknown');
  return vendor.dpa.date ? i18n.t('dpaDated', [status, formatDay(vendor.dpa.date, i18n.locale)]) : status;
}

/** showListedBy: say which lists name the vendor; worth it only when the register merges several. */
export function VendorFacts({ vendor, showListedBy = true }: { vendor: Vendor; showListedBy?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const notStated = <span class="muted">{t('notStated')}</span>;
  const website = safeHttpUrl(vendor.website);
  return (
    <dl class="facts">
      <div class="facts__row">
        <dt>{t('fieldLocation')}</dt>
        <dd>
          {vendor.location.text ? <span dir="auto">{clip(vendor.location.text, TEXT_MAX)}</span> : notStated}
          {vendor.location.country && (
            <span class="facts__sub">{t('countryLine', regionName(vendor.location.country, locale))}</span>
          )}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{t('fieldCertifications')}</dt>
        <dd>
          {vendor.certifications.length === 0 ? (
            <span class="muted">{t('noCertifications')}</span>
          ) : (
            <ul class="certs">
              {vendor.certifications.map((cert, i) => (
                <CertificationItem key={`${cert.id}-${i}`} cert={cert} />
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{t('fieldDataProcessed')}</dt>
        <dd dir="auto">{vendor.dataProcessed.length ? joinList(vendor.dataProcessed, locale) : notStated}</dd>
      </div>
      <div class="facts__row">
        <dt>{t('fieldUse')}</dt>
        <dd dir="auto">{vendor.use.length ? joinList(vendor.use, locale) : notStated}</dd>
      </div>
      <div class="facts__row">
        <dt>
          <abbr title={t('fieldDpaTitle')}>{t('fieldDpa')}</abbr>
        </dt>
        <dd>
          {dpaText(vendor, i18n)}
          {vendor.dpa.status === 'unknown' && vendor.dpa.text.trim() && (
            <span class="facts__sub" dir="auto">
              {t('certListedAs', clip(vendor.dpa.text, 300))}
            </span>
          )}
        </dd>
      </div>
      <div class="facts__row">
        <dt>{t('fieldWebsite')}</dt>
        <dd>
          {website ? (
            <SafeLink href={website}>{displayHost(website)}</SafeLink>
          ) : vendor.website ? (
            <span dir="auto">{clip(vendor.website, 300)}</span>
          ) : (
            <span class="muted">{t('noWebsite')}</span>
          )}
        </dd>
      </div>
      {showListedBy && vendor.listedBy && vendor.listedBy.length > 0 && (
        <div class="facts__row">
          <dt>{t('fieldListedBy')}</dt>
          <dd>
            <ListedBy listings={vendor.listedBy} />
          </dd>
        </div>
      )}
    </dl>
  );
}

// A vendor's findings, most serious first. Severity is a word and an icon shape, not only a colour.
import { findingText } from '../core/finding-text';
import type { Flag, Severity } from '../core/list';
import { clip } from './format';
import { useI18n } from './i18n';

const SEVERITY_KEY: Record<Severity, string> = {
  risk: 'severityRisk',
  warning: 'severityWarning',
  info: 'severityInfo',
};

/** Unknown severities (a hand-edited list) read as the mildest rather than breaking the card. */
export function severityOf(flag: Pick<Flag, 'severity'>): Severity {
  return flag.severity in SEVERITY_KEY ? flag.severity : 'info';
}

export function SeverityLabel({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span class={`severity severity--${severity}`}>
      <span class="severity__icon" aria-hidden="true" />
      {t(SEVERITY_KEY[severity])}
    </span>
  );
}

export function Findings({ flags, headingId }: { flags: readonly Flag[]; headingId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section class="findings" aria-labelledby={headingId}>
      <h3 id={headingId} class="findings__heading">
        {t('findingsHeading')}
      </h3>
      {flags.length === 0 ? (
        <p class="muted">{t('noFindings')}</p>
      ) : (
        <ul class="findings__list">
          {flags.map((flag, i) => {
            const severity = severityOf(flag);
            return (
              <li key={`${flag.id}-${i}`} class={`finding finding--${severity}`}>
                <SeverityLabel severity={severity} />
                <p class="finding__text" dir="auto">
                  {clip(findingText(flag, i18n), 2000)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

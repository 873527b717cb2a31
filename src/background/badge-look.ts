// What the toolbar button says about a tab: the badge text and colours, and the title (tooltip).
// A vendor's own site gets the vendor's name and its most serious finding; a customer's site hosted on
// a vendor (foo.herokuapp.com) gets a quiet, different badge that never carries the vendor's findings,
// because those findings are about the host, not about the site the user is on.

import { findingText } from '../core/finding-text';
import { formatDay } from '../core/format-day';
import { isolate } from '../core/isolate';
import type { Flag, Vendor } from '../core/list';
import type { MatchResult } from '../core/match';
import { topFlag } from '../core/severity';
import { translationOf } from '../core/translate';
import type { BadgeLook } from '../platform/badge';
import { t } from '../platform/i18n';
import { BADGE_COLORS } from './badge-colors';

// Short phrases for the title, one per finding the core raises (src/core/assess.ts).
const FINDING_KEYS: Record<string, string> = {
  'privacy-shield': 'titleFindingPrivacyShield',
  'no-certifications': 'titleFindingNoCertifications',
  'dpa-not-signed': 'titleFindingDpaNotSigned',
  'dpa-unknown': 'titleFindingDpaUnknown',
  'transfer-us-no-dpf': 'titleFindingUsNoDpf',
  'transfer-no-adequacy': 'titleFindingNoAdequacy',
};

function dpaSummary(vendor: Vendor): string {
  const { status, date } = vendor.dpa;
  if (status === 'signed')
    return date ? t('titleDpaSignedOn', formatDay(date, t('formatLocale'))) : t('titleDpaSigned');
  if (status === 'incorporated') return t('titleDpaIncorporated');
  if (status === 'not-signed') return t('titleFindingDpaNotSigned');
  return t('titleFindingDpaUnknown');
}

function findingSummary(flag: Flag): string {
  const key = FINDING_KEYS[flag.id];
  if (key) return t(key);
  // A finding with no short phrase: the first sentence of its full text.
  const full = findingText(flag, translationOf(t));
  const sentence = full.split(/(?<=\.)\s/)[0] ?? full;
  return sentence.length > 100 ? `${sentence.slice(0, 99).trimEnd()}…` : sentence;
}

function vendorLook(vendor: Vendor): BadgeLook {
  const top = topFlag(vendor.flags);
  if (!top || top.severity === 'info') {
    return {
      text: t('badgeTextVendor'),
      ...BADGE_COLORS.vendor,
      title: t('titleVendor', [isolate(vendor.name), dpaSummary(vendor)]),
    };
  }
  const finding = findingSummary(top);
  // The DPA is what a reviewer asks next; say it unless the finding already is about the DPA.
  const title = top.id.startsWith('dpa-')
    ? t('titleVendor', [isolate(vendor.name), finding])
    : t('titleVendorWithDpa', [isolate(vendor.name), finding, dpaSummary(vendor)]);
  return top.severity === 'risk'
    ? { text: t('badgeTextRisk'), ...BADGE_COLORS.risk, title }
    : { text: t('badgeTextWarning'), ...BADGE_COLORS.warning, title };
}

/** The look for a tab whose host matched as `found`; null when the badge should be cleared. */
export function badgeLook(found: MatchResult, host: string): BadgeLook | null {
  const { vendor, relation } = found;
  if (!vendor) return null;
  if (relation === 'hosted-on') {
    return {
      text: t('badgeTextHostedOn'),
      ...BADGE_COLORS.hostedOn,
      title: t('titleHostedOn', [isolate(host), isolate(vendor.name)]),
    };
  }
  return vendorLook(vendor);
}

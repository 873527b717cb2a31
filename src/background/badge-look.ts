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
import type { BadgeFace, BadgeLook } from '../platform/badge';
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

type Kind = keyof typeof BADGE_COLORS;

const TEXT_KEYS: Record<Kind, string> = {
  vendor: 'badgeTextVendor',
  warning: 'badgeTextWarning',
  risk: 'badgeTextRisk',
  hostedOn: 'badgeTextHostedOn',
};

function kindOf(found: MatchResult): Kind | null {
  const { vendor, relation } = found;
  if (!vendor) return null;
  if (relation === 'hosted-on') return 'hostedOn';
  const top = topFlag(vendor.flags);
  if (!top || top.severity === 'info') return 'vendor';
  return top.severity === 'risk' ? 'risk' : 'warning';
}

function vendorTitle(vendor: Vendor): string {
  const top = topFlag(vendor.flags);
  if (!top || top.severity === 'info') return t('titleVendor', [isolate(vendor.name), dpaSummary(vendor)]);
  const finding = findingSummary(top);
  // The DPA is what a reviewer asks next; say it unless the finding already is about the DPA.
  return top.id.startsWith('dpa-')
    ? t('titleVendor', [isolate(vendor.name), finding])
    : t('titleVendorWithDpa', [isolate(vendor.name), finding, dpaSummary(vendor)]);
}

/** The badge's text and colours for a tab whose host matched as `found`; null: clear the badge. */
export function badgeFace(found: MatchResult): BadgeFace | null {
  const kind = kindOf(found);
  return kind ? { text: t(TEXT_KEYS[kind]), ...BADGE_COLORS[kind] } : null;
}

/** The button's title (tooltip) for a tab on `host` that matched a vendor as `found`. Apart from
 * the face: its dates are formatted with Intl, which costs a few ms in a freshly woken worker, so
 * the badge is set first (update-tabs.ts). */
export function badgeTitle(found: MatchResult, host: string): string {
  const { vendor } = found;
  if (!vendor) return t('actionTitle');
  return kindOf(found) === 'hostedOn'
    ? t('titleHostedOn', [isolate(host), isolate(vendor.name)])
    : vendorTitle(vendor);
}

/** The look for a tab whose host matched as `found`; null when the badge should be cleared. */
export function badgeLook(found: MatchResult, host: string): BadgeLook | null {
  const face = badgeFace(found);
  return face && { ...face, title: badgeTitle(found, host) };
}

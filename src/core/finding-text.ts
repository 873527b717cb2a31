// The one place a finding (id + params, core/assess.ts) becomes a sentence, in any language: the
// templates are the locale files' `finding*` messages (assets/_locales/<lang>/messages.json), and the
// params are formatted here in the translation's locale (country names and dates through Intl). The
// popup, the options page, the badge title, the exports and the CLI all call this.
import { countryName } from './country-name';
import { formatDay } from './format-day';
import type { Flag, FlagParams } from './list';
import type { Translation } from './translate';

type Args = (params: FlagParams, tr: Translation) => string[];

const text = (params: FlagParams, name: string) => {
  const value = params[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};
const day = (name: string) => (params: FlagParams, tr: Translation) =>
  formatDay(text(params, name), tr.locale, 'long');
const country = (params: FlagParams, tr: Translation) => {
  const code = text(params, 'country');
  return countryName(code, tr.locale) ?? code;
};

/** Each finding core/assess.ts raises: its message key and the substitutions ($1, $2 …) it takes. */
const FINDINGS: Record<string, { key: string; args?: Args }> = {
  'privacy-shield': { key: 'findingPrivacyShield' },
  'no-certifications': { key: 'findingNoCertifications' },
  'dpa-not-signed': { key: 'findingDpaNotSigned' },
  'dpa-unknown': { key: 'findingDpaUnknown' },
  'transfer-dpf': { key: 'findingTransferDpf', args: (p, tr) => [day('date')(p, tr)] },
  'transfer-us-no-dpf': { key: 'findingTransferUsNoDpf', args: (p, tr) => [day('date')(p, tr)] },
  'transfer-no-adequacy': { key: 'findingTransferNoAdequacy', args: (p, tr) => [country(p, tr)] },
  'stale-list': { key: 'findingStaleList', args: (p, tr) => [day('updated')(p, tr)] },
};

function adequate(params: FlagParams, tr: Translation): string {
  const args = [country(params, tr), day('date')(params, tr)];
  const scope = text(params, 'scope');
  const scoped = scope && /^[a-z0-9]+$/.test(scope) ? tr.t(`adequacyScope_${scope}`) : '';
  return scoped
    ? tr.t('findingTransferAdequateScoped', [...args, scoped])
    : tr.t('findingTransferAdequate', args);
}

/** The finding as a sentence in the translation's language. A finding this version does not know
 * (written by a newer one) still reads as a sentence that names it. */
export function findingText(flag: Pick<Flag, 'id' | 'params'>, tr: Translation): string {
  const params = flag.params ?? {};
  if (flag.id === 'transfer-adequate') return adequate(params, tr);
  const known = Object.hasOwn(FINDINGS, flag.id) ? FINDINGS[flag.id] : undefined;
  if (!known) return tr.t('findingUnknown', flag.id);
  return tr.t(known.key, known.args?.(params, tr) ?? []);
}

/** The message keys findings use, for the locale tests. */
export const FINDING_MESSAGE_KEYS: readonly string[] = [
  ...Object.values(FINDINGS).map((f) => f.key),
  'findingTransferAdequate',
  'findingTransferAdequateScoped',
  'findingUnknown',
];

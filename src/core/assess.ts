// Findings a privacy reviewer would raise about a vendor: an id, a severity and the facts (params) its
// sentence needs. The sentences are in the locale files, written when shown (core/finding-text.ts).
import data from '../../assets/data/eea-adequacy.json';
import { formatDay } from './format-day';
import type { Flag, FlagParams, ListSource, Vendor } from './list';
import { bySeverity } from './severity';

export { topFlag } from './severity';

const EEA = new Set(data.eea);
const ADEQUACY = new Map(data.adequacy.map((a) => [a.country, a]));
/** "2018-10-08" -> "8 October 2018"; deterministic, whatever the machine's locale. */
export function formatDate(iso: string): string {
  return formatDay(iso, 'en-GB', 'long');
}

const STALE_AFTER_DAYS = 365;

export type VendorFacts = Omit<Vendor, 'flags'>;

export interface AssessOptions {
  /** Today, as YYYY-MM-DD; decides whether the list is stale. */
  today: string;
}

function transferFlag(vendor: VendorFacts): Flag | null {
  const code = vendor.location.country;
  if (!code || EEA.has(code)) return null;
  const adequacy = ADEQUACY.get(code);
  if (code === 'US') {
    const date = adequacy?.date ?? '2023-07-10';
    if (vendor.certifications.some((c) => c.id === 'dpf')) {
      return { id: 'transfer-dpf', severity: 'info', params: { date } };
    }
    // A note, not a warning: most lists predate the DPF and DPAs usually carry SCCs; a warning on
    // every US vendor would make the badge colour meaningless.
    return { id: 'transfer-us-no-dpf', severity: 'info', params: { date } };
  }
  if (adequacy) {
    const params: FlagParams = { country: code, date: adequacy.date };
    if ('scopeId' in adequacy && adequacy.scopeId) params.scope = adequacy.scopeId;
    return { id: 'transfer-adequate', severity: 'info', params };
  }
  return { id: 'transfer-no-adequacy', severity: 'warning', params: { country: code } };
}

function daysBetween(fromIso: string, toIso: string): number {
  return (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000;
}

/** Whether a list's own "last updated" date is more than a year before today (YYYY-MM-DD). */
export function listIsStale(source: Pick<ListSource, 'updated'>, today: string): boolean {
  return source.updated !== null && daysBetween(source.updated, today) > STALE_AFTER_DAYS;
}

/** All findings for one vendor of a list, most serious first. */
export function assessVendor(vendor: VendorFacts, source: ListSource, options: AssessOptions): Flag[] {
  const flags: Flag[] = [];
  if (vendor.certifications.some((c) => c.id === 'privacy-shield')) {
    flags.push({ id: 'privacy-shield', severity: 'warning' });
  }
  if (vendor.certifications.length === 0) {
    flags.push({ id: 'no-certifications', severity: 'warning' });
  }
  if (vendor.dpa.status === 'not-signed') {
    flags.push({ id: 'dpa-not-signed', severity: 'risk' });
  } else if (vendor.dpa.status === 'unknown') {
    flags.push({ id: 'dpa-unknown', severity: 'warning' });
  }
  const transfer = transferFlag(vendor);
  if (transfer) flags.push(transfer);
  if (source.updated && listIsStale(source, options.today)) {
    flags.push({ id: 'stale-list', severity: 'info', params: { updated: source.updated } });
  }
  return flags.sort(bySeverity);
}

/** A vendor whose findings were stored before they had params (English sentences): recomputed from
 * its facts. Whether the list was stale stays as it was decided when the list was read. */
export function reassessVendor(vendor: Vendor, source: ListSource): Vendor {
  const flags = assessVendor(vendor, source, { today: source.updated ?? '' });
  if (source.updated && vendor.flags.some((f) => f.id === 'stale-list')) {
    flags.push({ id: 'stale-list', severity: 'info', params: { updated: source.updated } });
  }
  return { ...vendor, flags: flags.sort(bySeverity) };
}

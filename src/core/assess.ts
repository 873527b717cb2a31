// Findings a privacy reviewer would raise about a vendor, each with a plain-language reason.
import data from '../../assets/data/eea-adequacy.json';
import { countryName } from './country-name';
import type { Flag, ListSource, Vendor } from './list';
import { bySeverity } from './severity';

export { topFlag } from './severity';

const EEA = new Set(data.eea);
const ADEQUACY = new Map(data.adequacy.map((a) => [a.country, a]));
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2018-10-08" -> "8 October 2018"; deterministic, whatever the machine's locale. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
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
  const name = countryName(code) ?? code;
  const adequacy = ADEQUACY.get(code);
  if (code === 'US') {
    if (vendor.certifications.some((c) => c.id === 'dpf')) {
      return {
        id: 'transfer-dpf',
        severity: 'info',
        message: `Located in the United States and lists the EU-US Data Privacy Framework, which the EU adequacy decision of ${formatDate(adequacy?.date ?? '2023-07-10')} covers.`,
      };
    }
    return {
      id: 'transfer-us-no-dpf',
      // A note, not a warning: most lists predate the DPF and DPAs usually carry SCCs; a warning on
      // every US vendor would make the badge colour meaningless.
      severity: 'info',
      message: `Located in the United States. The EU adequacy decision of ${formatDate(adequacy?.date ?? '2023-07-10')} covers only organisations certified under the EU-US Data Privacy Framework, and this list does not say the vendor is; otherwise transfers need safeguards such as standard contractual clauses (Art. 46 GDPR).`,
    };
  }
  if (adequacy) {
    const scope = 'scope' in adequacy && adequacy.scope ? ` (for ${adequacy.scope})` : '';
    return {
      id: 'transfer-adequate',
      severity: 'info',
      message: `Located in ${name}, outside the EEA, which has an EU adequacy decision of ${formatDate(adequacy.date)}${scope}.`,
    };
  }
  return {
    id: 'transfer-no-adequacy',
    severity: 'warning',
    message: `Located in ${name}, outside the EEA and without an EU adequacy decision: transfers need safeguards such as standard contractual clauses (Art. 46 GDPR).`,
  };
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
    flags.push({
      id: 'privacy-shield',
      severity: 'warning',
      message:
        'Relies on the EU-US Privacy Shield, which the Court of Justice of the EU invalidated on 16 July 2020 (Schrems II, C-311/18). US transfers now rely on the EU-US Data Privacy Framework (adequacy decision of 10 July 2023) or standard contractual clauses: ask the vendor which one applies.',
    });
  }
  if (vendor.certifications.length === 0) {
    flags.push({
      id: 'no-certifications',
      severity: 'warning',
      message:
        'No security certifications listed. Ask for an independent audit report (such as ISO/IEC 27001 or SOC 2) or a completed security questionnaire.',
    });
  }
  if (vendor.dpa.status === 'not-signed') {
    flags.push({
      id: 'dpa-not-signed',
      severity: 'risk',
      message:
        'No data processing agreement is signed. Art. 28(3) GDPR requires a contract with every processor before it handles personal data.',
    });
  } else if (vendor.dpa.status === 'unknown') {
    flags.push({
      id: 'dpa-unknown',
      severity: 'warning',
      message:
        'The list does not say whether a data processing agreement is signed. Art. 28(3) GDPR requires one with every processor.',
    });
  }
  const transfer = transferFlag(vendor);
  if (transfer) flags.push(transfer);
  if (source.updated && listIsStale(source, options.today)) {
    flags.push({
      id: 'stale-list',
      severity: 'info',
      message: `The source list was last updated on ${formatDate(source.updated)}, more than 12 months ago: vendors and terms may have changed since. Check the source.`,
    });
  }
  return flags.sort(bySeverity);
}

// A vendor's transfer basis under Chapter V GDPR, read from its findings (assess.ts names them), so
// the register and its charts say what the card says: within the EEA, an adequacy decision, the
// EU-US Data Privacy Framework, a transfer that needs safeguards (Art. 46), or unknown (no country).
import type { Vendor } from './list';

export const TRANSFER_BASES = ['eea', 'adequacy', 'dpf', 'safeguards', 'unknown'] as const;
export type TransferBasis = (typeof TRANSFER_BASES)[number];

const BY_FINDING: Record<string, TransferBasis> = {
  'transfer-adequate': 'adequacy',
  'transfer-dpf': 'dpf',
  'transfer-no-adequacy': 'safeguards',
  'transfer-us-no-dpf': 'safeguards',
};

export function transferBasisOf(vendor: Pick<Vendor, 'flags' | 'location'>): TransferBasis {
  for (const flag of vendor.flags) {
    const basis = BY_FINDING[flag.id];
    if (basis) return basis;
  }
  // No transfer finding: assess.ts gives none for a country inside the EEA, nor for no country.
  return vendor.location.country ? 'eea' : 'unknown';
}

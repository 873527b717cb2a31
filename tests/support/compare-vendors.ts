// How the merge tests compare vendors: by identity (the rule of src/core/register/vendor-identity.ts,
// by name key, then by website host) and by their facts without who lists them.
import type { Vendor } from '../../src/core/list';
import { hostKeyOf, type Identifiable, nameKeyOf } from '../../src/core/register/vendor-identity';

export function sameVendor(a: Identifiable, b: Identifiable): boolean {
  if (nameKeyOf(a) === nameKeyOf(b)) return true;
  const host = hostKeyOf(a);
  return host !== null && host === hostKeyOf(b);
}

/** The register's vendors without listings: what the lists say, minus who says it. */
export function withoutListings(vendor: Vendor): Vendor {
  const { listedBy: _ignored, ...facts } = vendor;
  return facts;
}

// A vendor with a name and nothing else known (no website, domains, facts or findings): the base the
// tests build their small vendors on, each setting only the fields it is about.
import type { Vendor } from '../../src/core/list';

export function blankVendor(name: string, fields: Partial<Vendor> = {}): Vendor {
  return {
    name,
    website: null,
    domains: [],
    location: { text: '', country: null },
    certifications: [],
    dataProcessed: [],
    use: [],
    dpa: { status: 'unknown', date: null, text: '' },
    flags: [],
    ...fields,
  };
}

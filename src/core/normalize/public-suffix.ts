// The Public Suffix List (ICANN and private sections, through tldts): which part of a host a
// registrant owns. "trust.acme.com" belongs to acme.com; "co.uk", "github.io" and "blogspot.com"
// belong to nobody, so no vendor can claim them or the sites under them.
// tldts holds the whole list (about 126 KB minified): keep this file off the popup's import path.
import { getDomain } from 'tldts';

const OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/** The registrable domain of a host ("eu.trust.acme.co.uk" -> "acme.co.uk"), or null for a suffix or an IP. */
export function registrableDomain(host: string): string | null {
  const domain = getDomain(host.toLowerCase(), OPTIONS);
  return domain || null;
}

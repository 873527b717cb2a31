// A vendor's own domains (its website's host subtree plus curated aliases), its customer-hosting
// suffixes, and what a list claims beyond those (unverified: kept for the record, never badged).
// A list can say anything; what it says about sites other than the vendor's own website is not
// evidence, so "Stripe" claiming paypal.com, or a vendor whose website is co.uk, claims nothing.
import data from '../../../assets/data/vendor-domains.json';
import { registrableDomain } from './public-suffix';

interface Curated {
  aliases: string[];
  hosting: string[];
}
const CURATED: Record<string, Curated | undefined> = data.vendors;

/** At most this many domains of each kind (own, hosting, unverified) per vendor. */
export const MAX_DOMAINS = 20;
// A list's domains past this many are not looked at: the caps above fill long before.
const MAX_READ = 1000;

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

/** Lower-cases and checks a domain; null for anything that is not a plain DNS name. */
export function cleanDomain(raw: string): string | null {
  const d = raw
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return d.length <= 253 && DOMAIN.test(d) ? d : null;
}

export interface VendorDomains {
  /** The website's host and the names under it that its registrant owns, plus curated aliases. */
  domains: string[];
  /** Curated suffixes of customers' sites, and listed ones under the website's host. */
  hostingDomains: string[];
  /** Listed domains outside the vendor's own site: no badge of their own. */
  unverifiedDomains: string[];
}

function capped(values: Iterable<string>): string[] {
  return [...new Set(values)].slice(0, MAX_DOMAINS);
}

/**
 * The domains a vendor may claim, from its website's host and what a list adds. A host that is a
 * public suffix (co.uk, github.io) owns nothing; a listed name counts as the vendor's own only in the
 * website host's subtree and with the same registrable domain (so never a public suffix under it,
 * such as s3.amazonaws.com for amazonaws.com); anything else is unverified.
 */
export function domainsFor(
  websiteHost: string | null,
  listed: readonly string[] = [],
  listedHosting: readonly string[] = [],
): VendorDomains {
  const host = websiteHost === null ? null : cleanDomain(websiteHost);
  const site = host === null ? null : registrableDomain(host);
  const ownHost = site === null ? null : host;
  const curated = ownHost === null ? undefined : CURATED[ownHost];
  const owns = (d: string) =>
    ownHost !== null && (d === ownHost || d.endsWith(`.${ownHost}`)) && registrableDomain(d) === site;
  const domains = [...(ownHost === null ? [] : [ownHost]), ...(curated?.aliases ?? [])];
  const hosting = [...(curated?.hosting ?? [])];
  const unverified: string[] = [];
  const seen = new Set([...domains, ...hosting]);
  const sort = (raw: readonly string[], into: string[]) => {
    for (const text of raw.slice(0, MAX_READ)) {
      const d = typeof text === 'string' ? cleanDomain(text) : null;
      if (d === null || seen.has(d)) continue;
      seen.add(d);
      if (owns(d)) into.push(d);
      // A public suffix is nobody's, not even as an unverified claim.
      else if (registrableDomain(d) !== null) unverified.push(d);
    }
  };
  sort(listed, domains);
  sort(listedHosting, hosting);
  const own = capped(domains);
  return {
    domains: own,
    hostingDomains: capped(hosting.filter((d) => !own.includes(d))),
    unverifiedDomains: capped(unverified),
  };
}

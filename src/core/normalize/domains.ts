// A vendor's own domains (website host plus curated aliases) and its customer-hosting suffixes.
import data from '../../../assets/data/vendor-domains.json';

interface Curated {
  aliases: string[];
  hosting: string[];
}
const CURATED: Record<string, Curated | undefined> = data.vendors;

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

export function domainsFor(websiteHost: string | null, listed: readonly string[] = []) {
  const curated = websiteHost ? CURATED[websiteHost] : undefined;
  const own = [websiteHost ?? '', ...listed, ...(curated?.aliases ?? [])];
  const domains = [...new Set(own.map(cleanDomain).filter((d): d is string => d !== null))];
  const hostingDomains = (curated?.hosting ?? []).filter((d) => !domains.includes(d));
  return { domains, hostingDomains };
}

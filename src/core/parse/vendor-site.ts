// A vendor's website from a link a list gives: a link to its GDPR or trust page on a subdomain or
// path ("https://trust.acme.com/gdpr") names the vendor's site, the link's registrable domain.
import { registrableDomain } from '../normalize/public-suffix';
import { normalizeWebsite } from '../normalize/url';

// Subdomains that hold a vendor's documents, not its site: "trust.acme.com", "legal.acme.com".
const DOCUMENT_HOST =
  /(^|\.)(trust|legal|privacy|gdpr|security|compliance|docs|help|support|status|policies)\.$/i;

/** The site a link belongs to: the link itself when it is the site's home page, else its domain. */
export function siteOf(href: string): string | null {
  const website = normalizeWebsite(href);
  if (!website) return null;
  const url = new URL(website);
  const host = url.hostname.replace(/\.$/, '');
  const domain = registrableDomain(host);
  if (!domain) return null;
  const home = url.pathname === '/' && !url.search && !DOCUMENT_HOST.test(host.slice(0, -domain.length));
  return home ? website : `https://${domain}`;
}

/** A link to a page of the site that holds the list: a relative path, an anchor, a mail address. */
export function isOwnLink(href: string): boolean {
  return !/^(https?:)?\/\//i.test(href.trim());
}

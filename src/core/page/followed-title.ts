// The title of a source followed from a page: the company and the page's title ("Acme: Subprocessors"),
// from what the page calls itself (its og:site_name, else its registrable domain) and its <title>.
import { registrableDomain } from '../normalize/public-suffix';
import { cleanText, MAX_NAME } from '../normalize/text';

export interface PageNames {
  /** The title the page gives itself (its <title>). */
  title: string;
  /** The page's og:site_name / application-name, when it has one. */
  siteName?: string | null;
}

/** "acme.co.uk" -> "Acme"; null for an address without a registrable domain (an IP, localhost). */
function companyOfHost(host: string): string | null {
  const domain = registrableDomain(host);
  const label = domain?.split('.')[0];
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : null;
}

export function followedTitle(page: PageNames, url: string): string {
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // no address: the page's names alone
  }
  const title = cleanText(page.title ?? '', MAX_NAME);
  const company = cleanText(page.siteName ?? '', 80) || (host ? companyOfHost(host) : null) || host;
  if (!title) return company || 'Followed page';
  if (!company || title.toLowerCase().includes(company.toLowerCase())) return title;
  return cleanText(`${company}: ${title}`, MAX_NAME);
}

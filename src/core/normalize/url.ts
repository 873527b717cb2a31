// Websites from untrusted lists: only http(s) survives; a bare host gets https.

const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** A safe absolute http(s) URL for display and linking, or null (javascript:, data:, junk). */
export function normalizeWebsite(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  if (!text || text.length > 2048) return null;
  if (text.startsWith('//')) text = `https:${text}`;
  // "example.com:8080/x" is a host with a port; "javascript:..." is a scheme.
  else if (!/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    if (!BARE_HOST.test(text)) return null;
    text = `https://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password || !url.hostname.includes('.')) return null;
  const path = url.pathname === '/' ? '' : url.pathname;
  const host = url.host.replace(/\.(?=:|$)/, ''); // "stripe.com." is stripe.com
  return `${url.protocol}//${host}${path}${url.search}`;
}

/** The host of a URL or host-like text, lower case, without "www." and a trailing dot. */
export function hostOf(raw: string): string | null {
  const website = normalizeWebsite(raw);
  if (!website) return null;
  return new URL(website).hostname.replace(/\.$/, '').replace(/^www\./, '');
}

/** A list source's address: an http(s) URL without its fragment; null for anything else. The one
 * rule for adding a source, by hand or by an organisation's policy, and for telling two apart. */
export function sourceUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

// Display formatting for list data: dates, ages, hosts and length limits. Pure and locale-aware.
export { formatDay } from '../core/format-day';

/** How long ago a day was, in the largest whole unit: "8 years ago", "3 months ago", "today". */
export function formatAge(iso: string, now: Date, locale: string): string {
  const then = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(then)) return '';
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((today - then) / 86_400_000);
  const start = new Date(then);
  let months =
    (now.getUTCFullYear() - start.getUTCFullYear()) * 12 + (now.getUTCMonth() - start.getUTCMonth());
  if (now.getUTCDate() < start.getUTCDate()) months -= 1;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  // A future date (a clock behind the list's) reads as today rather than "in 3 days".
  if (days <= 0) return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'day');
  if (months >= 12) return rtf.format(-Math.floor(months / 12), 'year');
  if (months >= 1) return rtf.format(-months, 'month');
  return rtf.format(-days, 'day');
}

/** An http(s) URL safe to put in an href, or null: any other scheme (javascript:, data:, ...) or
 * anything that does not parse is refused. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** The host a reader recognises ("stripe.com"), without "www." and in Unicode as the URL gives it. */
export function displayHost(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return href;
  }
}

/** List text is untrusted and may be huge: show at most max characters (whole code points). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half.
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

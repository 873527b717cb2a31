// A calendar day for display, shared by the badge title, the pages and the findings:
// "2018-10-08" -> "8 Oct 2018" (short) or "8 October 2018" (long, inside a sentence).
import { intlOnce } from './intl-once';

/** In the given locale; the date is a calendar day, so UTC. A bad date or locale tag gives the ISO text. */
export function formatDay(iso: string, locale: string, month: 'short' | 'long' = 'short'): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) return iso;
  try {
    const format = intlOnce(
      `day|${locale}|${month}`,
      () => new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }),
    );
    return format.format(time);
  } catch {
    return iso; // a translation with a malformed locale tag
  }
}

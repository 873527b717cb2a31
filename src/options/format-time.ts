// Moments (ISO date-times) as a reader wants them on the options page: "27 Nov 2026, 14:02".

export function formatMoment(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

// Country names for display and search from the JavaScript engine's own CLDR data (Intl), so the
// popup and the worker ship no country table: the name-to-code tables are needed only to parse.
// Codes CLDR names that are not countries: user-assigned (AA, QM-QZ, XA-XZ, ZZ) and groupings.
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;
const NAMES = new Map<string, Intl.DisplayNames>();

function namesFor(locale: string): Intl.DisplayNames {
  let names = NAMES.get(locale);
  if (!names) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    } catch {
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }); // a malformed tag
    }
    NAMES.set(locale, names);
  }
  return names;
}

/** "DE" -> "Germany" (in `locale`, English by default); null for anything that is not a known region code. */
export function countryName(code: string, locale = 'en'): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return null;
  try {
    return namesFor(locale).of(code) ?? null;
  } catch {
    return null;
  }
}

// Country names for display and search from the JavaScript engine's own CLDR data (Intl), so the
// popup and the worker ship no country table: the name-to-code tables are needed only to parse.
const NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
// Codes CLDR names that are not countries: user-assigned (AA, QM-QZ, XA-XZ, ZZ) and groupings.
const NOT_COUNTRIES = /^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN)$/;

/** "DE" -> "Germany"; null for anything that is not a known region code. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return null;
  try {
    return NAMES.of(code) ?? null;
  } catch {
    return null;
  }
}

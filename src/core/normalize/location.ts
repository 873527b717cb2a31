// Location text to one ISO 3166-1 alpha-2 country, or null when it names none or several.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import data from '../../../assets/data/location-aliases.json';
import { cleanText, stripTrailingStop } from './text';

countries.registerLocale(en);

// No prototype: a location part such as "constructor" or "__proto__" must find no alias (on a plain
// object it found Object's own members, and the list failed validation as a whole).
const ALIASES: Record<string, string> = Object.assign(Object.create(null), data.aliases);
const REGIONS = new Set(data.regions);

function countryOfPart(part: string): string | null | 'region' {
  const key = part
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
  if (!key) return null;
  if (REGIONS.has(key)) return 'region';
  const alias = ALIASES[key];
  if (alias) return alias;
  // Two-letter parts are left alone: "San Francisco, CA" is California, not Canada.
  if (key.length === 2) return null;
  if (key.length === 3 && /^[a-z]{3}$/.test(key)) return countries.alpha3ToAlpha2(key.toUpperCase()) ?? null;
  return countries.getAlpha2Code(part.trim(), 'en') ?? null;
}

export interface Location {
  text: string;
  country: string | null;
}

/** "Seattle, United States." -> { text: "Seattle, United States", country: "US" }. */
export function normalizeLocation(raw: string): Location {
  const text = stripTrailingStop(cleanText(raw, 300));
  const found = new Set<string>();
  let region = false;
  for (const part of text.split(/\s*(?:[,;/|()]|\band\b|\s[-–—]\s)\s*/i)) {
    const country = countryOfPart(part);
    if (country === 'region') region = true;
    else if (country) found.add(country);
  }
  // One named country decides; none, several, or a region beside them ("EU") leave it open.
  const country = found.size === 1 && !region ? ([...found][0] ?? null) : null;
  return { text, country };
}

/** The English name of a country code, for display and search ("DE" -> "Germany"). */
export function countryName(code: string): string | null {
  return countries.getName(code, 'en', { select: 'official' }) ?? null;
}

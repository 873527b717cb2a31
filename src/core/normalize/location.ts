// Location text to one ISO 3166-1 alpha-2 country, or null when it names none or several.
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import adequacy from '../../../assets/data/eea-adequacy.json';
import data from '../../../assets/data/location-aliases.json';
import { cleanText, stripTrailingStop } from './text';

countries.registerLocale(en);

// Lists in other languages name countries in them ("Deutschland", "Irlande", "アメリカ合衆国"): the
// languages of the list labels (assets/data/list-labels.json), looked up in one map.
const FOREIGN: Map<string, string> = new Map();
for (const locale of [de, fr, es, it, nl, pt, ja, ko]) {
  for (const [code, names] of Object.entries(locale.countries)) {
    for (const name of Array.isArray(names) ? names : [names]) {
      const key = name.normalize('NFC').toLowerCase();
      if (!FOREIGN.has(key)) FOREIGN.set(key, code);
    }
  }
}

// No prototype: a location part such as "constructor" or "__proto__" must find no alias (on a plain
// object it found Object's own members, and the list failed validation as a whole).
const ALIASES: Record<string, string> = Object.assign(Object.create(null), data.aliases);
const REGIONS = new Set(data.regions);
// "Dublin, Ireland (EU)": the region only restates where the country is.
const EUROPE = new Set(['eu', 'e.u.', 'european union', 'europe', 'eea', 'european economic area']);
const EEA = new Set(adequacy.eea);

// The country library scans every name per look-up; lists repeat their few places many times.
const CACHE = new Map<string, string | null | { region: string }>();
const CACHE_MAX = 10_000;

function countryOfPart(part: string): string | null | { region: string } {
  const cached = CACHE.get(part);
  if (cached !== undefined) return cached;
  const found = lookUpPart(part);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(part, found);
  return found;
}

function lookUpPart(part: string): string | null | { region: string } {
  const key = part
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
  if (!key) return null;
  if (REGIONS.has(key)) return { region: key };
  // "U.S.", "U.S" and "US" are one name; so are "U.K." and "UK".
  const alias = ALIASES[key] ?? ALIASES[key.replace(/\./g, '')];
  if (alias) return alias;
  // Two-letter parts are left alone: "San Francisco, CA" is California, not Canada.
  // ("日本" and "미국" are two characters too, and are countries.)
  if (key.length === 2 && /^[\x20-\x7e]+$/.test(key)) return null;
  if (key.length === 3 && /^[a-z]{3}$/.test(key)) return countries.alpha3ToAlpha2(key.toUpperCase()) ?? null;
  // No country name is this long ("South Georgia and the South Sandwich Islands" is 44), and the
  // library's look-up scans every name, so a long part is not looked up at all.
  if (key.length > 60) return null;
  return countries.getAlpha2Code(part.trim(), 'en') ?? FOREIGN.get(key.normalize('NFC')) ?? null;
}

export interface Location {
  text: string;
  country: string | null;
}

/** "Seattle, United States." -> { text: "Seattle, United States", country: "US" }. */
export function normalizeLocation(raw: string): Location {
  const text = stripTrailingStop(cleanText(raw, 300));
  const found = new Set<string>();
  const regions = new Set<string>();
  const parts = text.split(/\s*(?:[,;/|()]|\band\b|\s[-–—]\s)\s*/i);
  // An address names its country first or last; each part costs a scan of every country name.
  const read = parts.length > 16 ? [...parts.slice(0, 8), ...parts.slice(-8)] : parts;
  for (const part of read) {
    if (found.size > 1) break; // two countries: no single one, whatever follows
    const country = countryOfPart(part);
    if (typeof country === 'object' && country) regions.add(country.region);
    else if (country) found.add(country);
  }
  // One named country decides; none, several, or a wider region beside it ("US, EU", "Germany,
  // APAC") leave it open, unless the region only restates it ("Ireland (EU)").
  const only = found.size === 1 ? ([...found][0] ?? null) : null;
  const restated = only !== null && EEA.has(only) && [...regions].every((r) => EUROPE.has(r));
  if (only && (regions.size === 0 || restated)) return { text, country: only };
  return { text, country: regions.size === 0 ? countryOfAddress(text) : null };
}

/**
 * A postal address names its country on its last line, after a street and a town that may look
 * like countries ("Atlanta, Georgia, USA") or carry a postal code ("L-1855 Luxembourg"). Only one
 * address: a list of places ("Paris, France; Berlin, Germany", "Germany, France") is not one.
 */
function countryOfAddress(text: string): string | null {
  if (/[;/|]|\sand\s|\s&\s/i.test(text)) return null;
  const lines = text.split(/\s*,\s*/);
  if (lines.length < 3 && !/\d/.test(text)) return null;
  const last = (lines.at(-1) ?? '')
    .split(/\s+/)
    .filter((word) => !/\d/.test(word))
    .join(' ');
  const country = last ? countryOfPart(last) : null;
  if (typeof country !== 'string') return null;
  // The lines before name a street and a town, not more countries; a state named like a country
  // stands just before the country ("Georgia").
  if (lines.length > 16) return null;
  const named = lines.slice(0, -1).map((line) => typeof countryOfPart(line) === 'string');
  const street = named.some((isCountry) => !isCountry);
  const elsewhere = named.slice(0, -1).some(Boolean);
  return street && !elsewhere ? country : null;
}

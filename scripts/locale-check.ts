// How each translation in assets/_locales differs from English (the source of every key): keys it
// lacks, keys English no longer has, and keys whose placeholders are not English's. Shared by the
// locale test (tests/scripts/locales.test.ts) and `npm run i18n:missing`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageEntry, Messages } from '../src/core/translate';

export const SOURCE_LOCALE = 'en';

export interface LocaleReport {
  /** English keys this locale lacks, with English's entry to translate from. */
  missing: Record<string, MessageEntry>;
  /** Keys English does not have (left over after a key was renamed or removed). */
  extra: string[];
  /** Keys whose placeholders (names and contents, and the $NAME$ / $1 the message uses) differ. */
  placeholders: string[];
}

export function readMessages(root: string, locale: string): Messages {
  return JSON.parse(readFileSync(join(root, 'assets/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

export function localesIn(root: string): string[] {
  return readdirSync(join(root, 'assets/_locales')).sort();
}

/** The placeholders an entry declares and the references its message makes, as one comparable text. */
export function placeholderShape(entry: MessageEntry): string {
  const declared = Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
  const used = [...new Set(entry.message.match(/\$(?:[A-Za-z0-9_@]+\$|[1-9])/g) ?? [])]
    .map((ref) => ref.toLowerCase())
    .sort();
  return JSON.stringify({ declared, used });
}

export function compareLocale(source: Messages, target: Messages): LocaleReport {
  const missing: Record<string, MessageEntry> = {};
  const placeholders: string[] = [];
  for (const [key, entry] of Object.entries(source)) {
    const translated = Object.hasOwn(target, key) ? target[key] : undefined;
    if (!translated) missing[key] = entry;
    else if (placeholderShape(translated) !== placeholderShape(entry)) placeholders.push(key);
  }
  const extra = Object.keys(target).filter((key) => !Object.hasOwn(source, key));
  return { missing, extra, placeholders };
}

/** Every translation's report, by locale. */
export function localeReports(root: string): Record<string, LocaleReport> {
  const source = readMessages(root, SOURCE_LOCALE);
  const reports: Record<string, LocaleReport> = {};
  for (const locale of localesIn(root)) {
    if (locale !== SOURCE_LOCALE) reports[locale] = compareLocale(source, readMessages(root, locale));
  }
  return reports;
}

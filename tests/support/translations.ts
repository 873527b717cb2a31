// The extension's own locale files as translations, for tests outside a browser (core, CLI, views).
import { readFileSync } from 'node:fs';
import {
  type Messages,
  type Translation,
  translationOf,
  translatorFromMessages,
} from '../../src/core/translate';

export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export function localeMessages(locale: string): Messages {
  return JSON.parse(readFileSync(`assets/_locales/${locale}/messages.json`, 'utf8')) as Messages;
}

export function translation(locale: Locale): Translation {
  return translationOf(translatorFromMessages(localeMessages(locale)));
}

export const english = translation('en');

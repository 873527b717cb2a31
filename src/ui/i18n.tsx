// Strings reach the UI through this context: the extension pages build it from the browser's i18n,
// tests build it from messages.json. The UI never imports a browser API.
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { intlOnce } from '../core/intl-once';
import { type Translation, translationOf } from '../core/translate';

export type { Substitutions, Translate } from '../core/translate';

/** t, and the BCP 47 tag for dates, counts and relative times, so they read in the translation's language. */
export type I18n = Translation;

const fallback: I18n = { t: (key) => key, locale: 'en' };
const I18nContext = createContext<I18n>(fallback);

export function I18nProvider({ value, children }: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Builds the context value from a translate function; the translation names its own locale. */
export const makeI18n = translationOf;

/** "key_one" / "key_other" chosen by the locale's plural rules; the count, written the locale's way
 * ("1.234" in German), is the first substitution. */
export function plural(i18n: I18n, key: string, count: number): string {
  const { locale } = i18n;
  const category = intlOnce(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(count);
  const shown = intlOnce(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(count);
  const text = i18n.t(`${key}_${category}`, shown);
  return text || i18n.t(`${key}_other`, shown);
}

// List text inside a sentence: one rule for pages, badge and notifications (core/isolate.ts).
export { isolate } from '../core/isolate';

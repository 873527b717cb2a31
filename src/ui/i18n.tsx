// Strings reach the UI through this context: the extension pages build it from the browser's i18n,
// tests build it from messages.json. The UI never imports a browser API.
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Substitutions = string | readonly string[];
export type Translate = (key: string, substitutions?: Substitutions) => string;

export interface I18n {
  t: Translate;
  /** BCP 47 tag for dates, counts and relative times, so they read in the translation's language. */
  locale: string;
}

const fallback: I18n = { t: (key) => key, locale: 'en' };
const I18nContext = createContext<I18n>(fallback);

export function I18nProvider({ value, children }: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Builds the context value from a translate function; the translation names its own locale. */
export function makeI18n(t: Translate): I18n {
  const locale = t('formatLocale');
  return { t, locale: isLocale(locale) ? locale : 'en' };
}

function isLocale(tag: string): boolean {
  try {
    return tag.length > 0 && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** "key_one" / "key_other" chosen by the locale's plural rules; the count is the first substitution. */
export function plural(i18n: I18n, key: string, count: number): string {
  const category = new Intl.PluralRules(i18n.locale).select(count);
  const text = i18n.t(`${key}_${category}`, String(count));
  return text || i18n.t(`${key}_other`, String(count));
}

// List text inside a sentence: one rule for pages, badge and notifications (core/isolate.ts).
export { isolate } from '../core/isolate';

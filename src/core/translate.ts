// A translate function over a messages.json object, with the browser's rules: named placeholders
// ($NAME$) expand to their content, then $1..$9 take the substitutions, and $$ is a dollar sign.
// The extension uses the browser's own i18n; this serves the CLI (which bundles the messages.json
// files at build time), tests, and anything else outside a browser.

export type Substitutions = string | readonly string[];
export type Translate = (key: string, substitutions?: Substitutions) => string;

/** A translation: its messages, and the BCP 47 tag dates, counts and country names are written in. */
export interface Translation {
  t: Translate;
  locale: string;
}

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

export function translatorFromMessages(messages: Messages): Translate {
  return (key, substitutions) => {
    const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (!entry) return '';
    const subs =
      substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
    const placeholders = entry.placeholders ?? {};
    const template = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const found = Object.entries(placeholders).find(([k]) => k.toLowerCase() === name.toLowerCase());
      return found ? found[1].content : whole;
    });
    // One pass over the template: substituted text is never scanned again.
    return template.replace(/\$(\$|[1-9])/g, (_, what: string) =>
      what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
    );
  };
}

/** The translation for a translate function: its locale is the one its formatLocale message names. */
export function translationOf(t: Translate): Translation {
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

// The CLI's languages: the extension's own locale files, bundled into dist/cli.js at build time, so
// the CLI writes findings with the same sentences as the popup (core/finding-text.ts).
import de from '../../assets/_locales/de/messages.json';
import en from '../../assets/_locales/en/messages.json';
import fr from '../../assets/_locales/fr/messages.json';
import { type Messages, type Translation, translationOf, translatorFromMessages } from '../core/translate';

const MESSAGES: Record<string, Messages> = { en, de, fr };

export const CLI_LANGUAGES = Object.keys(MESSAGES);

/** The translation for a language code (en, de, fr); null for one the CLI does not ship. A key
 * missing in a translation falls back on the English message. */
export function cliTranslation(lang: string): Translation | null {
  const messages = Object.hasOwn(MESSAGES, lang) ? MESSAGES[lang] : undefined;
  if (!messages) return null;
  const own = translatorFromMessages(messages);
  const english = translatorFromMessages(en);
  return translationOf((key, subs) => own(key, subs) || english(key, subs));
}

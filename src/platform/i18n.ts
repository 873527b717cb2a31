// Every user-visible string goes through the browser's i18n (assets/_locales/<lang>/messages.json).
import { browser } from './browser';

/** The message for `key` with $1..$9 substituted. A missing message returns the key itself, so a
 * forgotten string shows up on screen and in tests instead of as a silent blank. */
export function t(key: string, substitutions?: string | readonly string[]): string {
  const subs =
    typeof substitutions === 'string' || substitutions === undefined ? substitutions : [...substitutions];
  return browser.i18n.getMessage(key, subs) || key;
}

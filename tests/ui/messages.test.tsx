import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFromMessages } from '../../src/core/translate';
import { makeI18n, plural } from '../../src/ui/i18n';
import { french, german, messages, t } from '../support/ui';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('translatorFromMessages', () => {
  const translate = translatorFromMessages({
    plain: { message: 'Hello' },
    named: {
      message: 'Hi $WHO$, $$5 for $WHAT$',
      placeholders: { who: { content: '$1' }, what: { content: '$2' } },
    },
  });

  it('expands named placeholders, substitutions and $$ as the browser does', () => {
    expect(translate('plain')).toBe('Hello');
    expect(translate('named', ['Ann', 'tea'])).toBe('Hi Ann, $5 for tea');
    expect(translate('missing')).toBe('');
  });

  it('never re-reads substituted text, so list text cannot inject placeholders', () => {
    expect(translate('named', ['$2 $WHAT$', 'x'])).toBe('Hi $2 $WHAT$, $5 for x');
  });

  it('does not read keys from the object prototype', () => {
    expect(translate('constructor')).toBe('');
  });
});

describe('the en messages', () => {
  it('name the extension and a formatting locale', () => {
    expect(t('extName')).toBe('Subprocessor Lens');
    expect(t('extDescription').length).toBeGreaterThan(20);
    expect(t('actionTitle')).toBe('Subprocessor Lens');
    expect(makeI18n(t).locale).toBe('en-GB');
  });

  it('pick plural forms by count', () => {
    const i18n = makeI18n(t);
    expect(plural(i18n, 'resultCount', 1)).toBe('1 vendor found');
    expect(plural(i18n, 'resultCount', 3)).toBe('3 vendors found');
    expect(plural(i18n, 'resultCount', 0)).toBe('0 vendors found');
    expect(plural(i18n, 'resultCount', 12345)).toBe('12,345 vendors found');
  });

  it('write counts the way the translation’s locale does', () => {
    expect(plural(german, 'resultCount', 1)).toBe('1 Anbieter gefunden');
    expect(plural(german, 'resultCount', 12345)).toBe('12.345 Anbieter gefunden');
    expect(plural(french, 'historyAdded', 2)).toBe('2 prestataires ajoutés');
  });

  it('have a placeholder definition for every $NAME$ they use', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const names = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
        (m[1] ?? '').toLowerCase(),
      );
      const defined = Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase());
      for (const name of names) expect(defined, `${key}: $${name}$`).toContain(name);
      expect(key, 'message names are [A-Za-z0-9_@]').toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });

  it('hold every key the popup, options page and shared UI ask for', () => {
    const files = ['src/ui', 'src/popup', 'src/options'].flatMap(sourceFiles);
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) used.add(m[1] ?? '');
      // Keys picked from a table ({ risk: 'severityRisk' }) and plural families.
      for (const m of text.matchAll(
        /:\s*'((?:severity|dpa|listingDpa|schedule|origin|field)[A-Z][A-Za-z]*)'/g,
      ))
        used.add(m[1] ?? '');
      for (const m of text.matchAll(/plural\([^,]+,\s*'([A-Za-z0-9_@]+)'/g)) {
        used.add(`${m[1]}_one`);
        used.add(`${m[1]}_other`);
      }
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((key) => !Object.hasOwn(messages, key));
    expect(missing).toEqual([]);
  });
});

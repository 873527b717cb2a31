// Every translation has every English key, with the same placeholders, and no key English lacks;
// `npm run i18n:missing` lists what a translation lacks, ready to translate.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareLocale, localeReports, localesIn, readMessages } from '../../scripts/locale-check';
import { FINDING_MESSAGE_KEYS } from '../../src/core/finding-text';
import { translationOf, translatorFromMessages } from '../../src/core/translate';
import { ROOT } from '../support/build-into';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const english = readMessages(ROOT, 'en');

describe('the locale files', () => {
  it('are English, German and French', () => {
    expect(localesIn(ROOT)).toEqual(['de', 'en', 'fr']);
  });

  it('each hold every English key with the same placeholders, and no other key', () => {
    const reports = localeReports(ROOT);
    expect(Object.keys(reports)).toEqual(['de', 'fr']);
    for (const [locale, report] of Object.entries(reports)) {
      expect(Object.keys(report.missing), `${locale} lacks`).toEqual([]);
      expect(report.extra, `${locale} has keys English lacks`).toEqual([]);
      expect(report.placeholders, `${locale} placeholders differ`).toEqual([]);
    }
  });

  it('are translations, not copies: few messages read as in English (names, symbols, patterns)', () => {
    for (const locale of ['de', 'fr']) {
      const messages = readMessages(ROOT, locale);
      const same = Object.keys(english).filter((key) => messages[key]?.message === english[key]?.message);
      expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThan(25);
      expect(messages.findingDpaNotSigned?.message).not.toBe(english.findingDpaNotSigned?.message);
    }
  });

  it('name their own formatting locale, and have a sentence for every finding', () => {
    const expected = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' } as const;
    for (const [locale, tag] of Object.entries(expected)) {
      const messages = readMessages(ROOT, locale);
      expect(translationOf(translatorFromMessages(messages)).locale).toBe(tag);
      for (const key of FINDING_MESSAGE_KEYS)
        expect(messages[key]?.message, `${locale}: ${key}`).toBeTruthy();
    }
  });

  it('use the GDPR’s own terms in German and French', () => {
    const de = JSON.stringify(readMessages(ROOT, 'de'));
    for (const term of [
      'Auftragsverarbeiter',
      'Unterauftragsverarbeiter',
      'Angemessenheitsbeschluss',
      'Standardvertragsklauseln',
      'Auftragsverarbeitungsvertrag',
      'AVV',
      'DSGVO',
    ])
      expect(de).toContain(term);
    const fr = JSON.stringify(readMessages(ROOT, 'fr'));
    for (const term of [
      'sous-traitant',
      'sous-traitant ultérieur',
      'décision d’adéquation',
      'clauses contractuelles types',
      'contrat de sous-traitance',
      'RGPD',
    ])
      expect(fr).toContain(term);
  });
});

describe('compareLocale', () => {
  const source = {
    a: { message: 'A' },
    b: { message: 'Hi $WHO$', placeholders: { who: { content: '$1' } } },
    c: { message: 'C $1' },
  };

  it('finds missing keys (with the English entry), extra keys, and changed placeholders', () => {
    const report = compareLocale(source, {
      b: { message: 'Hallo $WER$', placeholders: { wer: { content: '$1' } } },
      c: { message: 'C' },
      old: { message: 'gone' },
    });
    expect(report).toEqual({ missing: { a: { message: 'A' } }, extra: ['old'], placeholders: ['b', 'c'] });
  });

  it('accepts a translation that keeps the placeholders, in any case and order', () => {
    const report = compareLocale(source, {
      a: { message: 'Ä' },
      b: { message: '$who$, hallo', placeholders: { WHO: { content: '$1' } } },
      c: { message: '$1 C' },
    });
    expect(report).toEqual({ missing: {}, extra: [], placeholders: [] });
  });
});

describe('npm run i18n:missing', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function run(root: string, args: string[] = []) {
    try {
      const stdout = execFileSync(
        process.execPath,
        [TSX, join(root, 'scripts/missing-translations.ts'), ...args],
        {
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { status: number; stdout: string };
      return { code: e.status, stdout: e.stdout };
    }
  }

  it('lists nothing for this repository', () => {
    const out = run(ROOT);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      de: { missing: {}, extra: [], placeholders: [] },
      fr: { missing: {}, extra: [], placeholders: [] },
    });
  });

  it('lists a new English key as missing in each translation, ready to translate, and exits 1', () => {
    const root = mkdtempSync(join(tmpdir(), 'lens-i18n-'));
    dirs.push(root);
    cpSync(join(ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
    cpSync(join(ROOT, 'assets/_locales'), join(root, 'assets/_locales'), { recursive: true });
    const path = join(root, 'assets/_locales/en/messages.json');
    const messages = JSON.parse(readFileSync(path, 'utf8'));
    const entry = {
      message: 'Follow $PAGE$',
      description: 'A new button.',
      placeholders: { page: { content: '$1' } },
    };
    writeFileSync(path, JSON.stringify({ ...messages, followPage: entry }));
    const out = run(root);
    expect(out.code).toBe(1);
    const reports = JSON.parse(out.stdout);
    expect(reports.de.missing).toEqual({ followPage: entry });
    expect(reports.fr.missing).toEqual({ followPage: entry });
    expect(Object.keys(JSON.parse(run(root, ['--locale', 'fr']).stdout))).toEqual(['fr']);
  });
});

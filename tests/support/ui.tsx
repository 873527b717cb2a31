// Component-test helpers: the real en messages as the i18n context, and the seed list parsed the way
// the build parses it (same source title and URL), so cards show what users see.
import { readFileSync } from 'node:fs';
import { render } from '@testing-library/preact';
import type { ComponentChild } from 'preact';
import sources from '../../assets/data/sources.json';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { parse } from '../../src/core/parse';
import { type Messages, translatorFromMessages } from '../../src/core/translate';
import { type I18n, I18nProvider, makeI18n } from '../../src/ui/i18n';
import { TODAY } from './test-date';
import { translation } from './translations';

export const messages = JSON.parse(readFileSync('assets/_locales/en/messages.json', 'utf8')) as Messages;
export const t = translatorFromMessages(messages);
export const i18n = makeI18n(t);

export function seedList(): SubprocessorList {
  const source = sources.sources[0];
  if (!source) throw new Error('no bundled source');
  const result = parse(readFileSync(`assets/data/${source.file}`, 'utf8'), {
    url: source.url,
    title: source.title,
    today: TODAY,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

export function seedVendor(name: string): Vendor {
  const vendor = seedList().vendors.find((v) => v.name === name);
  if (!vendor) throw new Error(`no seed vendor ${name}`);
  return vendor;
}

export function renderWithI18n(ui: ComponentChild, value: I18n = i18n) {
  return render(<I18nProvider value={value}>{ui}</I18nProvider>);
}

/** The German and French translations, for component tests of the pages in those languages. */
export const german = translation('de');
export const french = translation('fr');

export { visible } from './visible';

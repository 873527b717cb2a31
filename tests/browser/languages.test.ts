// The extension in German and in French: Chromium started with the UI language set the Linux way
// (LANGUAGE=de or fr; Debian needs chromium-l10n, which .ci/run installs), so the browser's own
// i18n picks _locales/de or _locales/fr. The popup card, its findings, the badge title and the
// options page read in that language, and axe-core stays clean.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe';
import { withoutIsolates } from '../support/visible';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

/** What each language must say; list text (names, the list's title) stays as the list wrote it. */
const LANGUAGES = {
  de: {
    lang: 'de-DE',
    labels: ['Standort', 'Zertifizierungen', 'Verarbeitete Daten', 'Zweck', 'AVV', 'Website'],
    findingsHeading: 'Befunde',
    severity: 'Warnung',
    finding: 'den der Gerichtshof der Europäischen Union am 16. Juli 2020 für ungültig erklärt hat',
    transfer: 'Standardvertragsklauseln (Art. 46 DSGVO)',
    country: 'Land: Vereinigte Staaten',
    source: /^Dovetail, aktualisiert am 8\. Okt\. 2018, vor \d+ Jahren$/,
    search: 'Anbieter suchen',
    title: /^Heroku: stützt sich auf den Privacy Shield, seit 2020 ungültig\nAVV /,
    options: {
      title: 'Einstellungen von Subprocessor Lens',
      headings: ['Quellen', 'Einstellungen'],
      button: 'Alle aktualisieren',
    },
  },
  fr: {
    lang: 'fr-FR',
    labels: [
      'Localisation',
      'Certifications',
      'Données traitées',
      'Finalité',
      'Contrat de sous-traitance',
      'Site web',
    ],
    findingsHeading: 'Constats',
    severity: 'Avertissement',
    finding: 'invalidé par la Cour de justice de l’Union européenne le 16 juillet 2020',
    transfer: 'clauses contractuelles types (article 46 du RGPD)',
    country: 'Pays\u00a0: États-Unis',
    source: /^Dovetail, mise à jour le 8 oct\. 2018, il y a \d+ ans$/,
    search: 'Rechercher un prestataire',
    title: /^Heroku\u00a0: s’appuie sur le Privacy Shield, invalide depuis 2020\n/,
    options: {
      title: 'Paramètres de Subprocessor Lens',
      headings: ['Sources', 'Paramètres'],
      button: 'Tout actualiser',
    },
  },
} as const;

const isolatesOff = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

for (const [language, expected] of Object.entries(LANGUAGES)) {
  describe(`the extension with the browser in ${language}`, () => {
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      ext = await launchExtension({ env: { LANGUAGE: language } });
    });

    afterAll(async () => {
      await ext?.close();
    });

    async function popupFor(host: string): Promise<{ popup: Page; tabId: number }> {
      const site = await ext.openPage(ext.url(host));
      const tabId = await ext.tabIdOf(site);
      const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.card, .empty');
      return { popup, tabId };
    }

    it('shows the popup card and its findings in that language, axe-clean', async () => {
      const { popup, tabId } = await popupFor('heroku.com');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
      expect(await popup.locator('.facts dt').allTextContents()).toEqual([...expected.labels]);
      expect(await popup.locator('.findings__heading').textContent()).toBe(expected.findingsHeading);
      const findings = await popup.locator('.finding__text').allTextContents();
      expect(findings.find((text) => text.includes(expected.finding))).toBeDefined();
      expect(findings.find((text) => text.includes(expected.transfer))).toBeDefined();
      expect(await popup.locator('.finding .severity').first().textContent()).toBe(expected.severity);
      expect(await popup.locator('.facts__sub').first().textContent()).toBe(expected.country);
      expect(isolatesOff(await popup.locator('.source-line__text').textContent())).toMatch(expected.source);
      await expect(popup.getByRole('searchbox', { name: expected.search }).count()).resolves.toBe(1);
      expect(await seriousA11yViolations(popup)).toEqual([]);
      const badge = await ext.waitForBadge(tabId, (b) => b.text === '!');
      expect(withoutIsolates(badge.title)).toMatch(expected.title);
      await popup.close();
    });

    it('shows the options page in that language, axe-clean', async () => {
      const options = await ext.extensionPage('options.html');
      await options.waitForSelector('.source-card, .panel');
      expect(await options.title()).toBe(expected.options.title);
      expect(await options.evaluate(() => document.documentElement.lang)).toBe(expected.lang);
      const headings = await options.locator('h2').allTextContents();
      for (const heading of expected.options.headings) expect(headings).toContain(heading);
      await expect(options.getByRole('button', { name: expected.options.button }).count()).resolves.toBe(1);
      expect(await seriousA11yViolations(options)).toEqual([]);
      await options.close();
    });
  });
}

// The options page in real Chromium: it loads with the bundled source, saves the badge setting (kept
// after a reload and seen by the extension's storage), passes axe-core in light and dark, and shows
// what the store wrote without reading the whole record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TO } from '../../src/platform/messages';
import { PAGES_KEY, SETTINGS_KEY, STORE_KEY } from '../../src/platform/store/keys';
import { seriousA11yViolations } from '../support/axe';
import { bundled } from '../support/bundled-list';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { recordStorageReads } from './support/storage-reads';

// Functions given to inWorker run in the service worker, where `chrome` is the extension API.
declare const chrome: import('webextension-polyfill').Browser;

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

describe('options page in Chromium', () => {
  it('shows the bundled Dovetail source with its date, vendor count, address and origin', async () => {
    const page = await ext.extensionPage('options.html');
    await page.waitForSelector('.source');
    expect(await page.title()).toBe('Subprocessor Lens settings');
    const source = page.getByRole('region', { name: 'Sources' });
    const card = source.locator('.source');
    expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe('Dovetail');
    const facts = await card
      .locator('dt')
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toEqual([
      ['Vendors', '7'],
      ['Updated', '8 Oct 2018'],
      ['Source', 'https://dovetailapp.com/legal/data-subprocessors (opens in a new tab)'],
      ['Copy in use', 'Bundled with the extension'],
      ['Kept current', 'Fetched on schedule'],
    ]);
    expect(await card.getByRole('link').getAttribute('href')).toBe(
      'https://dovetailapp.com/legal/data-subprocessors',
    );
    await page.close();
  });

  it('saves the badge setting, keeps it after a reload, and stores it for the worker', async () => {
    const page = await ext.extensionPage('options.html');
    const box = page.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    const saved = page.getByRole('region', { name: 'Settings' }).getByRole('status');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.press('Space');
    await expect.poll(() => saved.textContent()).toBe('Saved.');
    await page.reload();
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    const stored = await ext.inWorker(async (key) => {
      const area = chrome.storage.sync ?? chrome.storage.local;
      return (await area.get(key))[key];
    }, SETTINGS_KEY);
    expect(stored).toMatchObject({ badge: false });
    await box.click();
    await expect.poll(() => saved.textContent()).toBe('Saved.');
    expect(await box.isChecked()).toBe(true);
    await page.close();
  });

  it('has no serious or critical axe-core violations, in light and dark', async () => {
    const page = await ext.extensionPage('options.html');
    await page.waitForSelector('.source');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
    }
    await page.close();
  });

  it('fits a narrow window without horizontal scrolling', async () => {
    const page = await ext.extensionPage('options.html');
    await page.waitForSelector('.source');
    await page.setViewportSize({ width: 360, height: 700 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows the sources after a write by the store without reading the record', async () => {
    // An import, written by the worker through the store code (record, lookup tables and pages
    // summary in one set()).
    const sender = await ext.extensionPage('options.html');
    await sender.waitForSelector('.source');
    const list = { ...bundled, source: { ...bundled.source, title: 'Acme imported' } };
    const reply = await sender.evaluate((message) => chrome.runtime.sendMessage(message), {
      to: TO,
      type: 'importList',
      text: JSON.stringify(list),
      fileName: 'acme.json',
    });
    expect(reply).toMatchObject({ ok: true });
    await sender.close();
    const page = await ext.newPage();
    const storageReads = await recordStorageReads(page);
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const card = page.locator('.source', { hasText: 'Acme imported' });
    await card.waitFor();
    const facts = await card
      .locator('dt')
      .evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toContainEqual(['Vendors', String(bundled.vendors.length)]);
    const asked = await storageReads();
    expect(asked).toContain(PAGES_KEY);
    expect(asked).not.toContain(STORE_KEY);
    expect(asked).not.toContain(null);
    await page.close();
  });
});

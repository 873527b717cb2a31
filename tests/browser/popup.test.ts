// The popup in real Chromium: the card of the tab's vendor, search with typos, keyboard use alone,
// accessibility (axe-core) in light and dark, the width range, and the first-result mark.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KEY } from '../../src/platform/store/keys';
import { STORE_SCHEMA_VERSION } from '../../src/platform/store/record';
import { seriousA11yViolations } from '../support/axe';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

// Functions given to inWorker run in the service worker, where `chrome` is the extension API.
declare const chrome: import('webextension-polyfill').Browser;

let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
});

/** The popup as it describes a tab showing `host`. */
async function popupFor(host: string, path = '/'): Promise<Page> {
  const site = await ext.openPage(ext.url(host, path));
  const tabId = await ext.tabIdOf(site);
  const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.card, .empty');
  return popup;
}

const resultNames = (popup: Page) => popup.locator('.results h2').allTextContents();

describe('popup in Chromium', () => {
  it("shows the card of the tab's vendor", async () => {
    const popup = await popupFor('stripe.com', '/pricing');
    await expect(popup.getByRole('heading', { level: 2, name: 'Stripe' }).isVisible()).resolves.toBe(true);
    const labels = await popup.locator('.facts dt').allTextContents();
    expect(labels).toEqual(['Location', 'Certifications', 'Data processed', 'Use', 'DPA', 'Website']);
    const link = popup.locator('.facts a');
    expect(await link.getAttribute('href')).toBe('https://stripe.com/');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await popup.locator('.finding').count()).toBeGreaterThan(0);
    const source = (await popup.locator('.source-line__text').textContent())?.replace(/[\u2066-\u2069]/g, '');
    expect(source).toMatch(/^Dovetail, updated 8 Oct 2018, \d+ years ago$/);
    await popup.close();
  });

  it("notes a customer's site on a vendor's hosting domain, and a site that is no vendor", async () => {
    const hosted = await popupFor('foo.herokuapp.com');
    expect(await hosted.getByRole('note').textContent()).toContain('hosted on');
    expect(await hosted.getByRole('heading', { level: 2 }).textContent()).toBe('Heroku');
    await hosted.close();
    const other = await popupFor('example.org');
    expect(await other.locator('.empty__title').textContent()).toBe('This site is not on your lists');
    await other.close();
  });

  it('finds vendors despite typos as the user types', async () => {
    const popup = await popupFor('example.org');
    const search = popup.getByRole('searchbox', { name: /Search/ });
    for (const [query, expected] of [
      ['strpe', 'Stripe'],
      ['sendgird', 'SendGrid'],
      ['mixpnael', 'Mixpanel'],
    ] as const) {
      await search.fill('');
      await search.pressSequentially(query);
      await popup.waitForSelector('.results');
      expect((await resultNames(popup))[0], query).toBe(expected);
    }
    await search.fill('qqqqzzzz');
    expect(await popup.locator('.empty__title').textContent()).toContain('No vendor matches');
    expect(await popup.getByRole('status').textContent()).toBe('0 vendors found');
    await popup.close();
  });

  it('works by keyboard alone', async () => {
    const popup = await popupFor('stripe.com');
    const focusedText = () => popup.evaluate(() => document.activeElement?.textContent ?? '');
    const focusedId = () => popup.evaluate(() => document.activeElement?.id ?? '');
    // The search field has focus on open.
    expect(await focusedId()).toBe('search');
    await popup.keyboard.type('se');
    await popup.waitForSelector('.results');
    const names = await resultNames(popup);
    expect(names.length).toBeGreaterThan(1);
    await popup.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe(names[0]);
    await popup.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe(names[1]);
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    expect(await focusedId()).toBe('search');
    // Enter opens a result; its heading takes focus; Tab reaches the back button's neighbours.
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.card');
    expect(await focusedText()).toBe(names[1]);
    expect(await popup.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    // Escape clears the search and returns to the site's vendor.
    await popup.keyboard.press('Escape');
    expect(await focusedId()).toBe('search');
    expect(await popup.getByRole('searchbox').inputValue()).toBe('');
    expect(await popup.getByRole('heading', { level: 2 }).textContent()).toBe('Stripe');
    // Enter in the field opens the best result directly.
    await popup.keyboard.type('hroku');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.card');
    expect(await popup.getByRole('heading', { level: 2 }).textContent()).toBe('Heroku');
    // Tab reaches every control, with a visible focus indicator.
    await popup.keyboard.press('Shift+Tab');
    expect(await focusedText()).toContain('Back to results');
    const outline = await popup.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    await expect.poll(focusedText).toBe('Heroku');
    await popup.close();
  });

  it('has no serious or critical axe-core violations, in light and dark', async () => {
    const popup = await popupFor('stripe.com');
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await popup.getByRole('searchbox').fill('');
      expect(await seriousA11yViolations(popup), `${colorScheme}: card`).toEqual([]);
      await popup.getByRole('searchbox').fill('cloud');
      await popup.waitForSelector('.results');
      expect(await seriousA11yViolations(popup), `${colorScheme}: results`).toEqual([]);
      await popup.getByRole('searchbox').fill('qqqqzzzz');
      expect(await seriousA11yViolations(popup), `${colorScheme}: no results`).toEqual([]);
    }
    await popup.close();
  });

  it('has an axe check that does catch a violation (so an empty result means something)', async () => {
    const popup = await popupFor('stripe.com');
    await popup.evaluate(() => document.body.append(document.createElement('input')));
    expect((await seriousA11yViolations(popup)).map((v) => v.id)).toContain('label');
    await popup.close();
  });

  it('fits 360 to 420 px wide without horizontal scrolling', async () => {
    const popup = await popupFor('amazon.com');
    for (const width of [360, 400, 420]) {
      await popup.setViewportSize({ width, height: 600 });
      for (const query of ['', 'a']) {
        await popup.getByRole('searchbox').fill(query);
        const overflow = await popup.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${width} px, query "${query}"`).toBeLessThanOrEqual(0);
      }
    }
    await popup.close();
  });

  it('records the time-to-first-result mark when the first card is painted', async () => {
    const popup = await popupFor('stripe.com');
    const mark = await popup.waitForFunction(
      () => performance.getEntriesByName('popup:first-result')[0]?.startTime,
    );
    const at = Number(await mark.jsonValue());
    expect(at).toBeGreaterThan(0);
    // Set once the card is on screen: not before the browser's first contentful paint.
    const fcp = await popup.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    expect(fcp).not.toBeNull();
    expect(at).toBeGreaterThanOrEqual(fcp as number);
    expect(await popup.evaluate(() => performance.getEntriesByName('popup:first-result').length)).toBe(1);
    await popup.close();
  });
});

describe('popup with a hostile stored list', () => {
  const MARKER = '__lensPwned';
  const hostileList = {
    format: 'subprocessor-list/v1',
    source: { title: `<img src=x onerror="window.${MARKER}=1">Evil list`, url: null, updated: '2026-11-01' },
    vendors: [
      {
        name: `${'W'.repeat(5000)}<script>window.${MARKER}=1</script>\u202Eevil`,
        website: `https://example.org/"><script>window.${MARKER}=1</script>`,
        domains: ['example.org'],
        location: { text: `<b onmouseover="window.${MARKER}=1">${'L'.repeat(3000)}</b>`, country: null },
        certifications: [{ id: 'other', label: 'X'.repeat(2000), text: '<svg onload=alert(1)>' }],
        dataProcessed: ['<iframe src="javascript:alert(1)">'],
        use: ['U'.repeat(100_000)],
        dpa: { status: 'unknown', date: null, text: '<a href="javascript:alert(1)">DPA</a>' },
        flags: [
          {
            id: 'x',
            severity: 'risk',
            message: `<img src=x onerror="window.${MARKER}=1">${'F'.repeat(4000)}`,
          },
        ],
      },
    ],
  };

  afterAll(async () => {
    await ext.inWorker((key) => chrome.storage.local.remove(key), STORE_KEY);
  });

  it('shows it as inert text that wraps inside the card, with only http(s) links', async () => {
    await ext.inWorker(
      ([key, version, list]) =>
        chrome.storage.local.set({
          [key as string]: {
            schemaVersion: version,
            revision: 1,
            sources: { dovetail: { id: 'dovetail', title: 'Evil', url: null, fetchedAt: null, list } },
          },
        }),
      [STORE_KEY, STORE_SCHEMA_VERSION, hostileList] as const,
    );
    const dialogs: string[] = [];
    const popup = await popupFor('example.org');
    popup.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await popup.setViewportSize({ width: 360, height: 600 });
    expect(await popup.locator('.card__name').textContent()).toContain('WWWW');
    await popup.getByRole('searchbox').fill('www');
    await popup.waitForSelector('.results');
    await popup.getByRole('searchbox').fill('');
    await popup.hover('.facts dd');
    const state = await popup.evaluate(
      (marker) => ({
        pwned: marker in window,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        hrefs: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''),
        injected: document.querySelectorAll('main script, main img, main iframe, main svg, main b').length,
      }),
      MARKER,
    );
    expect(state.pwned).toBe(false);
    expect(dialogs).toEqual([]);
    expect(state.overflow).toBeLessThanOrEqual(0);
    expect(state.injected).toBe(0);
    for (const href of state.hrefs) expect(href).toMatch(/^(https?|chrome-extension):\/\//);
    await popup.close();
  });
});

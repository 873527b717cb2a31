// The register page in real Chromium: with the bundled list (overview, review state that survives a
// reload and reaches the CSV export, axe light and dark, a narrow window) and with a 10,000-vendor
// register (first rows, rows in the DOM bounded, sorting, filtering, the URL, objection windows).
// Times are printed, not asserted (budgets belong to npm run bench):
//   npx vitest run --project browser tests/browser/register.test.ts
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/core/export-csv';
import type { SubprocessorList } from '../../src/core/list';
import { parse } from '../../src/core/parse';
import type { HistoryEntry } from '../../src/core/register/history-schema';
import { PAGES_KEY, REVIEW_KEY, STORE_KEY } from '../../src/platform/store/keys';
import { seriousA11yViolations } from '../support/axe';
import { bundled as bundledList } from '../support/bundled-list';
import { registerList } from '../support/generate-vendors';
import { bigList } from '../support/hostile/big-list';
import { BEACON_HOST, HOSTILE_MARKER } from '../support/hostile/payloads';
import { TODAY } from '../support/test-date';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { pageSafety, safeState } from './support/page-safety';
import { openRegister, rowsInDom, storeRegister, timeFilter } from './support/register-page';
import { recordStorageReads } from './support/storage-reads';

declare const chrome: import('webextension-polyfill').Browser;

let ext: ExtensionBrowser;
const figures: string[] = [];

beforeAll(async () => {
  ext = await launchExtension();
});

afterAll(async () => {
  await ext?.close();
  if (figures.length) console.log(`register page (Chromium, headless):\n  ${figures.join('\n  ')}`);
});

const ms = (x: number) => `${x.toFixed(1)} ms`;
const count = (page: import('playwright-core').Page, id: string) =>
  page.locator(`[data-count="${id}"] dd`).textContent();

describe('the register with the bundled list', () => {
  it('shows every vendor, the overview counts and charts, and no serious axe violation', async () => {
    const bundled = bundledList;
    const { page } = await openRegister(ext);
    expect(await rowsInDom(page)).toBe(bundled.vendors.length);
    expect(await count(page, 'vendors')).toBe(String(bundled.vendors.length));
    expect(await count(page, 'sources')).toBe('1');
    expect(await count(page, 'not-reviewed')).toBe(String(bundled.vendors.length));
    const risks = bundled.vendors.flatMap((v) => v.flags).filter((f) => f.severity === 'risk').length;
    expect(await count(page, 'risk')).toBe(String(risks));
    // Five charts, each an SVG image with a title, and its figures as a table.
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(5);
    const country = charts.filter({ hasText: 'Vendors by country' });
    expect(await country.locator('svg[role="img"] title').textContent()).toContain('United States');
    const usa = bundled.vendors.filter((v) => v.location.country === 'US').length;
    expect(await country.locator('table tr', { hasText: 'United States' }).locator('td').textContent()).toBe(
      String(usa),
    );
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });
    await page.setViewportSize({ width: 360, height: 700 });
    // The table scrolls inside its own region; the page itself does not scroll sideways.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('saves a status that survives a reload, shows on the popup card and reaches the CSV export', async () => {
    const { page } = await openRegister(ext);
    await page.getByRole('button', { name: 'Stripe', exact: true }).click();
    const details = page.getByRole('region', { name: 'Vendor details and your review' });
    await expect.poll(() => details.getByRole('heading', { name: 'Stripe' }).isVisible()).toBe(true);
    await details.getByLabel('My status').selectOption('approved');
    await details.getByLabel('Owner').fill('Priya');
    await details.getByLabel('Notes').fill('=HYPERLINK("https://evil.example") <b>not markup</b>');
    await details.getByLabel('Link to my DPA').fill('javascript:alert(1)');
    await details.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => details.getByRole('status').last().textContent()).toContain('http or https');
    await details.getByLabel('Link to my DPA').fill('https://example.com/dpa.pdf');
    await details.getByRole('button', { name: 'Save review' }).click();
    await expect.poll(() => details.getByRole('status').last().textContent()).toBe('Review saved.');
    await details.getByRole('button', { name: 'Close details' }).click();
    // Focus goes back to the row after the dialog closes, a frame later: polled.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Stripe');

    await page.reload();
    const stripeRow = page.locator('tr', { has: page.getByRole('button', { name: 'Stripe', exact: true }) });
    await expect.poll(() => stripeRow.locator('.review-status').textContent()).toBe('Approved');
    expect(await count(page, 'not-reviewed')).toBe(String(bundledList.vendors.length - 1));
    // The status filter narrows to it, and says so in the address.
    await page.locator('#register-status').selectOption('approved');
    await expect.poll(() => rowsInDom(page)).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('approved');
    await page.close();

    const popup = await ext.extensionPage('popup.html');
    await popup.locator('#search').fill('stripe');
    await popup.locator('.result__open').first().click();
    await expect.poll(() => popup.locator('.card__status').textContent()).toBe('My status: Approved');
    await popup.close();

    const options = await ext.extensionPage('options.html');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const stripe = lines.find((l) => l.startsWith('Stripe,')) ?? '';
    // The note is text: a leading "=" is neutralised, the markup is not interpreted.
    expect(
      stripe.endsWith(`approved,,Priya,,"'=HYPERLINK(""https://evil.example"") <b>not markup</b>"`),
    ).toBe(true);
    await options.close();
  });
});

describe('the register at 10,000 vendors', () => {
  let list: SubprocessorList;
  beforeAll(async () => {
    list = registerList(10_000);
    const added = list.vendors[9_876];
    if (!added) throw new Error('no vendor 9876');
    const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const history: HistoryEntry[] = [
      {
        at,
        sourceId: 'dovetail',
        listTitle: 'Dovetail',
        summary: {
          listTitle: 'Dovetail',
          added: { count: 1, names: [added.name], more: 0 },
          removed: { count: 0, names: [], more: 0 },
          changed: { count: 0, names: [], more: 0 },
          notable: true,
          text: `Dovetail added 1 subprocessor: ${added.name}`,
        },
        added: [{ name: added.name, website: added.website, location: added.location.text }],
        removed: [],
        changed: [],
        updated: null,
        confirmed: false,
      },
    ];
    const rebuild = await storeRegister(ext, list, history, 2);
    figures.push(`views rebuilt after the 10,000-vendor register was stored: ${ms(rebuild)}`);
  }, 120_000);

  afterAll(async () => {
    await ext.inWorker((keys) => chrome.storage.local.remove(keys), [STORE_KEY, REVIEW_KEY]).catch(() => {});
  });

  it('opens with one page of rows, sorts, filters, and keeps the view in the address', async () => {
    const { page, firstRows } = await openRegister(ext);
    figures.push(`time to first rows (register:first-rows mark): ${ms(firstRows)}`);
    expect(await rowsInDom(page)).toBe(50);
    expect(await page.locator('.register__shown').textContent()).toBe('Showing 1–50 of 10,000 vendors');
    const names = () => page.locator('.register__open').allTextContents();
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const sorted = [...list.vendors.map((v) => v.name)].sort(collator.compare);
    // The register's own order first (its first rows need only its first vendors), then all of it.
    expect(await names()).toEqual(list.vendors.slice(0, 50).map((v) => v.name));
    await expect.poll(() => count(page, 'vendors'), { timeout: 30_000 }).toBe('10,000');

    // Sorting: a header sorts, the same header again reverses; aria-sort says which way.
    const vendorHeader = page.locator('th', { has: page.getByRole('button', { name: /^Vendor/ }) });
    expect(await vendorHeader.getAttribute('aria-sort')).toBe('none');
    await page.getByRole('button', { name: /^Vendor/ }).click();
    expect(await vendorHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await names()).toEqual(sorted.slice(0, 50));
    await page.getByRole('button', { name: /^Vendor/ }).click();
    expect(await vendorHeader.getAttribute('aria-sort')).toBe('descending');
    expect((await names())[0]).toBe(sorted.at(-1));
    await page.getByRole('button', { name: /^Findings/ }).click();
    const findingsHeader = page.locator('th', { has: page.getByRole('button', { name: /^Findings/ }) });
    expect(await findingsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await vendorHeader.getAttribute('aria-sort')).toBe('none');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('findings');

    // Filtering with the popup's search engine: a vendor's exact name finds it.
    const target = list.vendors[4_321]?.name ?? '';
    const typed = await timeFilter(page, target.toLowerCase());
    figures.push(
      `one filter keystroke ("${target.toLowerCase()}") to rows: ${ms(typed.rowsMs)}, to the next frame ${ms(typed.frameMs)}`,
    );
    expect(await names()).toContain(target);
    expect(await rowsInDom(page)).toBeLessThanOrEqual(50);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(target.toLowerCase());

    // A country filter on top: every row shown is in that country.
    await timeFilter(page, '');
    await page.locator('#register-country').selectOption('DE');
    const shown = await page.locator('.register__shown').textContent();
    const germans = list.vendors.filter((v) => v.location.country === 'DE').length;
    expect(shown).toContain(`of ${germans.toLocaleString('en-US')} vendors`);
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('DE');

    // The bookmark opens the same view.
    const bookmark = new URL(page.url()).search;
    await page.close();
    const again = await openRegister(ext, bookmark);
    expect(await again.page.locator('#register-country').inputValue()).toBe('DE');
    expect(await again.page.locator('.register__shown').textContent()).toBe(shown);
    await again.page.close();
  });

  it('shows the objection window of a vendor a refresh added, and filters on open windows', async () => {
    let storageReads: () => Promise<unknown[]> = async () => [];
    const { page } = await openRegister(ext, '?new=1', 1280, async (p) => {
      storageReads = await recordStorageReads(p);
    });
    const added = list.vendors[9_876]?.name ?? '';
    await expect.poll(() => page.locator('.register__open').allTextContents()).toEqual([added]);
    const cell = await page.locator('.register__table tbody tr td').nth(6).textContent();
    expect(cell).toMatch(/^added \d{1,2} \w{3} \d{4}; objection window until \d{1,2} \w{3} \d{4}$/);
    // The history behind that window came from the pages summary, not the 10,000-vendor record.
    await page.waitForFunction(() => performance.getEntriesByName('register:complete').length > 0);
    const asked = await storageReads();
    expect(asked).toContain(PAGES_KEY);
    expect(asked).not.toContain(STORE_KEY);
    expect(asked).not.toContain(null);
    await page.close();
  });
});

describe('the register with hostile list text', () => {
  it('shows it as text: no markup, script link, dialog or overflow, in the table, the charts and a card', async () => {
    const big = bigList(300, 10);
    const parsed = parse(big.text, { contentType: 'text/markdown', today: TODAY });
    if (!parsed.ok) throw new Error(parsed.error.message);
    await storeRegister(ext, parsed.list, [], 3);
    const dialogs: string[] = [];
    // Wide enough for the table: at 360 px it scrolls inside its own region, by design.
    const { page } = await openRegister(ext, '', 1600);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });
    await expect
      .poll(() => count(page, 'vendors'), { timeout: 30_000 })
      .toBe(String(parsed.list.vendors.length));
    await page.getByRole('button', { name: /^Findings/ }).click();
    await page.locator('.register__open').first().click();
    const state = await pageSafety(page, HOSTILE_MARKER, BEACON_HOST);
    // The only SVGs are the overview's own five charts; list text never makes an element.
    const charts = await page.locator('svg.chart__svg').count();
    expect(charts).toBe(5);
    expect(await page.locator('svg:not(.chart__svg)').count()).toBe(0);
    const injected = state.injected.filter((tag) => tag !== 'svg');
    expect({ ...state, injected, dialogs }).toEqual({ ...safeState(state.unsafeCharacters), dialogs: [] });
    await page.close();
  }, 60_000);
});

// The options page's refresh, as a user sees it in real Chromium. The default source's address
// (dovetailapp.com) is the local https server, answering as each step says. Where refresh.test.ts
// checks the engine (storage, badge, alarms), this file checks the page: the sources with their
// state, the change summary and history after a refresh, a failure in plain words with every vendor
// kept, a held result and its choice, the export files, the popup's "new" marker, keyboard use,
// and axe-core in light and dark. It adds no source (that would need a permission prompt).
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/core/export-csv';
import { validateList } from '../../src/core/list';
import { seriousA11yViolations } from '../support/axe';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { type Handler, markdown, refreshed, SOURCE, truncated, visible } from './support/refresh-answers';

let answer: Handler = (_req, res) => res.writeHead(404).end();

let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  // The worker's own fetch of the list is not covered by Playwright's ignoreHTTPSErrors.
  ext = await launchExtension({ args: ['--ignore-certificate-errors'] });
  ext.sites.route(SOURCE, (req, res) => answer(req, res));
  page = await ext.extensionPage('options.html');
  await page.waitForSelector('.source');
});

afterAll(async () => {
  await ext?.close();
});

const sources = () => page.getByRole('region', { name: 'Sources' });
const dovetail = () => sources().locator('.source', { has: page.getByRole('heading', { name: 'Dovetail' }) });
const history = () => page.getByRole('region', { name: 'What changed' });
const announced = () => sources().getByRole('status');

async function facts(card: Locator): Promise<Record<string, string>> {
  const pairs = await card
    .locator('dt')
    .evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
  return Object.fromEntries(pairs.map(([k, v]) => [k, visible(v ?? '')]));
}

/** Waits until the live region says something matching `pattern`, and returns it. */
async function announcement(pattern: RegExp): Promise<string> {
  await expect
    .poll(async () => visible(await announced().textContent()), { timeout: 30_000 })
    .toMatch(pattern);
  return visible(await announced().textContent());
}

describe('refreshing from the options page', () => {
  it('shows the bundled Dovetail source with its commands, and an empty history', async () => {
    expect(await dovetail().getByRole('heading', { level: 3 }).textContent()).toBe('Dovetail');
    expect(await facts(dovetail())).toEqual({
      Vendors: '7',
      Updated: '8 Oct 2018',
      Source: 'https://dovetailapp.com/legal/data-subprocessors (opens in a new tab)',
      'Copy in use': 'Bundled with the extension',
      'Kept current': 'Fetched on schedule',
    });
    await expect(page.getByRole('button', { name: 'Refresh Dovetail' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Refresh all' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await history().textContent()).toContain('No changes yet');
  });

  it('refreshes by keyboard, announces the change summary and shows it in the history', async () => {
    answer = markdown(refreshed);
    const button = page.getByRole('button', { name: 'Refresh Dovetail' });
    await button.focus();
    await page.keyboard.press('Enter');
    const said = await announcement(/^Updated: /);
    expect(said).toBe(
      'Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe.',
    );
    // Focus stays where the user was.
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await expect.poll(async () => (await facts(dovetail())).Updated).toBe('2 Nov 2026');
    const state = await facts(dovetail());
    expect(state.Vendors).toBe('7');
    expect(state['Copy in use']).toBe('Downloaded and stored in this browser');
    expect(state['Last good fetch']).toMatch(/\d{4}, \d{2}:\d{2}$/);
    expect(state['Last check']).toMatch(/: Updated: Dovetail added 1 subprocessor: Rev\.ai/);

    const entries = history().locator('.change');
    await expect.poll(() => entries.count()).toBe(1);
    const entry = entries.first();
    expect(visible(await entry.locator('h3').textContent())).toMatch(/ · , Dovetail$/);
    expect(await entry.locator('.change__summary').textContent()).toBe(
      '1 vendor added, 1 vendor removed, 1 vendor changed',
    );
    const group = async (label: string) =>
      (
        await entry
          .locator('.change__group', { has: page.getByRole('heading', { level: 4, name: label }) })
          .locator(':scope > ul > li')
          .allTextContents()
      ).map(visible);
    expect(await group('Added')).toEqual(['Rev.ai (Austin, United States)']);
    expect(await group('Removed')).toEqual(['Heroku']);
    const [stripe] = await group('Changed');
    expect(stripe).toMatch(/^Stripe ?Location: San Francisco, United States → /);
  });

  it('marks Rev.ai "new" in the popup after the refresh', async () => {
    const site = await ext.openPage(ext.url('rev.ai'));
    const tabId = await ext.tabIdOf(site);
    const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.card');
    expect(await popup.getByRole('heading', { level: 2 }).textContent()).toBe('Rev.ai');
    const marker = popup.locator('.card .new-marker');
    expect(visible(await marker.locator('[aria-hidden="true"]').textContent())).toBe('New');
    expect(visible(await marker.locator('.visually-hidden').textContent())).toMatch(
      /^New: added to a list on /,
    );
    // One list only: no "Listed by", which would repeat the card.
    expect(await popup.locator('.facts dt').allTextContents()).not.toContain('Listed by');
    await popup.close();
    await site.close();
  });

  it('says in plain words that a 500 failed, keeps every vendor, and says when it tries again', async () => {
    answer = (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
    await page.getByRole('button', { name: 'Refresh Dovetail' }).click();
    const said = await announcement(/HTTP 500/);
    expect(said).toMatch(
      /^The source answered with an error \(HTTP 500\)\. The list fetched on .+ stays in use\.$/,
    );
    expect(await announced().getAttribute('class')).toContain('status--error');

    const problem = dovetail().locator('.problem--error');
    await problem.waitFor();
    expect(visible(await problem.textContent())).toMatch(
      /^Last check failed \(.+\): The source answered with an error \(HTTP 500\)\. The list fetched on .+ stays in use\.$/,
    );
    const state = await facts(dovetail());
    expect(state.Vendors).toBe('7');
    expect(state.Updated).toBe('2 Nov 2026');
    expect(state['Next try']).toMatch(/\d{2}:\d{2}$/);
    expect(await history().locator('.change').count()).toBe(1);
  });

  it('holds a list that lost most vendors, with a clear warning, until the user chooses', async () => {
    answer = markdown(truncated);
    await page.getByRole('button', { name: 'Refresh Dovetail' }).click();
    await announcement(/waits for your confirmation/);
    const held = dovetail().getByRole('group', {
      name: /A new version of .*Dovetail.* waits for your confirmation/,
    });
    await held.waitFor();
    expect(visible(await held.textContent())).toMatch(
      /Of the 7 vendors you have, it no longer lists 5; it lists 2 in all\./,
    );
    expect((await facts(dovetail())).Vendors).toBe('7');

    // The page with everything on it: settings, an error, a held result, history, export.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: null });

    await held.getByRole('button', { name: 'Keep the current list' }).press('Enter');
    await announcement(/^The held version was discarded/);
    await expect.poll(() => held.count()).toBe(0);
    // Its buttons are gone; focus went to the source, not to the page's body.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Dovetail');
    expect((await facts(dovetail())).Vendors).toBe('7');
  });

  it('exports the register as a valid v1 JSON file and as CSV', async () => {
    const save = async (name: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name }).click(),
      ]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };
    const json = await save('Download JSON');
    expect(json.name).toMatch(/^subprocessor-register-\d{4}-\d{2}-\d{2}\.json$/);
    const checked = validateList(JSON.parse(json.text));
    if (!checked.ok) throw new Error(checked.issues.join('; '));
    expect(checked.list.vendors.map((v) => v.name)).toContain('Rev.ai');
    expect(checked.list.vendors).toHaveLength(7);
    expect(
      visible(await page.getByRole('region', { name: 'Export' }).getByRole('status').textContent()),
    ).toBe(`Downloaded ${json.name}.`);

    const csv = await save('Download CSV');
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(8);
  });

  it('fits a narrow window without horizontal scrolling, with all sections filled', async () => {
    await page.setViewportSize({ width: 360, height: 700 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
  });
});

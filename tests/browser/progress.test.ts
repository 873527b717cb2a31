// Long work in real Chromium: "Refresh all" shows what the worker is doing, the options page can be
// closed while it runs (the worker goes on), a page opened again shows the same step, and it
// announces the outcome in its live region when the work ends.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

const SOURCE = 'dovetailapp.com/legal/data-subprocessors';
const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');

let ext: ExtensionBrowser;
/** The held response: the list is sent when the test says so. */
let held: ServerResponse | null = null;

beforeAll(async () => {
  // The worker's own fetch of the list is not covered by Playwright's ignoreHTTPSErrors.
  ext = await launchExtension({ args: ['--ignore-certificate-errors'] });
  ext.sites.route(SOURCE, (_req, res) => {
    held = res;
  });
});

afterAll(async () => {
  held?.destroy();
  await ext?.close();
});

describe('refreshing every source', () => {
  it('shows its step, goes on with the page closed, and ends with its outcome announced', async () => {
    const first = await ext.extensionPage('options.html');
    await first.getByRole('button', { name: 'Refresh all' }).click();
    const step = 'Refreshing 1 of 1 sources: Reading Dovetail’s list…';
    await first.getByRole('progressbar', { name: step }).waitFor({ timeout: 30_000 });
    expect(await first.getByText('You can leave this page: it goes on in the background.').count()).toBe(1);
    await first.close();

    const again = await ext.extensionPage('options.html');
    const bar = again.getByRole('progressbar', { name: step });
    await bar.waitFor({ timeout: 30_000 });
    expect(await bar.getAttribute('value')).toBeNull(); // one source: nothing to measure
    expect(await again.getByRole('button', { name: 'Refreshing…' }).getAttribute('aria-disabled')).toBe(
      'true',
    );

    await expect.poll(() => held !== null, { timeout: 30_000 }).toBe(true);
    held?.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(refreshed);
    const status = again.getByRole('region', { name: 'Sources' }).getByRole('status');
    await expect
      .poll(async () => (await status.textContent())?.replace(/[\u2066-\u2069]/g, ''), { timeout: 30_000 })
      .toMatch(/^Updated: Dovetail added 1 subprocessor: Rev\.ai/);
    expect(await again.getByRole('progressbar').count()).toBe(0);
    await again.close();
  });
});

// Thousands of vendors through the real path in Chromium: a 5,000-vendor markdown list (plus 200
// duplicates and near-duplicates, hostile payloads in every tenth vendor) is parsed, stored as the
// extension stores it, and the popup must answer searches with results. No timing budget is asserted
// here (budgets belong to the benchmark); the times are measured and printed:
//   npx vitest run --project browser tests/browser/hostile-scale.test.ts
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundledSources from '../../assets/data/sources.json';
import { parse } from '../../src/core/parse';
import { STORE_KEY } from '../../src/platform/store/keys';
import { readStoreRecord, STORE_SCHEMA_VERSION } from '../../src/platform/store/record';
import { bigList } from '../support/hostile/big-list';
import { BEACON_HOST, HOSTILE_MARKER } from '../support/hostile/payloads';
import { TODAY } from '../support/test-date';
import { type ExtensionBrowser, launchExtension } from './support/chromium';
import { pageSafety, safeState, vendorCountShown, type Watch, watchContext } from './support/page-safety';

declare const chrome: import('webextension-polyfill').Browser;

const SOURCE_ID = bundledSources.sources[0]?.id ?? 'dovetail';
const VENDORS = 5000;

let ext: ExtensionBrowser;
let watch: Watch;
const figures: string[] = [];

beforeAll(async () => {
  ext = await launchExtension();
  watch = watchContext(ext.context);
});

afterAll(async () => {
  if (ext) await ext.inWorker((key) => chrome.storage.local.remove(key), STORE_KEY).catch(() => {});
  await ext?.close();
  if (figures.length)
    console.log(`popup at ${VENDORS} vendors (Chromium, headless):\n  ${figures.join('\n  ')}`);
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Types `query` as one input event; resolves when the first result names `expected` (or any result
 * when expected is null): the time to the DOM commit, and to the next frame (results painted). */
function timeQuery(page: Page, query: string, expected: string | null) {
  return page.evaluate(
    async ([q, want]) => {
      const input = document.querySelector<HTMLInputElement>('#search');
      if (!input) throw new Error('no search field');
      const answered = () => {
        const first = document.querySelector('.results .result__name')?.textContent;
        return first !== undefined && first !== null && (want === null || first === want);
      };
      const started = performance.now();
      const dom = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!answered()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const domMs = await dom;
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return { domMs, frameMs: performance.now() - started };
    },
    [query, expected] as const,
  );
}

describe(`the popup at ${VENDORS} vendors`, () => {
  it('parses and stores the list, opens, and answers searches with results', async () => {
    const big = bigList(VENDORS, 200);
    const parsed = parse(big.text, { contentType: 'text/markdown', today: TODAY });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.list.vendors.map((v) => v.name)).toEqual(big.vendors.map((v) => v.name));
    expect(parsed.warnings).toContain('200 duplicate or publisher entries merged or left out.');
    const record = {
      schemaVersion: STORE_SCHEMA_VERSION,
      revision: 1,
      sources: {
        [SOURCE_ID]: { id: SOURCE_ID, title: 'Big', url: null, fetchedAt: null, list: parsed.list },
      },
    };
    expect(readStoreRecord(record).kind).toBe('ok');
    const bytes = JSON.stringify(record).length;
    await ext.inWorker(([key, value]) => chrome.storage.local.set({ [key]: value }), [
      STORE_KEY,
      record,
    ] as const);

    watch.expectPage();
    const popup = await ext.extensionPage('popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    const first = await popup.waitForFunction(
      () => performance.getEntriesByName('popup:first-result')[0]?.startTime,
      undefined,
      { timeout: 30_000 },
    );
    const openMs = Number(await first.jsonValue());

    // The first query may wait for the index, which the popup builds just after its first paint.
    const target = big.vendors[4321]?.name ?? '';
    const firstQuery = await timeQuery(popup, target.toLowerCase(), target);
    const queries = [
      ['zorva', null],
      ['quinrilia analytcs', null], // a typo
      ['payments', null],
      ['berlin', null],
      ['iso 27001', null],
      ['script', null], // hostile payloads' words
      [big.vendors[17]?.name ?? '', big.vendors[17]?.name ?? ''],
      [big.vendors[2500]?.name.toUpperCase() ?? '', big.vendors[2500]?.name ?? ''],
      ['vexkora', null],
      ['dublin ireland', null],
      ['belnexware', null],
    ] as const;
    const times: number[] = [];
    const frames: number[] = [];
    for (const [query, expected] of queries) {
      const { domMs, frameMs } = await timeQuery(popup, query, expected);
      times.push(domMs);
      frames.push(frameMs);
      expect(await popup.locator('.results .result').count(), query).toBeGreaterThan(0);
    }
    const state = await pageSafety(popup, HOSTILE_MARKER, BEACON_HOST);
    expect({ ...state, dialogs: watch.dialogs, pageErrors: watch.pageErrors }).toEqual({
      ...safeState(),
      dialogs: [],
      pageErrors: [],
    });

    figures.push(
      `stored record: ${(bytes / 1e6).toFixed(2)} MB of JSON`,
      `open to first result (popup:first-result mark): ${ms(openMs)}`,
      `first query (may include building the index): ${ms(firstQuery.domMs)} to results in the DOM, ${ms(firstQuery.frameMs)} to the next frame`,
      `next ${queries.length} queries: median ${ms(median(times))} (max ${ms(Math.max(...times))}) to the DOM, median ${ms(median(frames))} (max ${ms(Math.max(...frames))}) to the next frame`,
    );
    await popup.close();

    watch.expectPage();
    const options = await ext.extensionPage('options.html');
    await options.waitForSelector('.source');
    expect(await vendorCountShown(options)).toBe('5,000');
    await options.close();
  });
});

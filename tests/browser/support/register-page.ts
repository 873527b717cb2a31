// The register page in Chromium, for its tests and the benchmark: a register stored as the default
// source (written straight into storage.local, as a refresh would store it, from outside the store
// code, so the worker rebuilds the read views), and the page opened with its first-rows mark.
import type { Page } from 'playwright-core';
import bundledSources from '../../../assets/data/sources.json';
import type { SubprocessorList } from '../../../src/core/list';
import type { HistoryEntry } from '../../../src/core/register/history-schema';
import { LOOKUP_KEY, STORE_KEY } from '../../../src/platform/store/keys';
import { STORE_SCHEMA_VERSION } from '../../../src/platform/store/record';
import type { ExtensionBrowser } from './chromium';

declare const chrome: import('webextension-polyfill').Browser;

export const DEFAULT_SOURCE = bundledSources.sources[0] as { id: string; title: string };

/** Stores `list` as the default source with `history`; resolves once the worker rebuilt the views. */
export async function storeRegister(
  ext: ExtensionBrowser,
  list: SubprocessorList,
  history: HistoryEntry[] = [],
  revision = 1,
): Promise<number> {
  const record = {
    schemaVersion: STORE_SCHEMA_VERSION,
    revision,
    sources: {
      [DEFAULT_SOURCE.id]: {
        id: DEFAULT_SOURCE.id,
        title: DEFAULT_SOURCE.title,
        url: null,
        fetchedAt: new Date().toISOString(),
        list,
        history,
      },
    },
  };
  return ext.inWorker(
    async ({ key, viewKey, value }) => {
      const started = performance.now();
      await chrome.storage.local.set({ [key]: value });
      for (;;) {
        const head = (await chrome.storage.local.get(viewKey))[viewKey] as
          | { revision?: number; stale?: boolean }
          | undefined;
        if (head?.revision === value.revision && !head.stale) break;
        if (performance.now() - started > 60_000) throw new Error('the views were not rebuilt');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return performance.now() - started;
    },
    { key: STORE_KEY, viewKey: LOOKUP_KEY, value: record },
  );
}

export interface OpenedRegister {
  page: Page;
  /** ms from navigation start to the first page of rows on screen (the register:first-rows mark). */
  firstRows: number;
}

export async function openRegister(
  ext: ExtensionBrowser,
  search = '',
  width = 1280,
  /** Runs on the new page before it navigates (e.g. to record its storage reads). */
  prepare?: (page: Page) => Promise<unknown>,
): Promise<OpenedRegister> {
  const page = await ext.newPage();
  await prepare?.(page);
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${ext.extensionId}/register.html${search}`);
  const mark = await page.waitForFunction(
    () => performance.getEntriesByName('register:first-rows')[0]?.startTime,
    undefined,
    { timeout: 30_000 },
  );
  return { page, firstRows: Number(await mark.jsonValue()) };
}

/** Rows of the table in the DOM (the body's rows: one page, never the whole register). */
export function rowsInDom(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('.register__table tbody tr').length);
}

/** Types `query` into the register's search as one input event; resolves to the ms until the rows
 * for it are committed (the register:rows:<query> mark) and until the next frame. */
export function timeFilter(page: Page, query: string): Promise<{ rowsMs: number; frameMs: number }> {
  return page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('#register-search');
    if (!input) throw new Error('no search field');
    const name = `register:rows:${q}`;
    performance.clearMarks(name);
    const started = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Bounded: page.evaluate has no timeout of its own, and a page that never commits these rows
    // would hold the test or the bench for ever.
    for (;;) {
      if (performance.now() - started > 15_000) throw new Error(`the rows for "${q}" took over 15 s`);
      const mark = performance.getEntriesByName(name)[0];
      if (mark) {
        const rowsMs = mark.startTime - started;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return { rowsMs, frameMs: performance.now() - started };
      }
      await new Promise((r) => setTimeout(r, 0));
    }
  }, query);
}

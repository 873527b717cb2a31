// Which keys an extension page asks storage.local for: to check that a page reads the small
// summaries it should, and never the whole record.
import type { Page } from 'playwright-core';

declare const chrome: import('webextension-polyfill').Browser;

/** Call before the page's first navigation: from then on, every key the page asks storage.local
 * for is recorded, from before its own scripts run. Resolves to a function that gives those keys
 * (a get of everything shows as null). */
export async function recordStorageReads(page: Page): Promise<() => Promise<unknown[]>> {
  await page.addInitScript(() => {
    const local = chrome.storage.local;
    const get = local.get.bind(local);
    const asked: unknown[] = [];
    (window as unknown as { asked: unknown[] }).asked = asked;
    local.get = ((keys?: unknown) => {
      asked.push(keys ?? null);
      return get(keys as string);
    }) as typeof local.get;
  });
  return async () => (await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).flat();
}

// Figures that need the built extension in Chromium (issue 5): the popup's first result, the badge
// after a navigation and after the worker wakes, and the worker's heap with a large register.
//
// Extension point. They are measured with the browser-test harness (tests/browser/support/chromium.ts,
// playwright-core + /usr/bin/chromium) once the popup, the service worker and that harness are in
// this checkout; until then each figure is listed as not measured, with the reason.
//
// How each is to be measured (medians of several runs, headless, local https sites):
// - popup first result, bundled list: open chrome-extension://ID/popup.html?tabId=N for a vendor tab;
//   read performance.getEntriesByName('popup:first-result') (src/popup/index.tsx marks it after the
//   first paint) against navigation start. Budget 100 ms.
// - the same with a 10,000-vendor register (registerList(10_000) written to storage.local through the
//   platform's store record, then the popup reopened). Budget 250 ms.
// - badge after navigation: page.goto(vendor URL), then poll the badge from the worker; the time from
//   the navigation's commit to the badge text. Budget 50 ms.
// - badge after wake: ServiceWorker.stopAllWorkers over CDP, navigate, same measurement. Budget 50 ms.
// - worker heap with 10,000 vendors: performance.memory / CDP HeapProfiler.collectGarbage +
//   Runtime.getHeapUsage in the worker after the register is loaded and matched. Budget 40 MB.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './table';

export const CHROMIUM_FIGURES: { figure: string; at: string; budget: string }[] = [
  { figure: 'popup first result painted', at: 'bundled list', budget: '≤ 100 ms' },
  { figure: 'popup first result painted', at: '10,000 vendors', budget: '≤ 250 ms' },
  { figure: 'badge set after navigation commits', at: '10,000 vendors', budget: '≤ 50 ms' },
  { figure: 'badge set after the worker wakes', at: '10,000 vendors', budget: '≤ 50 ms' },
  { figure: 'worker heap', at: '10,000 vendors', budget: '< 40 MB' },
];

/** What the Chromium figures need in this checkout. */
export const CHROMIUM_NEEDS = [
  'src/popup/index.tsx',
  'src/background/index.ts',
  'tests/browser/support/chromium.ts',
  '/usr/bin/chromium',
];

export interface ChromiumResult {
  rows: Row[];
  /** A line for under the table: why figures are missing, if they are. */
  note: string | null;
}

export async function chromiumFigures(root: string, log: (line: string) => void): Promise<ChromiumResult> {
  const missing = CHROMIUM_NEEDS.filter((p) => !existsSync(p.startsWith('/') ? p : join(root, p)));
  const note = missing.length
    ? `Chromium figures not measured: this checkout has no ${missing.join(', ')} yet.`
    : 'Chromium figures not measured yet: bench/chromium-figures.ts is the place to add them.';
  log(note);
  const rows = CHROMIUM_FIGURES.map(({ figure, at, budget }) => ({
    figure,
    at,
    ours: 'not measured',
    budget,
    baseline: '',
    ratio: '',
    within: '',
  }));
  return { rows, note };
}

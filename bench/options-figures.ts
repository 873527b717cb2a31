// The options page in headless Chromium (the built extension) with a 10,000-vendor register stored as
// the default source and five history entries of 200 added vendors each: navigation start to the
// sources on screen (the options:sources mark, after the first render). Ours reads the pages summary
// written with the record (lens.view.pages, store/pages-summary.ts); the baseline, in the same run and
// the same build, is the page with that summary removed, which reads and checks the whole record as
// the page did before the summary (store/source-summaries.ts loadSourcesPage's full read). The opens
// alternate, so the machine's load falls on both alike; each open counts the page's storage.local
// gets of lens.store, to show which path it took. The same page with nothing stored (the bundled
// list) is the floor: what the page costs whatever it reads.
import type { Page } from 'playwright-core';
import { diffLists } from '../src/core/register/diff';
import { historyEntry } from '../src/core/register/history';
import { PAGES_KEY, STORE_KEY } from '../src/platform/store/keys';
import { type ExtensionBrowser, launchExtension } from '../tests/browser/support/chromium';
import { DEFAULT_SOURCE, storeRegister } from '../tests/browser/support/register-page';
import type { Workload } from './load-workload';
import { median } from './stats';
import { ms, type Row, times, yesNo } from './table';

declare const chrome: import('webextension-polyfill').Browser;

const OPENS = 9;
const REGISTER = 10_000;

interface Open {
  ms: number;
  recordReads: number;
  sources: number;
}

async function openOptions(ext: ExtensionBrowser): Promise<Open> {
  const page: Page = await ext.newPage();
  try {
    await page.addInitScript((key) => {
      const local = chrome.storage.local;
      const get = local.get.bind(local);
      const counter = window as unknown as { recordReads: number };
      counter.recordReads = 0;
      local.get = ((keys?: unknown) => {
        const asked = keys === undefined || keys === null ? [key] : [keys].flat();
        if (asked.includes(key)) counter.recordReads++;
        return get(keys as string);
      }) as typeof local.get;
    }, STORE_KEY);
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const mark = await page.waitForFunction(
      () => performance.getEntriesByName('options:sources')[0]?.startTime,
      undefined,
      { timeout: 60_000 },
    );
    return {
      ms: Number(await mark.jsonValue()),
      recordReads: await page.evaluate(() => (window as unknown as { recordReads: number }).recordReads),
      sources: await page.locator('.source').count(),
    };
  } finally {
    await page.close();
  }
}

export async function optionsFigures(w: Workload, log: (line: string) => void): Promise<Row[]> {
  const list = w.registerList(REGISTER);
  const older = { ...list, vendors: list.vendors.slice(200) };
  const history = [5, 4, 3, 2, 1].flatMap((day) => {
    const entry = historyEntry(diffLists(older, list), {
      at: `2026-11-0${day}T08:00:00.000Z`,
      sourceId: DEFAULT_SOURCE.id,
      listTitle: DEFAULT_SOURCE.title,
    });
    return entry ? [entry] : [];
  });
  if (history.length !== 5) throw new Error('the history entries were not made');
  const ext = await launchExtension();
  try {
    // The floor: the same page with nothing stored (the bundled list), before the register.
    log('options page: bundled list');
    const floor: Open[] = [];
    for (let i = 0; i <= OPENS; i++) {
      const open = await openOptions(ext);
      if (i > 0) floor.push(open);
    }
    log(`options page: ${REGISTER.toLocaleString('en-US')}-vendor register in storage`);
    await storeRegister(ext, list, history);
    const summary = await ext.inWorker(async (key) => (await chrome.storage.local.get(key))[key], PAGES_KEY);
    if (typeof summary !== 'string') throw new Error('no pages summary was written with the views');
    log(`options page: the pages summary is ${(summary.length / 1024).toFixed(1)} KB packed`);
    const setSummary = (value: string | null) =>
      ext.inWorker(
        async ({ key, value }) =>
          value === null ? chrome.storage.local.remove(key) : chrome.storage.local.set({ [key]: value }),
        { key: PAGES_KEY, value },
      );
    const ours: Open[] = [];
    const full: Open[] = [];
    // One warm-up open each, then alternating.
    for (let i = 0; i <= OPENS; i++) {
      await setSummary(summary);
      const a = await openOptions(ext);
      await setSummary(null);
      const b = await openOptions(ext);
      if (i === 0) continue;
      ours.push(a);
      full.push(b);
    }
    await setSummary(summary);
    const reads = (opens: Open[]) => opens.map((o) => o.recordReads).join(',');
    log(`options page: lens.store reads per open, ours ${reads(ours)}, full read ${reads(full)}`);
    const shown = new Set([...ours, ...full].map((o) => o.sources));
    if (shown.size !== 1) throw new Error(`the two paths showed different sources: ${[...shown]}`);
    const value = median(ours.map((o) => o.ms));
    const baseline = median(full.map((o) => o.ms));
    const bundled = median(floor.map((o) => o.ms));
    return [
      {
        figure: 'options page: navigation to the sources shown',
        at: 'bundled list (7)',
        ours: ms(bundled),
        budget: '',
        baseline: '',
        ratio: '',
        within: '',
      },
      {
        figure: 'options page: navigation to the sources shown',
        at: `${REGISTER.toLocaleString('en-US')} vendors`,
        ours: ms(value),
        // Issue 12: the page reads what it shows, not the 7 MB record.
        budget: 'no read of lens.store',
        baseline: `${ms(baseline)} (full read of the record)`,
        ratio: `${times(baseline / value)} faster; ${times(value / bundled)} the bundled list`,
        within: yesNo(ours.every((o) => o.recordReads === 0)),
      },
    ];
  } finally {
    await ext.close();
  }
}

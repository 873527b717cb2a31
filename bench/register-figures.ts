// The register page in headless Chromium (the built extension), with the bundled list as the
// baseline and then a 10,000-vendor register stored as the default source, in the same run:
// - time to first rows: navigation start to the first page of rows in the DOM (register:first-rows);
// - a filter keystroke to rows updated: queries typed one character at a time into the register's
//   search, each prefix one input event, to the DOM commit of its rows (register:rows:<query>);
//   p50 and p95 over every keystroke, after the page finished loading (register:complete);
// - time to complete: navigation start to the sources and their history shown (register:complete:
//   from the pages summary, or from a full read of the record when there is none);
// - rows in the DOM: the most table rows seen over every state measured;
// - the page's JS heap after a full gc (CDP), once loaded and searched.
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchExtension } from '../tests/browser/support/chromium';
import { openRegister, rowsInDom, storeRegister, timeFilter } from '../tests/browser/support/register-page';
import type { Workload } from './load-workload';
import { median, percentile } from './stats';
import { mb, ms, type Row, times, yesNo } from './table';

const OPENS = 7;
const REGISTER = 10_000;
const QUERIES = ['stripe', 'berlin', 'iso 27001', 'payments', 'strpe'];

interface Figures {
  firstRows: number;
  complete: number;
  keyP50: number;
  keyP95: number;
  rows: number;
  heap: number;
}

async function heapOf(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize + ((usage as { backingStorageSize?: number }).backingStorageSize ?? 0);
  } finally {
    await cdp.detach();
  }
}

async function measure(ext: ExtensionBrowser): Promise<Figures> {
  const first: number[] = [];
  const complete: number[] = [];
  const keys: number[] = [];
  let rows = 0;
  let heap = 0;
  for (let i = 0; i < OPENS; i++) {
    const { page, firstRows } = await openRegister(ext);
    try {
      first.push(firstRows);
      rows = Math.max(rows, await rowsInDom(page));
      const done = await page.waitForFunction(
        () => performance.getEntriesByName('register:complete')[0]?.startTime,
        undefined,
        { timeout: 60_000 },
      );
      complete.push(Number(await done.jsonValue()));
      // Typing once per figure is enough: three of the opens type, the others only open.
      if (i < 3) {
        for (const query of QUERIES) {
          for (let n = 1; n <= query.length; n++) {
            keys.push((await timeFilter(page, query.slice(0, n))).rowsMs);
            rows = Math.max(rows, await rowsInDom(page));
          }
          await timeFilter(page, '');
        }
      }
      if (i === 0) heap = await heapOf(page);
    } finally {
      await page.close();
    }
  }
  return {
    firstRows: median(first),
    complete: median(complete),
    keyP50: median(keys),
    keyP95: percentile(keys, 95),
    rows,
    heap,
  };
}

function rowsOf(bundled: Figures, register: Figures): Row[] {
  const at = ['bundled list (7)', `${REGISTER.toLocaleString('en-US')} vendors`];
  const out: Row[] = [];
  const count = (n: number) => String(n);
  const add = (
    figure: string,
    pick: (f: Figures) => number,
    budget: number | null,
    show: (n: number) => string = ms,
  ) => {
    [bundled, register].forEach((f, i) => {
      const value = pick(f);
      out.push({
        figure,
        at: at[i] as string,
        ours: show(value),
        budget: i === 1 && budget !== null ? `≤ ${show(budget)}` : '',
        baseline: i === 1 ? `${show(pick(bundled))} (bundled list)` : '',
        ratio: i === 1 ? `${times(value / pick(bundled))} the bundled` : '',
        within: i === 1 && budget !== null ? yesNo(value <= budget) : '',
      });
    });
  };
  add('register page: time to first rows', (f) => f.firstRows, 300);
  add('register page: time to sources and history shown', (f) => f.complete, null);
  add('register page: filter keystroke to rows updated, p50', (f) => f.keyP50, null);
  add('register page: filter keystroke to rows updated, p95', (f) => f.keyP95, 50);
  add('register page: table rows in the DOM (most seen)', (f) => f.rows, 50, count);
  add('register page: JS heap after gc, loaded and searched', (f) => f.heap, null, mb);
  return out;
}

export async function registerFigures(w: Workload, log: (line: string) => void): Promise<Row[]> {
  log('register page: bundled list');
  const ext = await launchExtension();
  try {
    const bundled = await measure(ext);
    log(`register page: ${REGISTER.toLocaleString('en-US')}-vendor register in storage`);
    await storeRegister(ext, w.registerList(REGISTER));
    const register = await measure(ext);
    return rowsOf(bundled, register);
  } finally {
    await ext.close();
  }
}

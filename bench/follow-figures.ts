// The popup on a page that lists subprocessors (issue 10): from the popup's start to "This page lists
// N" on screen (the 'popup:page-offer' mark, set when the worker's reading and parsing of the tab's
// rendered page is painted), with N in the hundreds; the baseline is the same opens' first paint
// ('popup:first-result', the vendor card, which the page reading never delays). A host-granted copy
// of the build (tests/browser/support/build.ts): a headless browser cannot click for activeTab.
import { rmSync } from 'node:fs';
import { hostGrantedBuild } from '../tests/browser/support/build';
import { type ExtensionBrowser, launchExtension } from '../tests/browser/support/chromium';
import { pageVendors, renderedListPage } from '../tests/support/rendered-pages';
import { median } from './stats';
import { ms, type Row, times } from './table';

const OPENS = 9;
const SIZES = [300, 1_000];
const HOST = 'trust.acme.com';

interface Open {
  first: number;
  offer: number;
}

async function openPopup(ext: ExtensionBrowser, tabId: number, count: number): Promise<Open> {
  const popup = await ext.newPage();
  try {
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    // No named helpers inside: tsx would wrap them in a __name() the page does not have.
    const marks = await popup.waitForFunction(() => {
      const first = performance.getEntriesByName('popup:first-result')[0]?.startTime;
      const offer = performance.getEntriesByName('popup:page-offer')[0]?.startTime;
      return first !== undefined && offer !== undefined ? { first, offer } : null;
    });
    const shown = await popup.locator('.page-offer__title').textContent();
    // Counts are written in the UI's number format (en: "1,000").
    if (shown !== `This page lists ${count.toLocaleString('en')} subprocessors`)
      throw new Error(`the popup said "${shown}"`);
    return (await marks.jsonValue()) as Open;
  } finally {
    await popup.close();
  }
}

export async function followFigures(log: (line: string) => void): Promise<Row[]> {
  const dist = hostGrantedBuild();
  const ext = await launchExtension({ dist });
  const rows: Row[] = [];
  try {
    for (const count of SIZES) {
      log(`follow: a page listing ${count} subprocessors`);
      const page = renderedListPage(pageVendors(count));
      ext.sites.route(`${HOST}/subprocessors-${count}`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
      });
      const site = await ext.openPage(ext.url(HOST, `/subprocessors-${count}`));
      const tabId = await ext.tabIdOf(site);
      await openPopup(ext, tabId, count); // warm-up
      const opens: Open[] = [];
      for (let i = 0; i < OPENS; i++) opens.push(await openPopup(ext, tabId, count));
      await site.close();
      const first = median(opens.map((o) => o.first));
      const offer = median(opens.map((o) => o.offer));
      const at = `page of ${count.toLocaleString('en-US')} vendors (${(page.length / 1e3).toFixed(0)} KB)`;
      rows.push({
        figure: 'popup: first paint (the card; the page is read after it)',
        at,
        ours: ms(first),
        budget: '',
        baseline: '',
        ratio: '',
        within: '',
      });
      rows.push({
        figure: 'popup: "This page lists N" painted (page read and parsed)',
        at,
        ours: ms(offer),
        budget: '',
        baseline: `${ms(first)} (first paint)`,
        ratio: times(offer / first),
        within: '',
      });
    }
  } finally {
    await ext.close();
    rmSync(dist, { recursive: true, force: true });
  }
  return rows;
}

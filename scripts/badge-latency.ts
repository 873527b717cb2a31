// How quickly the badge follows navigation in Chromium, and what the worker's per-wake work costs.
// - warm: a running worker; from page.goto() start to the badge being set, per visit in a new tab
// - woken: the same, with the service worker stopped first (so the visit's event wakes a fresh one)
// - pushState: a single-page-app URL change, from the call to the badge being rewritten
// - index: validating the list and building the match index (what a fresh worker does once), in Node,
//   for the bundled list and a synthetic list of 2,000 vendors
// Usage: npm run build && npx tsx scripts/badge-latency.ts [visits]

import { validateList } from '../src/core/list';
import { buildMatchIndex } from '../src/core/match';
import { launchExtension } from '../tests/browser/support/chromium';
import { buildBundledLists } from './build-data';

declare const chrome: import('webextension-polyfill').Browser;

const visits = Number(process.argv[2] ?? 15);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}, n=${xs.length})`;

function timeIt(run: () => void, times = 50): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const [dovetail] = buildBundledLists(process.cwd(), new Date().toISOString().slice(0, 10));
if (!dovetail) throw new Error('no bundled source');
const big = {
  ...dovetail.list,
  vendors: Array.from({ length: 2000 }, (_, i) => {
    const base = dovetail.list.vendors[i % dovetail.list.vendors.length];
    if (!base) throw new Error('empty list');
    return { ...base, name: `${base.name} ${i}`, domains: [`vendor-${i}.example`, `cdn-${i}.example`] };
  }),
};
const bigJson = JSON.stringify(big);
console.log(
  `index (Node): bundled list ${dovetail.list.vendors.length} vendors: validate ${timeIt(() => validateList(dovetail.list)).toFixed(3)} ms, build ${timeIt(() => buildMatchIndex(dovetail.list)).toFixed(3)} ms`,
);
console.log(
  `index (Node): 2,000 vendors (${(bigJson.length / 1024).toFixed(0)} KB JSON): parse ${timeIt(() => JSON.parse(bigJson), 20).toFixed(2)} ms, validate ${timeIt(() => validateList(big), 20).toFixed(2)} ms, build ${timeIt(() => buildMatchIndex(big), 20).toFixed(2)} ms`,
);

const ext = await launchExtension();
try {
  /** Milliseconds from goto() start to the badge being read back, and from the commit to it. */
  async function visitAndTime(host: string): Promise<[number, number]> {
    const page = await ext.context.newPage();
    const started = performance.now();
    await page.goto(ext.url(host), { waitUntil: 'commit' });
    const committed = performance.now();
    // Poll by URL: right at commit the tab may not show its new URL to the extension yet.
    const url = ext.url(host);
    for (let text = ''; text !== '!'; ) {
      text = await ext.inWorker(async (u) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      }, url);
      if (performance.now() - started > 10_000) throw new Error(`no badge on ${url}`);
    }
    const done = performance.now();
    await page.close();
    return [done - started, done - committed];
  }

  const warm: [number, number][] = [];
  const woken: [number, number][] = [];
  for (let i = 0; i < visits; i++) warm.push(await visitAndTime(i % 2 ? 'stripe.com' : 'heroku.com'));
  for (let i = 0; i < visits; i++) {
    await ext.stopServiceWorker();
    woken.push(await visitAndTime(i % 2 ? 'stripe.com' : 'heroku.com'));
  }

  const pushes: number[] = [];
  const page = await ext.openPage(ext.url('heroku.com'));
  const tabId = await ext.tabIdOf(page);
  await ext.waitForBadge(tabId, (b) => b.text === '!');
  for (let i = 0; i < visits; i++) {
    await ext.inWorker((id) => chrome.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
    const started = performance.now();
    await page.evaluate((n) => history.pushState({}, '', `/step/${n}`), i);
    await ext.waitForBadge(tabId, (b) => b.text === '!');
    pushes.push(performance.now() - started);
  }

  for (const [label, times] of [
    ['warm worker', warm],
    ['worker stopped first', woken],
  ] as const) {
    console.log(`badge after navigation, ${label}: from goto start ${fmt(times.map((t) => t[0]))}`);
    console.log(`badge after navigation, ${label}: from commit ${fmt(times.map((t) => t[1]))}`);
  }
  console.log(`badge after history.pushState: ${fmt(pushes)}`);
} finally {
  await ext.close();
}

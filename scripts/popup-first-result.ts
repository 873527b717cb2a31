// The popup's time to first result in Chromium: from navigation start to the 'popup:first-result'
// mark (set after the first card or empty state is painted), as the median of several opens; and the
// time from a typed query to its results on screen. Usage: npm run build && npx tsx scripts/popup-first-result.ts [opens]
import { launchExtension } from '../tests/browser/support/chromium';

const opens = Number(process.argv[2] ?? 15);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const ext = await launchExtension();
try {
  const site = await ext.openPage(ext.url('stripe.com', '/'));
  const tabId = await ext.tabIdOf(site);
  const firsts: number[] = [];
  const searches: number[] = [];
  for (let i = 0; i < opens; i++) {
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    const mark = await popup.waitForFunction(
      () => performance.getEntriesByName('popup:first-result')[0]?.startTime,
    );
    firsts.push(Number(await mark.jsonValue()));
    // One query, from the input event to the frame after its results are in the DOM.
    searches.push(
      await popup.evaluate(async () => {
        const input = document.querySelector<HTMLInputElement>('#search');
        if (!input) throw new Error('no search field');
        const started = performance.now();
        input.value = 'strpe';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (!document.querySelector('.results')) await new Promise((r) => requestAnimationFrame(r));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - started;
      }),
    );
    await popup.close();
  }
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  console.log(`popup time to first result over ${opens} opens: ${fmt(firsts)}`);
  console.log(`typed query "strpe" to results painted: ${fmt(searches)}`);
} finally {
  await ext.close();
}

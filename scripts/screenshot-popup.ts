// docs/screenshot-popup.png for the README: the popup describing a tab on stripe.com, 400 px wide,
// in real Chromium with the built extension. Usage: npm run build && npx tsx scripts/screenshot-popup.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension } from '../tests/browser/support/chromium';

const out = join(import.meta.dirname, '../docs/screenshot-popup.png');
const scheme = process.argv.includes('--dark') ? 'dark' : 'light';

const ext = await launchExtension();
try {
  const site = await ext.openPage(ext.url('stripe.com', '/'));
  const tabId = await ext.tabIdOf(site);
  const popup = await ext.context.newPage();
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 400, height: 600 });
  // Twice the pixels, so the picture stays sharp on high-density screens.
  const cdp = await ext.context.newCDPSession(popup);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: 400,
    height: 600,
    deviceScaleFactor: 2,
    mobile: false,
  });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  await popup.waitForSelector('.card');
  await popup.waitForFunction(() => performance.getEntriesByName('popup:first-result').length > 0);
  mkdirSync(join(out, '..'), { recursive: true });
  await popup.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await ext.close();
}

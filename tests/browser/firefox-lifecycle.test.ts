// The add-on's life in Firefox ESR (WebDriver BiDi), as badge.test.ts's install and worker tests check it
// in Chromium: tabs open before the install are badged, and Firefox's background, an event page (not a
// service worker), is suspended when idle (here after 1 s) and badges correctly when woken with
// nothing in memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

declare const browser: import('webextension-polyfill').Browser;

const DEFAULT_TITLE = 'Subprocessor Lens';
const HOSTS = ['stripe.com', 'foo.herokuapp.com', 'example.org'];
let ff: FirefoxExtension;
const before: string[] = [];

beforeAll(async () => {
  ff = await launchFirefoxExtension({
    // Firefox suspends an idle event page after extensions.background.idle.timeout ms (30 s by default).
    prefs: { 'extensions.background.idle.timeout': 1000 },
    beforeInstall: async (openTab) => {
      for (const host of HOSTS) before.push(await openTab(`https://${host}/`));
    },
  });
});

afterAll(async () => {
  await ff?.close();
});

/** Sets a global in the background page (waking it if suspended); false when it is a fresh page. */
const backgroundMarker = (set: boolean) =>
  ff.inExtension(async (write) => {
    const page = (await browser.runtime.getBackgroundPage()) as unknown as Record<string, unknown>;
    const had = page.lensTestMarker === 'old page';
    if (write) page.lensTestMarker = 'old page';
    return had;
  }, set);

describe('Firefox add-on lifecycle', () => {
  it('badges the tabs that were open before the add-on was installed', async () => {
    const looks = [];
    for (const [i, tab] of before.entries()) {
      const tabId = await ff.tabIdOf(tab);
      looks.push(
        await ff.waitForBadge(tabId, (b) => b.title !== '' && (HOSTS[i] === 'example.org' || b.text !== '')),
      );
    }
    expect(looks.map((b) => b.text)).toEqual(['i', 'on', '']);
    expect(looks[0]?.title).toMatch(/^Stripe: /);
    expect(looks[2]?.title).toBe(DEFAULT_TITLE);
  });

  it('badges correctly from a fresh event page after the old one was suspended', async () => {
    await backgroundMarker(true);
    expect(await backgroundMarker(false)).toBe(true);
    // Each look wakes the page; looking less often than the idle timeout lets it go idle in between.
    await poll(
      () => backgroundMarker(false),
      (had) => !had,
      { timeoutMs: 30_000, intervalMs: 2500, what: 'the event page to be suspended' },
    );
    // The marker is gone: the old page was unloaded, and this one starts with nothing in memory.
    const tab = await ff.openTab(ff.url('heroku.com'));
    const badge = await ff.waitForBadge(await ff.tabIdOf(tab), (b) => b.text === '!');
    expect(badge.title).toMatch(/^Heroku: /);
  });
});

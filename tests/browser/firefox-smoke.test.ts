// Firefox smoke test: dist/firefox installed in firefox-esr (headless, WebDriver BiDi), a vendor site
// served locally gets the badge and title, a customer site hosted on a vendor gets the quiet badge,
// and the popup renders the vendor's card. The badge is read with browser.action.getBadgeText from an
// extension page, which has the same API as the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutIsolates } from '../support/visible';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';

interface TabBadge {
  id: number;
  text: string;
  title: string;
}

let ff: FirefoxExtension;
let extensionPage = '';

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  extensionPage = await ff.openTab(ff.extensionUrl('popup.html'));
});

afterAll(async () => {
  await ff?.close();
});

/** The badge of the tab showing `url`, polled until `done` holds (events are asynchronous). */
async function badgeOfTab(url: string, done: (badge: TabBadge) => boolean): Promise<TabBadge> {
  const expression = `(async () => {
    const [tab] = await browser.tabs.query({ url: ${JSON.stringify(url)} });
    if (!tab) return null;
    return { id: tab.id, text: await browser.action.getBadgeText({ tabId: tab.id }),
             title: await browser.action.getTitle({ tabId: tab.id }) };
  })()`;
  const deadline = Date.now() + 15_000;
  let last: TabBadge | null = null;
  while (Date.now() < deadline) {
    last = await ff.evaluateJson<TabBadge | null>(extensionPage, expression);
    if (last && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`badge for ${url} never matched; last seen ${JSON.stringify(last)}`);
}

describe('Firefox', () => {
  it('installs the add-on under its manifest id', () => {
    expect(ff.addonId).toBe('subprocessor-lens@subprocessorlens.dev');
  });

  it("badges Stripe's site with the vendor and its most serious finding", async () => {
    await ff.openTab('https://stripe.com/pricing');
    const badge = await badgeOfTab('https://stripe.com/pricing', (b) => b.text !== '');
    expect(badge.text).toBe('i');
    expect(withoutIsolates(badge.title)).toBe('Stripe: DPA signed 8 Oct 2018');
    expect(ff.sites.requests).toContain('stripe.com/pricing');
  });

  it('shows a customer site hosted on Heroku with the quiet badge', async () => {
    await ff.openTab('https://foo.herokuapp.com/');
    const badge = await badgeOfTab('https://foo.herokuapp.com/', (b) => b.text !== '');
    expect(badge.text).toBe('on');
    expect(withoutIsolates(badge.title)).toMatch(/^foo\.herokuapp\.com is hosted on Heroku/);
  });

  it("renders the popup with the tab's vendor card", async () => {
    const { id } = await badgeOfTab('https://stripe.com/pricing', (b) => b.text !== '');
    await ff.navigate(extensionPage, ff.extensionUrl(`popup.html?tabId=${id}`));
    const deadline = Date.now() + 15_000;
    let headings: string[] = [];
    while (Date.now() < deadline && !headings.includes('Stripe')) {
      headings = await ff.evaluateJson<string[]>(
        extensionPage,
        '[...document.querySelectorAll("h2")].map((h) => h.textContent.trim())',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(headings).toContain('Stripe');
  });
});

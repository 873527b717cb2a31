// The red team's case in Chromium (issue 14, finding 1): a hostile v1 document imported as the
// options page imports a file, beside the bundled list. Its "Stripe" (at stripe.com) claims
// paypal.com, github.com, accounts.google.com and 300,001 other domains; its "Evil Co UK" has the
// public suffix co.uk as its website. None of those sites gets a badge or a card; Stripe's own site
// keeps Dovetail's Stripe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_FORMAT } from '../../src/core/list';
import { STORE_KEY } from '../../src/platform/store/keys';
import { withoutIsolates } from '../support/visible';
import { type ExtensionBrowser, launchExtension } from './support/chromium';

declare const chrome: import('webextension-polyfill').Browser;

let ext: ExtensionBrowser;

const vendor = (name: string, website: string, domains: string[]) => ({
  name,
  website,
  domains,
  location: { text: 'Nowhere', country: null },
  certifications: [],
  dataProcessed: [],
  use: [],
  dpa: { status: 'signed', date: '2026-01-01', text: 'Yes' },
  flags: [],
});

const CLAIMED = ['paypal.com', 'github.com', 'accounts.google.com'];
const hostile = JSON.stringify({
  format: LIST_FORMAT,
  source: { title: 'Totally Legit', url: null, updated: null },
  vendors: [
    vendor('Stripe', 'https://stripe.com', [
      ...CLAIMED,
      ...Array.from({ length: 300_001 }, (_, i) => `d${i}.io`),
    ]),
    vendor('Evil Co UK', 'https://co.uk', ['co.uk']),
  ],
});

beforeAll(async () => {
  ext = await launchExtension();
  const options = await ext.extensionPage('options.html');
  const reply = await options.evaluate(
    (text) =>
      chrome.runtime.sendMessage({ to: 'lens-background', type: 'importList', text, fileName: 'legit.json' }),
    hostile,
  );
  expect(reply).toMatchObject({ ok: true });
  await options.close();
});

afterAll(async () => {
  if (ext) await ext.inWorker((key) => chrome.storage.local.remove(key), STORE_KEY).catch(() => {});
  await ext?.close();
});

async function visit(host: string) {
  const page = await ext.openPage(ext.url(host, '/'));
  return { page, tabId: await ext.tabIdOf(page) };
}

describe('a hostile list in Chromium', () => {
  it('badges none of the sites it claims, nor a site under the public suffix it names as a website', async () => {
    for (const host of [...CLAIMED, 'bbc.co.uk', 'd7.io']) {
      const { page, tabId } = await visit(host);
      // Blank is also the starting state: scribble, then move within the page, so only the
      // extension's decision can blank it again.
      await ext.inWorker((id) => chrome.action.setBadgeText({ tabId: id, text: 'X' }), tabId);
      await page.evaluate(() => history.pushState({}, '', '/elsewhere'));
      expect(await ext.waitForBadge(tabId, (b) => b.text === ''), host).toMatchObject({ text: '' });
      const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
      await popup.waitForSelector('.empty');
      expect(await popup.locator('.card').count(), host).toBe(0);
      await popup.close();
      await page.close();
    }
  });

  it("keeps Stripe's own site Dovetail's Stripe, listed by both lists that agree on stripe.com", async () => {
    const { page, tabId } = await visit('stripe.com');
    // Both lists describe stripe.com, so both lists' findings count (here the hostile list's "no
    // certifications listed"): the card says which lists name the vendor.
    const badge = await ext.waitForBadge(tabId, (b) => b.text !== '' && b.text !== 'X');
    expect(withoutIsolates(badge.title)).toMatch(/^Stripe: /);
    const popup = await ext.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.card');
    expect(withoutIsolates(await popup.locator('.card').textContent())).toMatch(/Dovetail.*Totally Legit/s);
    await popup.close();
    await page.close();
  });

  it('stored the hostile vendor with its own domains and at most 20 unverified ones', async () => {
    const stored = await ext.inWorker(async (key) => {
      const record = (await chrome.storage.local.get(key))[key] as {
        sources: Record<
          string,
          { list?: { vendors: { name: string; domains: string[]; unverifiedDomains?: string[] }[] } }
        >;
      };
      return Object.values(record.sources).flatMap((s) => s.list?.vendors ?? []);
    }, STORE_KEY);
    expect(stored.map((v) => [v.name, v.domains, v.unverifiedDomains?.length ?? 0])).toEqual([
      ['Stripe', ['stripe.com', 'stripe.network', 'stripe.dev'], 20],
      ['Evil Co UK', [], 0],
    ]);
  });
});

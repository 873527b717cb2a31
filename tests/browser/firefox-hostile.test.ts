// Hostile lists through the real path in Firefox ESR (WebDriver BiDi), as hostile.test.ts checks them in
// Chromium: core parse -> the stored record -> the badge, the popup (the tab's vendor and result
// lists) and the options page, at 360 px, with the same page-safety reading (support/page-safety.ts).
// Chromium also opens every vendor's card through search; here the site's card and the result lists
// are read, which keeps this file to seconds per document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundledSources from '../../assets/data/sources.json';
import type { SubprocessorList } from '../../src/core/list';
import { parse } from '../../src/core/parse';
import { STORE_KEY } from '../../src/platform/store/keys';
import { readStoreRecord, STORE_SCHEMA_VERSION } from '../../src/platform/store/record';
import { hostileDocuments } from '../support/hostile/documents';
import { BEACON_HOST, HOSTILE_MARKER } from '../support/hostile/payloads';
import { TODAY } from '../support/test-date';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { pageSafetyArgs, readPageSafety, safeState } from './support/page-safety';
import { poll } from './support/poll';

declare const browser: import('webextension-polyfill').Browser;

const SOURCE_ID = bundledSources.sources[0]?.id ?? 'dovetail';
const WIDTH = 360;
let ff: FirefoxExtension;
let revision = 0;

beforeAll(async () => {
  ff = await launchFirefoxExtension();
});

afterAll(async () => {
  if (ff) await ff.inExtension((key) => browser.storage.local.remove(key), STORE_KEY).catch(() => {});
  await ff?.close();
});

async function store(list: SubprocessorList): Promise<void> {
  const record = {
    schemaVersion: STORE_SCHEMA_VERSION,
    revision: ++revision,
    sources: {
      [SOURCE_ID]: { id: SOURCE_ID, title: list.source.title, url: list.source.url, fetchedAt: null, list },
    },
  };
  // The record must be one the extension reads as it is, or the pages would show the bundled list.
  const read = readStoreRecord(JSON.parse(JSON.stringify(record)));
  expect(read.kind === 'ok' && read.invalid).toEqual([]);
  await ff.inExtension(([key, value]) => browser.storage.local.set({ [key]: value }), [
    STORE_KEY,
    record,
  ] as const);
}

async function open(path: string): Promise<string> {
  const tab = await ff.openTab(ff.extensionUrl(path));
  await ff.bidi.send('browsingContext.setViewport', {
    context: tab,
    viewport: { width: WIDTH, height: 600 },
  });
  return tab;
}

const has = (tab: string, selector: string) =>
  poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: selector },
  );

async function expectSafe(tab: string, view: string): Promise<void> {
  const state = await ff.inPage(tab, readPageSafety, pageSafetyArgs(HOSTILE_MARKER, BEACON_HOST));
  expect(state, view).toEqual(safeState());
}

const tokenOf = (name: string) => /^q[a-z]{7}\b/.exec(name)?.[0] ?? null;

describe('hostile lists in Firefox, parsed and stored, in the badge, popup and options page', () => {
  it('has a safety reading that does catch markup from data and a script link', async () => {
    const popup = await open('popup.html');
    await has(popup, '.card, .empty');
    await ff.inPage(
      popup,
      (marker) => {
        const div = document.createElement('div');
        div.innerHTML = `<img src="x" onerror="void 0"><a href="javascript:void 0">x</a>`;
        document.querySelector('main')?.append(div);
        (window as unknown as Record<string, unknown>)[marker] = 'probe';
      },
      HOSTILE_MARKER,
    );
    const state = await ff.inPage(popup, readPageSafety, pageSafetyArgs(HOSTILE_MARKER, BEACON_HOST));
    expect(state).toMatchObject({
      marker: 'probe',
      injected: ['img'],
      handlerAttributes: ['IMG onerror'],
      badHrefs: ['javascript:void 0'],
    });
    await ff.closeTab(popup);
  });

  for (const doc of hostileDocuments()) {
    it(doc.name, async () => {
      const result = parse(doc.text, { url: doc.url, contentType: doc.contentType, today: TODAY });
      if (!result.ok && doc.mayBeRefused) {
        expect(['no-vendors', 'unsupported']).toContain(result.error.code);
        return;
      }
      if (!result.ok) throw new Error(`${doc.name} did not parse: ${result.error.message.slice(0, 300)}`);
      await store(result.list);
      const siteVendor = result.list.vendors.find((v) => v.domains.includes(doc.siteHost));
      const token = siteVendor && tokenOf(siteVendor.name);
      expect(token, 'the site vendor survives the parse').toBeTruthy();

      const site = await ff.openTab(`https://${doc.siteHost}/`);
      const tabId = await ff.tabIdOf(site);
      // The background reads the same list: the badge names the vendor (as text, in the tooltip).
      await ff.waitForBadge(tabId, (b) => b.title.includes(token as string));

      const popup = await open(`popup.html?tabId=${tabId}`);
      await has(popup, '.card');
      expect(
        await ff.inPage(popup, () => document.querySelector('.card__name')?.textContent ?? '', null),
      ).toMatch(new RegExp(`^${token}`));
      await expectSafe(popup, `${doc.name}: the site's card`);
      for (const query of ['q', 'script', 'onerror', 'javascript', 'www']) {
        await ff.inPage(
          popup,
          (q) => {
            const field = document.querySelector<HTMLInputElement>('#search');
            if (!field) throw new Error('no search field');
            field.value = q;
            field.dispatchEvent(new Event('input', { bubbles: true }));
          },
          query,
        );
        await has(popup, '.results, .empty');
        await expectSafe(popup, `${doc.name}: results for "${query}"`);
      }
      await ff.closeTab(popup);
      await ff.closeTab(site);

      const options = await open('options.html');
      const count = await poll(
        () =>
          ff.inPage(
            options,
            () =>
              [...document.querySelectorAll('.source dt')].find((dt) => dt.textContent === 'Vendors')
                ?.nextElementSibling?.textContent ?? null,
            null,
          ),
        (c) => c !== null,
        { what: 'the vendor count' },
      );
      expect(count).toBe(new Intl.NumberFormat('en').format(result.list.vendors.length));
      await expectSafe(options, `${doc.name}: options`);
      await ff.closeTab(options);
      expect(ff.sites.requests.filter((r) => r.startsWith(BEACON_HOST))).toEqual([]);
    });
  }
});

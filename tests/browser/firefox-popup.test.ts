// The popup in Firefox ESR (WebDriver BiDi), as popup.test.ts checks it in Chromium: the card of the
// tab's vendor, a hosted customer site and a site that is no vendor, search with typos typed key by
// key, keyboard use alone, axe-core, and the width range. The popup is opened as a tab for a given
// tab (popup.html?tabId=N): a headless browser cannot click the toolbar button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, KEYS, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

let ff: FirefoxExtension;
const sites = new Map<string, number>();

beforeAll(async () => {
  ff = await launchFirefoxExtension();
});

afterAll(async () => {
  await ff?.close();
});

/** A popup tab describing a tab on `host` (one site tab per host, opened once). */
async function popupFor(host: string, path = '/'): Promise<string> {
  let tabId = sites.get(host);
  if (tabId === undefined) {
    tabId = await ff.tabIdOf(await ff.openTab(ff.url(host, path)));
    sites.set(host, tabId);
  }
  const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${tabId}`));
  await waitFor(popup, '.card, .empty');
  return popup;
}

function waitFor(tab: string, selector: string): Promise<boolean> {
  return poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: `${selector} in the popup` },
  );
}

const texts = (tab: string, selector: string) =>
  ff.inPage(tab, (s) => [...document.querySelectorAll(s)].map((e) => e.textContent?.trim() ?? ''), selector);

const focused = (tab: string) =>
  ff.inPage(
    tab,
    () => ({
      id: document.activeElement?.id ?? '',
      tag: document.activeElement?.tagName ?? '',
      text: document.activeElement?.textContent?.trim() ?? '',
    }),
    null,
  );

/** Clears the search field, focuses it and types `query` key by key; waits for the first result. */
async function search(popup: string, query: string): Promise<string[]> {
  await ff.inPage(
    popup,
    () => {
      const field = document.querySelector<HTMLInputElement>('#search');
      if (!field) throw new Error('no search field');
      field.focus();
      field.select();
    },
    null,
  );
  await ff.type(popup, query);
  return poll(
    () => texts(popup, '.results h2, .empty__title'),
    (names) => names.length > 0,
    { what: `results for "${query}"` },
  );
}

describe('popup in Firefox', () => {
  it("shows the card of the tab's vendor", async () => {
    const popup = await popupFor('stripe.com', '/pricing');
    expect(await texts(popup, 'h2')).toEqual(['Stripe']);
    expect(await texts(popup, '.facts dt')).toEqual([
      'Location',
      'Certifications',
      'Data processed',
      'Use',
      'DPA',
      'Website',
    ]);
    const link = await ff.inPage(
      popup,
      () => {
        const a = document.querySelector('.facts a');
        return { href: a?.getAttribute('href'), rel: a?.getAttribute('rel') };
      },
      null,
    );
    expect(link).toEqual({ href: 'https://stripe.com/', rel: 'noopener noreferrer' });
    expect((await texts(popup, '.finding')).length).toBeGreaterThan(0);
    const [source] = await texts(popup, '.source-line__text');
    expect(source?.replace(/[\u2066-\u2069]/g, '')).toMatch(/^Dovetail, updated 8 Oct 2018, \d+ years ago$/);
    await ff.closeTab(popup);
  });

  it("notes a customer's site on a vendor's hosting domain, and a site that is no vendor", async () => {
    const hosted = await popupFor('foo.herokuapp.com');
    expect((await texts(hosted, '[role="note"]')).join(' ')).toContain('hosted on');
    expect(await texts(hosted, 'h2')).toEqual(['Heroku']);
    await ff.closeTab(hosted);
    const other = await popupFor('example.org');
    expect(await texts(other, '.empty__title')).toEqual(['This site is not on your lists']);
    await ff.closeTab(other);
  });

  it('finds vendors despite typos as the user types', async () => {
    const popup = await popupFor('example.org');
    for (const [query, expected] of [
      ['strpe', 'Stripe'],
      ['sendgird', 'SendGrid'],
      ['mixpnael', 'Mixpanel'],
    ] as const) {
      expect((await search(popup, query))[0], query).toBe(expected);
    }
    expect(await search(popup, 'qqqqzzzz')).toEqual([expect.stringContaining('No vendor matches')]);
    expect(await texts(popup, '[role="status"]')).toContain('0 vendors found');
    await ff.closeTab(popup);
  });

  it('works by keyboard alone', async () => {
    const popup = await popupFor('stripe.com');
    // The search field has focus on open.
    await poll(
      () => focused(popup),
      (f) => f.id === 'search',
      { what: 'focus on the search field' },
    );
    await ff.type(popup, 'se');
    const names = await poll(
      () => texts(popup, '.results h2'),
      (n) => n.length > 1,
      { what: 'results for "se"' },
    );
    await ff.press(popup, KEYS.ArrowDown);
    expect((await focused(popup)).text).toBe(names[0]);
    await ff.press(popup, KEYS.ArrowDown);
    expect((await focused(popup)).text).toBe(names[1]);
    await ff.press(popup, KEYS.ArrowUp);
    await ff.press(popup, KEYS.ArrowUp);
    expect((await focused(popup)).id).toBe('search');
    // Enter opens a result; its heading takes focus.
    await ff.press(popup, KEYS.ArrowDown);
    await ff.press(popup, KEYS.ArrowDown);
    await ff.press(popup, KEYS.Enter);
    await waitFor(popup, '.card');
    expect(await focused(popup)).toMatchObject({ tag: 'H2', text: names[1] });
    // Escape clears the search and returns to the site's vendor.
    await ff.press(popup, KEYS.Escape);
    expect((await focused(popup)).id).toBe('search');
    expect(
      await ff.inPage(popup, () => document.querySelector<HTMLInputElement>('#search')?.value, null),
    ).toBe('');
    expect(await texts(popup, 'h2')).toEqual(['Stripe']);
    // Enter in the field opens the best result directly.
    await ff.type(popup, 'hroku');
    await ff.press(popup, KEYS.Enter);
    await poll(
      () => texts(popup, '.card h2'),
      (h) => h[0] === 'Heroku',
      { what: "Heroku's card" },
    );
    // Shift+Tab reaches the back button, which has a visible focus indicator.
    await ff.press(popup, KEYS.Shift, KEYS.Tab);
    expect((await focused(popup)).text).toContain('Back to results');
    expect(
      await ff.inPage(popup, () => getComputedStyle(document.activeElement as Element).outlineStyle, null),
    ).not.toBe('none');
    await ff.press(popup, KEYS.Enter);
    await poll(
      () => focused(popup),
      (f) => f.text === 'Heroku',
      { what: 'focus back on the Heroku result' },
    );
    await ff.closeTab(popup);
  });

  it('has no serious or critical axe-core violations on the card, results and no results', async () => {
    const popup = await popupFor('stripe.com');
    expect(await ff.a11yViolations(popup), 'card').toEqual([]);
    await search(popup, 'cloud');
    expect(await ff.a11yViolations(popup), 'results').toEqual([]);
    await search(popup, 'qqqqzzzz');
    expect(await ff.a11yViolations(popup), 'no results').toEqual([]);
    // The check does catch a violation, so an empty answer means something.
    await ff.inPage(popup, () => document.body.append(document.createElement('input')), null);
    expect((await ff.a11yViolations(popup)).map((v) => v.id)).toContain('label');
    await ff.closeTab(popup);
  });

  it('fits 360 to 420 px wide without horizontal scrolling', async () => {
    const popup = await popupFor('amazon.com');
    for (const width of [360, 400, 420]) {
      await ff.bidi.send('browsingContext.setViewport', { context: popup, viewport: { width, height: 600 } });
      for (const query of ['', 'a']) {
        if (query) await search(popup, query);
        const overflow = await ff.inPage(
          popup,
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          null,
        );
        expect(overflow, `${width} px, query "${query}"`).toBeLessThanOrEqual(0);
      }
    }
    await ff.closeTab(popup);
  });
});

// The popup, options and register pages in Firefox ESR's dark scheme, through axe-core, as popup.test.ts and
// options.test.ts check both schemes in Chromium. BiDi has no colour-scheme emulation here
// (emulation.setColorSchemeOverride is an unknown command in Firefox 153), so this file's profile asks
// for dark content through a pref; the other Firefox files run light.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

let ff: FirefoxExtension;

beforeAll(async () => {
  // 0 = dark, 1 = light, 2 = follow the system.
  ff = await launchFirefoxExtension({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0 } });
});

afterAll(async () => {
  await ff?.close();
});

const ready = (tab: string, selector: string) =>
  poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: selector },
  );

describe('Firefox in the dark scheme', () => {
  it('the popup has no serious or critical axe-core violations on a card, results and no results', async () => {
    const tabId = await ff.tabIdOf(await ff.openTab(ff.url('stripe.com')));
    const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${tabId}`));
    await ready(popup, '.card');
    expect(await ff.inPage(popup, () => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(true);
    expect(await ff.a11yViolations(popup), 'card').toEqual([]);
    for (const [query, shown] of [
      ['cloud', '.results'],
      ['qqqqzzzz', '.empty'],
    ] as const) {
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
      await ready(popup, shown);
      expect(await ff.a11yViolations(popup), query).toEqual([]);
    }
  });

  it('the options page has no serious or critical axe-core violations', async () => {
    const options = await ff.openTab(ff.extensionUrl('options.html'));
    await ready(options, '.source');
    expect(await ff.a11yViolations(options)).toEqual([]);
  });

  it('the register page has no serious or critical axe-core violations', async () => {
    const register = await ff.openTab(ff.extensionUrl('register.html'));
    await ready(register, '.register__table tbody tr');
    expect(await ff.a11yViolations(register)).toEqual([]);
  });
});

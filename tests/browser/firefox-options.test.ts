// The options page in Firefox ESR (WebDriver BiDi), as options.test.ts and options-refresh.test.ts check
// it in Chromium: the bundled source, the badge setting kept after a reload, then refresh as a user
// sees it (the default source's address answered by the local server through the proxy): the change
// summary and history, the popup's "new" marker, a failure in plain words with every vendor kept, a
// held list kept and then confirmed, and the export files, read from Firefox's download folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/core/export-csv';
import { validateList } from '../../src/core/list';
import { SETTINGS_KEY } from '../../src/platform/store/keys';
import { type FirefoxExtension, KEYS, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';
import { type Handler, markdown, refreshed, SOURCE, truncated, visible } from './support/refresh-answers';

declare const browser: import('webextension-polyfill').Browser;

let ff: FirefoxExtension;
let page: string;
let answer: Handler = (_req, res) => res.writeHead(404).end();

beforeAll(async () => {
  ff = await launchFirefoxExtension();
  ff.sites.route(SOURCE, (req, res) => answer(req, res));
  page = await ff.openTab(ff.extensionUrl('options.html'));
  await waitFor('.source');
});

afterAll(async () => {
  await ff?.close();
});

function waitFor(selector: string, tab = page): Promise<boolean> {
  return poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: selector },
  );
}

/** The dt/dd pairs of the Dovetail source card, as a reader sees them. */
async function facts(): Promise<Record<string, string>> {
  const pairs = await ff.inPage(
    page,
    () => {
      const card = [...document.querySelectorAll('.source')].find(
        (c) => c.querySelector('h3')?.textContent === 'Dovetail',
      );
      return [...(card?.querySelectorAll('dt') ?? [])].map((dt) => [
        dt.textContent ?? '',
        dt.nextElementSibling?.textContent ?? '',
      ]);
    },
    null,
  );
  return Object.fromEntries(pairs.map(([k, v]) => [k, visible(v)]));
}

/** The text of a section (by its heading's id) or of an element in it. */
const sectionText = (heading: string, selector = '') =>
  ff
    .inPage(
      page,
      ([h, s]) => document.querySelector(`section[aria-labelledby="${h}"] ${s}`)?.textContent ?? null,
      [heading, selector] as const,
    )
    .then(visible);

/** The element expression of a button by its accessible text. */
const button = (name: string) =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(name)})`;

/** Waits until the sources' live region says something matching `pattern`, and returns it. */
const announcement = (pattern: RegExp) =>
  poll(
    () => sectionText('sources-heading', '[role="status"]'),
    (text) => pattern.test(text),
    { timeoutMs: 30_000, what: `an announcement matching ${pattern}` },
  );

describe('options page in Firefox', () => {
  it('shows the bundled Dovetail source with its date, vendor count, address and origin', async () => {
    expect(await ff.inPage(page, () => document.title, null)).toBe('Subprocessor Lens settings');
    expect(await facts()).toEqual({
      Vendors: '7',
      Updated: '8 Oct 2018',
      Source: 'https://dovetailapp.com/legal/data-subprocessors (opens in a new tab)',
      'Copy in use': 'Bundled with the extension',
      'Kept current': 'Fetched on schedule',
    });
    expect(await sectionText('history-heading')).toContain('No changes yet');
    expect(await ff.a11yViolations(page)).toEqual([]);
  });

  it('saves the badge setting by keyboard, keeps it after a reload, and stores it', async () => {
    const box = `[...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Show a badge on vendor sites')?.control`;
    const checked = () => ff.evaluateJson<boolean>(page, `${box}.checked`);
    expect(await checked()).toBe(true);
    await ff.evaluateJson(page, `${box}.focus()`);
    await ff.press(page, KEYS.Space);
    await poll(
      () => sectionText('settings-heading', '[role="status"]'),
      (t) => t === 'Saved.',
      { what: 'Saved.' },
    );
    await ff.bidi.send('browsingContext.reload', { context: page, wait: 'complete' });
    await waitFor('.source');
    expect(await checked()).toBe(false);
    const stored = await ff.inExtension(
      async (key) => (await browser.storage.sync.get(key))[key],
      SETTINGS_KEY,
    );
    expect(stored).toMatchObject({ badge: false });
    await ff.click(page, box);
    await poll(checked, (c) => c, { what: 'the box checked again' });
    await poll(
      () => sectionText('settings-heading', '[role="status"]'),
      (t) => t === 'Saved.',
      { what: 'Saved.' },
    );
  });
});

describe('refreshing from the options page in Firefox', () => {
  it('refreshes by keyboard, announces the change summary and shows it in the history', async () => {
    answer = markdown(refreshed);
    await ff.evaluateJson(page, `${button('Refresh Dovetail')}.focus()`);
    await ff.press(page, KEYS.Enter);
    expect(await announcement(/^Updated: /)).toBe(
      'Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe.',
    );
    // Focus stays where the user was.
    expect(await ff.evaluateJson(page, `${button('Refresh Dovetail')} === document.activeElement`)).toBe(
      true,
    );
    const state = await poll(facts, (f) => f.Updated === '2 Nov 2026', { what: 'the refreshed date' });
    expect(state.Vendors).toBe('7');
    expect(state['Copy in use']).toBe('Downloaded and stored in this browser');
    expect(state['Last good fetch']).toMatch(/\d{4}, \d{2}:\d{2}$/);

    const entries = await poll(
      () => ff.inPage(page, () => document.querySelectorAll('.change').length, null),
      (n) => n === 1,
      { what: 'one history entry' },
    );
    expect(entries).toBe(1);
    expect(await sectionText('history-heading', '.change .change__summary')).toBe(
      '1 vendor added, 1 vendor removed, 1 vendor changed',
    );
    expect(await sectionText('history-heading', '.change')).toMatch(
      /Added.*Rev\.ai \(Austin, United States\).*Removed.*Heroku.*Changed.*Stripe ?Location: San Francisco, United States → /,
    );
  });

  it('marks Rev.ai "new" in the popup after the refresh, and badges rev.ai', async () => {
    const site = await ff.openTab(ff.url('rev.ai'));
    const tabId = await ff.tabIdOf(site);
    expect((await ff.waitForBadge(tabId, (b) => b.text !== '')).title).toMatch(/^Rev\.ai: /);
    const popup = await ff.openTab(ff.extensionUrl(`popup.html?tabId=${tabId}`));
    await waitFor('.card', popup);
    const card = await ff.inPage(
      popup,
      () => ({
        name: document.querySelector('h2')?.textContent,
        marker: document.querySelector('.card .new-marker [aria-hidden="true"]')?.textContent,
        spoken: document.querySelector('.card .new-marker .visually-hidden')?.textContent,
      }),
      null,
    );
    expect(card.name).toBe('Rev.ai');
    expect(visible(card.marker)).toBe('New');
    expect(visible(card.spoken)).toMatch(/^New: added to a list on /);
    await ff.closeTab(popup);
    await ff.closeTab(site);
  });

  it('says in plain words that a 500 failed, keeps every vendor, and says when it tries again', async () => {
    answer = (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
    await ff.click(page, button('Refresh Dovetail'));
    expect(await announcement(/HTTP 500/)).toMatch(
      /^The source answered with an error \(HTTP 500\)\. The list fetched on .+ stays in use\.$/,
    );
    const problem = await poll(
      () => ff.inPage(page, () => document.querySelector('.source .problem--error')?.textContent ?? '', null),
      (t) => t !== '',
      { what: 'the error on the source card' },
    );
    expect(visible(problem)).toMatch(
      /^Last check failed \(.+\): The source answered with an error \(HTTP 500\)\. The list fetched on .+ stays in use\.$/,
    );
    const state = await facts();
    expect(state.Vendors).toBe('7');
    expect(state.Updated).toBe('2 Nov 2026');
    expect(state['Next try']).toMatch(/\d{2}:\d{2}$/);
    expect(await ff.inPage(page, () => document.querySelectorAll('.change').length, null)).toBe(1);
  });

  it('holds a list that lost most vendors until the user keeps the current one', async () => {
    answer = markdown(truncated);
    await ff.click(page, button('Refresh Dovetail'));
    await announcement(/waits for your confirmation/);
    const held = () =>
      ff.inPage(page, () => document.querySelector('.source fieldset.held')?.textContent ?? '', null);
    expect(visible(await poll(held, (t) => t !== '', { what: 'the held notice' }))).toMatch(
      /A new version of .*Dovetail.* waits for your confirmation.*Of the 7 vendors you have, it no longer lists 5; it lists 2 in all\./,
    );
    expect((await facts()).Vendors).toBe('7');
    expect(await ff.a11yViolations(page)).toEqual([]);
    await ff.click(page, button('Keep the current list'));
    await announcement(/^The held version was discarded/);
    await poll(held, (t) => t === '', { what: 'the held notice gone' });
    expect((await facts()).Vendors).toBe('7');
  });

  it('exports the register as a valid v1 JSON file and as CSV, saved by Firefox', async () => {
    const save = async (name: string, extension: string) => {
      await ff.click(page, button(name));
      // Firefox makes an empty NAME at once and writes NAME.part, then moves it over NAME when done;
      // Firefox 153.8 may first write under a random temporary name, renamed a moment later, so a
      // file seen in one look may be gone at the next.
      const file = await poll(
        async () =>
          readdirSync(ff.downloads).find(
            (f) => f.startsWith('subprocessor-register-') && f.endsWith(extension),
          ) ?? null,
        (f) =>
          f !== null &&
          !existsSync(join(ff.downloads, `${f}.part`)) &&
          (statSync(join(ff.downloads, f), { throwIfNoEntry: false })?.size ?? 0) > 0,
        { what: `a downloaded ${extension} file` },
      );
      return { name: file as string, text: readFileSync(join(ff.downloads, file as string), 'utf8') };
    };
    const json = await save('Download JSON', '.json');
    expect(json.name).toMatch(/^subprocessor-register-\d{4}-\d{2}-\d{2}\.json$/);
    const checked = validateList(JSON.parse(json.text));
    if (!checked.ok) throw new Error(checked.issues.join('; '));
    expect(checked.list.vendors.map((v) => v.name)).toContain('Rev.ai');
    expect(checked.list.vendors).toHaveLength(7);
    expect(await sectionText('export-heading', '[role="status"]')).toBe(`Downloaded ${json.name}.`);

    const csv = await save('Download CSV', '.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(8);
  });

  it('applies a held list when the user confirms it, and records it in the history', async () => {
    answer = markdown(truncated);
    await ff.click(page, button('Refresh Dovetail'));
    await announcement(/waits for your confirmation/);
    await waitFor('.source fieldset.held');
    await ff.click(page, button('Apply the new version'));
    await poll(facts, (f) => f.Vendors === '2', { what: 'the confirmed list in use' });
    await poll(
      () => ff.inPage(page, () => document.querySelectorAll('.change').length, null),
      (n) => n === 2,
      { what: 'a second history entry' },
    );
    expect(await sectionText('history-heading', '.change .change__summary')).toMatch(/5 vendors removed/);
  });
});

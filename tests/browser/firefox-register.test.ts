// The register page in Firefox ESR (WebDriver BiDi), as register.test.ts checks it in Chromium with
// the bundled list: every vendor, the overview counts and charts, axe, a narrow window; a status
// saved through the details form (a script link refused first) that survives a reload, filters the
// table, shows on the popup card and reaches the CSV export saved by Firefox; sorting by a header
// (aria-sort) and the search filter, both kept in the address.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../src/core/export-csv';
import { bundled } from '../support/bundled-list';
import { type FirefoxExtension, launchFirefoxExtension } from './support/firefox';
import { poll } from './support/poll';

let ff: FirefoxExtension;

beforeAll(async () => {
  ff = await launchFirefoxExtension();
});

afterAll(async () => {
  await ff?.close();
});

function waitFor(tab: string, selector: string): Promise<boolean> {
  return poll(
    () => ff.inPage(tab, (s) => document.querySelector(s) !== null, selector),
    (found) => found,
    { what: selector },
  );
}

/** The register page, once its first rows are on screen (the register:first-rows mark). */
async function openRegister(search = ''): Promise<string> {
  const tab = await ff.openTab(ff.extensionUrl(`register.html${search}`));
  await poll(
    () => ff.inPage(tab, () => performance.getEntriesByName('register:first-rows').length, null),
    (marks) => marks > 0,
    { timeoutMs: 30_000, what: 'the first rows of the register' },
  );
  return tab;
}

const texts = (tab: string, selector: string) =>
  ff.inPage(tab, (s) => [...document.querySelectorAll(s)].map((e) => e.textContent?.trim() ?? ''), selector);

/** An overview count, once the overview is shown: the page shows its first rows before the rest
 * of the register is read, and the overview only then (as Playwright's locator waits in Chromium). */
const count = (tab: string, id: string) =>
  poll(
    () => ff.inPage(tab, (i) => document.querySelector(`[data-count="${i}"] dd`)?.textContent ?? null, id),
    (text) => text !== null,
    { what: `the overview count ${id}` },
  );

const rows = (tab: string) =>
  ff.inPage(tab, () => document.querySelectorAll('.register__table tbody tr').length, null);

const search = (tab: string) => ff.inPage(tab, () => location.search, null);

/** The element expression of a button by its text (whitespace folded). */
const button = (name: string, within = 'document') =>
  `[...${within}.querySelectorAll('button')].find((b) => b.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(name)})`;

/** The element expression of a form control by its label's text (in the details form). */
const labelled = (label: string) =>
  `[...document.querySelectorAll('.register__details label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)})?.control`;

/** Sets a select's value as a user's choice does: the value, then a change event. */
const choose = (tab: string, element: string, value: string) =>
  ff.evaluateJson(
    tab,
    `(() => { const e = ${element}; e.value = ${JSON.stringify(value)}; e.dispatchEvent(new Event('change', { bubbles: true })); })()`,
  );

/** Replaces a field's text by typing it key by key, as a user would. */
async function fill(tab: string, element: string, text: string): Promise<void> {
  await ff.evaluateJson(tab, `(() => { const e = ${element}; e.focus(); e.select(); })()`);
  await ff.type(tab, text);
}

describe('the register in Firefox with the bundled list', () => {
  it('shows every vendor, the overview counts and charts, and no serious axe violation', async () => {
    const page = await openRegister();
    expect(await rows(page)).toBe(bundled.vendors.length);
    expect(await count(page, 'vendors')).toBe(String(bundled.vendors.length));
    expect(await count(page, 'sources')).toBe('1');
    expect(await count(page, 'not-reviewed')).toBe(String(bundled.vendors.length));
    const risks = bundled.vendors.flatMap((v) => v.flags).filter((f) => f.severity === 'risk').length;
    expect(await count(page, 'risk')).toBe(String(risks));
    const charts = await ff.inPage(
      page,
      () =>
        [...document.querySelectorAll('figure.chart')].map((figure) => ({
          title: figure.querySelector('svg[role="img"] title')?.textContent ?? '',
          usa:
            [...figure.querySelectorAll('table tr')]
              .find((tr) => tr.textContent?.includes('United States'))
              ?.querySelector('td')?.textContent ?? null,
          text: figure.textContent ?? '',
        })),
      null,
    );
    expect(charts).toHaveLength(5);
    const country = charts.find((c) => c.text.includes('Vendors by country'));
    expect(country?.title).toContain('United States');
    expect(country?.usa).toBe(String(bundled.vendors.filter((v) => v.location.country === 'US').length));
    expect(await ff.a11yViolations(page)).toEqual([]);
    // At 360 px the table scrolls inside its own region; the page itself does not scroll sideways.
    await ff.bidi.send('browsingContext.setViewport', {
      context: page,
      viewport: { width: 360, height: 700 },
    });
    expect(
      await ff.inPage(
        page,
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        null,
      ),
    ).toBeLessThanOrEqual(0);
    await ff.closeTab(page);
  });

  it('saves a status that survives a reload, shows on the popup card and reaches the CSV export', async () => {
    const page = await openRegister();
    await ff.click(page, button('Stripe'));
    const details = `document.querySelector('.register__details')`;
    await poll(
      () => texts(page, '.register__details h2'),
      (h) => h[0] === 'Stripe',
      { what: "Stripe's details" },
    );
    await choose(page, labelled('My status'), 'approved');
    await fill(page, labelled('Owner'), 'Priya');
    await fill(page, labelled('Notes'), '=HYPERLINK("https://evil.example") <b>not markup</b>');
    await fill(page, labelled('Link to my DPA'), 'javascript:alert(1)');
    const said = () => texts(page, '.register__details [role="status"]').then((s) => s.at(-1) ?? '');
    await ff.click(page, button('Save review', details));
    await poll(said, (s) => s.includes('http or https'), { what: 'the link refused' });
    await fill(page, labelled('Link to my DPA'), 'https://example.com/dpa.pdf');
    await ff.click(page, button('Save review', details));
    await poll(said, (s) => s === 'Review saved.', { what: 'the review saved' });
    await ff.click(page, button('Close details'));
    // Focus returns to the row's button on the next frame.
    await poll(
      () => ff.inPage(page, () => document.activeElement?.textContent ?? '', null),
      (text) => text === 'Stripe',
      { what: "focus back on Stripe's row" },
    );

    await ff.navigate(page, ff.extensionUrl('register.html'));
    const stripeStatus = () =>
      ff.inPage(
        page,
        () =>
          [...document.querySelectorAll('.register__row')]
            .find((tr) => tr.querySelector('.register__open')?.textContent === 'Stripe')
            ?.querySelector('.review-status')?.textContent ?? null,
        null,
      );
    await poll(stripeStatus, (s) => s === 'Approved', { what: "Stripe's status after a reload" });
    expect(await count(page, 'not-reviewed')).toBe(String(bundled.vendors.length - 1));
    // The status filter narrows to it, and says so in the address.
    await choose(page, `document.querySelector('#register-status')`, 'approved');
    await poll(
      () => rows(page),
      (n) => n === 1,
      { what: 'one approved row' },
    );
    await poll(
      () => search(page),
      (s) => new URLSearchParams(s).get('status') === 'approved',
      { what: 'the status in the address' },
    );
    await ff.closeTab(page);

    const popup = await ff.openTab(ff.extensionUrl('popup.html'));
    await waitFor(popup, '#search');
    await ff.evaluateJson(popup, `document.querySelector('#search').focus()`);
    await ff.type(popup, 'stripe');
    await waitFor(popup, '.result__open');
    await ff.click(popup, `document.querySelector('.result__open')`);
    await poll(
      () => texts(popup, '.card__status'),
      (s) => s[0] === 'My status: Approved',
      { what: 'the status on the card' },
    );
    await ff.closeTab(popup);

    const options = await ff.openTab(ff.extensionUrl('options.html'));
    await waitFor(options, '.source');
    await ff.click(options, button('Download CSV'));
    // Firefox makes an empty NAME at once and writes NAME.part, then moves it over NAME when done.
    const file = await poll(
      async () => readdirSync(ff.downloads).find((f) => f.endsWith('.csv')) ?? null,
      (f) =>
        f !== null &&
        !existsSync(join(ff.downloads, `${f}.part`)) &&
        statSync(join(ff.downloads, f)).size > 0,
      { what: 'a downloaded CSV file' },
    );
    const lines = readFileSync(join(ff.downloads, file as string), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const stripe = lines.find((l) => l.startsWith('Stripe,')) ?? '';
    // The note is text: a leading "=" is neutralised, the markup is not interpreted.
    expect(
      stripe.endsWith(`approved,,Priya,,"'=HYPERLINK(""https://evil.example"") <b>not markup</b>"`),
    ).toBe(true);
    await ff.closeTab(options);
  });

  it('sorts by a header and filters by search, and keeps both in the address', async () => {
    const page = await openRegister();
    const names = () => texts(page, '.register__open');
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const sorted = bundled.vendors.map((v) => v.name).sort(collator.compare);
    const header = (label: string) =>
      `[...document.querySelectorAll('.register__sort')].find((b) => b.textContent.startsWith(${JSON.stringify(label)}))`;
    const ariaSort = (label: string) =>
      ff.evaluateJson<string | null>(page, `${header(label)}.closest('th').getAttribute('aria-sort')`);
    expect(await ariaSort('Vendor')).toBe('none');
    await ff.click(page, header('Vendor'));
    await poll(
      () => ariaSort('Vendor'),
      (s) => s === 'ascending',
      { what: 'sorted ascending' },
    );
    expect(await names()).toEqual(sorted);
    await ff.click(page, header('Vendor'));
    await poll(
      () => ariaSort('Vendor'),
      (s) => s === 'descending',
      { what: 'sorted descending' },
    );
    expect(await names()).toEqual([...sorted].reverse());
    await ff.click(page, header('Findings'));
    await poll(
      () => ariaSort('Findings'),
      (s) => s === 'descending',
      { what: 'findings first' },
    );
    expect(await ariaSort('Vendor')).toBe('none');
    await poll(
      () => search(page),
      (s) => new URLSearchParams(s).get('sort') === 'findings',
      { what: 'the sort in the address' },
    );

    // The search filter, typed key by key, with a typo: the popup's search engine.
    await fill(page, `document.querySelector('#register-search')`, 'strpe');
    await poll(names, (n) => n.length === 1 && n[0] === 'Stripe', { what: 'Stripe alone' });
    await poll(
      () => search(page),
      (s) => new URLSearchParams(s).get('q') === 'strpe',
      { what: 'the query in the address' },
    );
    // The bookmark opens the same view.
    const bookmark = await search(page);
    await ff.closeTab(page);
    const again = await openRegister(bookmark);
    expect(await texts(again, '.register__open')).toEqual(['Stripe']);
    expect(
      await ff.inPage(again, () => document.querySelector<HTMLInputElement>('#register-search')?.value, null),
    ).toBe('strpe');
    await ff.closeTab(again);
  });
});

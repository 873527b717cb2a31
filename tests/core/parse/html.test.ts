// Reading HTML pages: the list's date, the page's frame, and trees of any depth.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { elements, MAX_DEPTH, parseHtml, textOf } from '../../../src/core/parse/dom';
import { readHtml, updatedIn } from '../../../src/core/parse/html';
import { names, parseFixture, parseOk } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('"Last updated" lines', () => {
  it.each([
    ['Last updated: 3 March 2024', '2024-03-03'],
    ['Updated on March 3, 2024', '2024-03-03'],
    ['Last modified 2024-03-03', '2024-03-03'],
    ['Revised: 1st February 2023', '2023-02-01'],
    ['Effective date: 15 January 2025', '2025-01-15'],
    ['As of Sept. 9, 2022', '2022-09-09'],
  ])('%s -> %s', (line, date) => {
    expect(updatedIn(`Subprocessors\n${line}\nMore text`)).toBe(date);
  });

  it('ignores dates that no such line introduces, and ambiguous numeric dates', () => {
    expect(updatedIn('Founded 3 March 2001. Signed 8 October 2018.')).toBeNull();
    expect(updatedIn('Last updated: 03/04/2024')).toBeNull();
  });

  it('prefers "Last updated" to an "effective" date in a DPA cell above it (last-updated.md)', () => {
    const list = parseFixture('last-updated.md');
    expect(list.source.updated).toBe('2024-03-03');
    expect(list.vendors[0]?.dpa.date).toBe('2021-05-01');
  });

  it('uses "effective" when no stronger line dates the page', () => {
    expect(updatedIn('Signed, effective 1 May 2021')).toBe('2021-05-01');
  });
});

describe('the page around the list', () => {
  it('keeps footer and cookie dialog headings out but reads the date in a footer', () => {
    const html = `<!doctype html><main>
      <h2>Stripe</h2><p><a href="https://stripe.com">stripe.com</a></p><ul><li><b>Use:</b> Payments</li></ul></main>
      <footer><h4>Company</h4><ul><li><a href="/about">About</a></li><li>Location: Sydney, Australia</li></ul>
      <p>Last updated 2 May 2024</p></footer>
      <div role="dialog"><h3>Cookies</h3><p><a href="https://cookies.example.com">Policy</a></p><p>Purpose: analytics</p></div>`;
    const list = parseOk(html);
    expect(names(list)).toEqual(['Stripe']);
    expect(list.source.updated).toBe('2024-05-02');
  });

  it('ignores hidden and aria-hidden content', () => {
    const html = `<!doctype html><table><tr><th>Vendor</th><th>Location</th></tr>
      <tr><td>Visible Co</td><td>France</td></tr><tr hidden><td>Hidden Co</td><td>Spain</td></tr>
      <tr aria-hidden="true"><td>Aria Co</td><td>Italy</td></tr></table>`;
    expect(names(parseOk(html))).toEqual(['Visible Co']);
  });

  it('skips a repeated header row and one-cell group rows inside a table', () => {
    const html = `<!doctype html><table><tr><th>Vendor</th><th>Location</th></tr>
      <tr><td colspan="2">EU</td></tr><tr><td>Scaleway</td><td>France</td></tr>
      <tr><th>Vendor</th><th>Location</th></tr><tr><td>Linode</td><td>United States</td></tr></table>`;
    expect(names(parseOk(html))).toEqual(['Scaleway', 'Linode']);
  });

  it('reads a table nested in another one as a table of its own', () => {
    const html = `<!doctype html><table><tr><th>Vendor</th><th>Purpose</th></tr>
      <tr><td>Outer Co</td><td>Hosting<table><tr><th>Vendor</th><th>Location</th></tr><tr><td>Inner Co</td><td>Japan</td></tr></table></td></tr></table>`;
    const list = parseOk(html);
    expect(names(list)).toEqual(['Outer Co', 'Inner Co']);
    expect(list.vendors[1]?.location).toEqual({ text: 'Japan', country: 'JP' });
  });

  it('finds the vendors table inside a layout table', () => {
    const html = `<!doctype html><table width="100%"><tr><td><img src="logo.gif"></td><td>
      <h1>Subprocessors</h1><table border="1"><tr><th>Company</th><th>Service</th><th>Country</th></tr>
      <tr><td>Mailjet SAS</td><td>Newsletters</td><td>France</td></tr></table></td></tr></table>`;
    expect(names(parseOk(html))).toEqual(['Mailjet SAS']);
  });
});

describe('markup of any depth', () => {
  it('drops tags opened below the depth bound but keeps their text', () => {
    const doc = parseHtml(`${'<div>'.repeat(MAX_DEPTH + 500)}<b>deep</b> text`);
    const deepest = elements(doc).length;
    expect(deepest).toBeLessThanOrEqual(MAX_DEPTH);
    expect(textOf(doc)).toContain('deep text');
  });

  it('still reads a table nested within the bound', () => {
    const table =
      '<table><tr><th>Vendor</th><th>Location</th></tr><tr><td>Deep Co</td><td>Norway</td></tr></table>';
    const html = `<!doctype html>${'<div>'.repeat(MAX_DEPTH - 10)}${table}`;
    expect(names(parseOk(html))).toEqual(['Deep Co']);
  });

  it('answers a typed error, not a stack overflow, for 100,000 nested elements', () => {
    const result = parse(`<!doctype html>${'<ul><li>'.repeat(50_000)}`, { today: TODAY });
    expect(result).toEqual({
      ok: false,
      error: { code: 'no-vendors', message: expect.stringContaining('No vendors found in this page') },
    });
  });

  it('reads the page title from <title>, else the first <h1>', () => {
    expect(readHtml('<title> Vendors  of Acme </title><h1>Other</h1>').title).toBe('Vendors of Acme');
    expect(readHtml('<main><h1>Acme subprocessors</h1></main>').title).toBe('Acme subprocessors');
  });
});

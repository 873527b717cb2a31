// Lists of vendors' document links: the vendor is the text before the document words.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { vendorOfDocumentLink } from '../../../src/core/parse/link-list';
import { names, parseOk } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('vendorOfDocumentLink', () => {
  it.each([
    ['Acme data processing agreement', 'Acme'],
    ['Acme compliance information', 'Acme'],
    ['Acme Cloud, Inc. DPA (PDF)', 'Acme Cloud, Inc.'],
    ["Okta's security information", 'Okta'],
    ['Mollie – verwerkersovereenkomst', 'Mollie'],
    ['Hetzner Auftragsverarbeitungsvertrag', 'Hetzner'],
  ])('%s -> %s', (text, name) => {
    expect(vendorOfDocumentLink(text)).toBe(name);
  });

  it.each([
    ['Privacy policy'],
    ['Our data processing agreement'],
    ['Security'],
    ['Read the DPA'],
    ['Acme pricing'],
  ])('%s names no vendor', (text) => {
    expect(vendorOfDocumentLink(text)).toBeNull();
  });
});

describe('link lists', () => {
  const html = `<!doctype html><main><h1>Subprocessors</h1><ul>
    <li><a href="https://aws.amazon.com/service-terms/">Amazon Web Services data processing agreement</a></li>
    <li><a href="https://aws.amazon.com/compliance/">Amazon Web Services compliance information</a></li>
    <li><a href="https://slack.com/trust/compliance">Slack compliance information</a></li>
  </ul><ul><li><a href="/legal/dpa">Our data processing agreement</a></li><li><a href="https://www.example.org/privacy">Privacy policy</a></li></ul></main>`;

  it('groups the links of one vendor and reports a medium confidence', () => {
    const result = parse(html, { today: TODAY });
    expect(result.ok && [result.reader, result.confidence]).toEqual(['links', 'medium']);
    const list = parseOk(html);
    expect(names(list)).toEqual(['Amazon Web Services', 'Slack']);
    expect(list.vendors.map((v) => v.website)).toEqual(['https://amazon.com', 'https://slack.com']);
  });

  it('is not read when a table or labelled sections name the vendors', () => {
    const withTable = html.replace(
      '<h1>Subprocessors</h1>',
      '<table><tr><th>Vendor</th><th>Location</th></tr><tr><td>Fastly</td><td>US</td></tr></table>',
    );
    const result = parse(withTable, { today: TODAY });
    expect(result.ok && [result.reader, names(result.list)]).toEqual(['table', ['Fastly']]);
  });
});

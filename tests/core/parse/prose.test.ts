// Lists written as prose: bold vendor names in sentences, one section per purpose.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { byName, names, parseOk } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

const md = [
  '# Who processes your data',
  '',
  'We **never** sell personal data.',
  '',
  '## Hosting',
  '',
  'Our platform runs on **Acme Cloud** (AC) in **Germany**. See [Acme Cloud Terms](https://legal.acmecloud.example/terms).',
  '',
  '## Payments',
  '',
  'Payments are handled by **Paddle.com Market Limited**. **Important:** card data never reaches us.',
  '',
  '## Email',
  '',
  'Account emails go through **Acme Cloud** too, and newsletters through **Brevo**.',
].join('\n');

describe('prose', () => {
  it('reads bold names in sentences with a low confidence', () => {
    const result = parse(md, { today: TODAY });
    expect(result.ok && [result.reader, result.confidence]).toEqual(['prose', 'low']);
    expect(names(parseOk(md))).toEqual(['Acme Cloud', 'Paddle.com Market Limited', 'Brevo']);
  });

  it('gives each vendor the purposes of its sections and the site of its "See … Terms" link', () => {
    const vendor = byName(parseOk(md), 'Acme Cloud');
    expect(vendor.use).toEqual(['Hosting', 'Email']);
    expect(vendor.website).toBe('https://acmecloud.example');
  });

  it('finds nothing in a page of emphasis only', () => {
    const result = parse('# Privacy\n\nWe **never** sell data. **Note:** **all** data is **encrypted**.', {
      today: TODAY,
    });
    expect(result.ok ? names(result.list) : result.error.code).toBe('no-vendors');
  });

  it('leaves out "our"/"your" products', () => {
    const html =
      '<!doctype html><main><h2>Analytics</h2><p>We measure usage with <strong>Mixpanel</strong>. Results appear in your <strong>Insights Dashboard</strong>.</p></main>';
    expect(names(parseOk(html))).toEqual(['Mixpanel']);
  });
});

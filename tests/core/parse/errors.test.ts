// Bad input gets a typed error with a clear message: never a throw, never an empty success.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, parse } from '../../../src/core/parse';
import { PARSE_ERROR_CODES } from '../../../src/core/result';
import { ERROR_FIXTURES, readFixture } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

const EXPECTED: Record<string, { code: string; message: RegExp }> = {
  'errors/empty.txt': { code: 'empty', message: /^The input is empty\.$/ },
  'errors/whitespace.txt': { code: 'empty', message: /^The input is empty\.$/ },
  'errors/garbage.txt': {
    code: 'no-vendors',
    message: /^No vendors found in this markdown: expected a table/,
  },
  'errors/error-page.html': { code: 'no-vendors', message: /^No vendors found in this page/ },
  'errors/invalid.json': { code: 'invalid-json', message: /^Not valid JSON: .+\(line 6, column 1\)$/ },
  'errors/v1-bad-field.json': {
    code: 'invalid-document',
    message: /^Not a valid subprocessor-list\/v1 document: vendors\.0\.dpa\.status: .*"maybe"/,
  },
  'errors/trust-centre-shell.html': {
    code: 'rendered-in-browser',
    message:
      /^SafeBase builds this page in the browser with script, so the list is not in what a plain fetch receives\. Open the page in your browser and follow it from the Subprocessor Lens popup\.$/,
  },
  'errors/notion-shell.html': {
    code: 'rendered-in-browser',
    message: /^Notion builds this page in the browser/,
  },
  'errors/subprocessors.pdf': {
    code: 'pdf',
    message: /^This is a PDF document, which Subprocessor Lens cannot read/,
  },
  'errors/v1-unknown-version.json': {
    code: 'unsupported',
    message: /^Unknown list format "subprocessor-list\/v2"; this version reads subprocessor-list\/v1\.$/,
  },
};

describe('error fixtures', () => {
  it('covers every file in tests/fixtures/lists/errors', () => {
    expect(ERROR_FIXTURES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, { code, message }) => {
    const result = parse(readFixture(name), { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(PARSE_ERROR_CODES).toContain(result.error.code);
    expect(result.error.message).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('other bad input', () => {
  it('refuses an oversized input before reading it', () => {
    const text = `# Vendors\n${'x'.repeat(MAX_INPUT_CHARS)}`;
    const started = performance.now();
    const result = parse(text, { today: TODAY });
    expect(result).toEqual({
      ok: false,
      error: { code: 'too-large', message: 'The input is 5.0 million characters; the limit is 5 million.' },
    });
    expect(performance.now() - started).toBeLessThan(1000); // refused up front, not parsed
  });

  it.each([
    ['an empty JSON array', '[]', 'no-vendors'],
    ['an array of nameless objects', '[{"purpose": "x"}, {}]', 'no-vendors'],
    // Only text starting with [ or { is taken for JSON; the rest is read as markdown.
    ['a bare JSON string', '"Stripe"', 'no-vendors'],
    ['JSON null', 'null', 'no-vendors'],
    ['an object without a list', '{"title": "Vendors"}', 'unsupported'],
    [
      'a v1 document without vendors array',
      '{"format": "subprocessor-list/v1", "source": {}}',
      'invalid-document',
    ],
    [
      'a v1 document with no vendors',
      '{"format":"subprocessor-list/v1","source":{"title":"t","url":null,"updated":null},"vendors":[]}',
      'no-vendors',
    ],
    ['a format that is not a string', '{"format": 2, "vendors": []}', 'unsupported'],
  ])('%s -> %s', (_label, text, code) => {
    const result = parse(text, { today: TODAY });
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('answers a non-string input with an error instead of throwing', () => {
    const result = parse(42 as unknown as string);
    expect(result).toEqual({ ok: false, error: { code: 'unsupported', message: 'The input is not text.' } });
  });

  it('says what is wrong with a v1 vendor, with its path, for each bad field', () => {
    const doc = JSON.parse(readFixture('v1.json'));
    doc.vendors[1].website = 'javascript:alert(1)';
    doc.vendors[2].location.country = 'usa';
    const result = parse(JSON.stringify(doc), { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('vendors.1.website: expected an http(s) URL');
    expect(result.error.message).toContain('vendors.2.location.country: expected an ISO 3166-1 alpha-2 code');
  });
});

describe('what it cannot read says so', () => {
  const code = (text: string, options = {}) => {
    const result = parse(text, { today: TODAY, ...options });
    return result.ok ? 'ok' : result.error.code;
  };
  const spa = (body: string) =>
    `<!doctype html><html><head><title>Trust</title><script src="/static/js/main.js"></script></head><body>${body}</body></html>`;

  it('a single-page app shell without a platform’s marker', () => {
    const result = parse(spa('<div id="__next"></div>'), { today: TODAY });
    expect(result.ok ? 'ok' : result.error.message).toMatch(/^This page is built in the browser with script/);
    // Its address can name the platform.
    expect(code(spa('<div id="app"></div>'), { url: 'https://trust.vanta.com/larkspur' })).toBe(
      'rendered-in-browser',
    );
    const named = parse(spa('<div></div>'), { today: TODAY, url: 'https://app.drata.com/trust/x' });
    expect(named.ok ? '' : named.error.message).toMatch(/^Drata builds this page/);
  });

  it.each([
    ['SafeBase', 'https://cdn.safebase.io/static/js/main.js'],
    ['Vanta', 'https://cdn.vanta.com/trust/app.js'],
    ['Drata', 'https://trust.drata.com/assets/index.js'],
    ['Whistic', 'https://profiles.whistic.com/app.js'],
    ['Conveyor', 'https://assets.conveyor.com/trust-center/app.js'],
    ['Notion', 'https://www.notion.so/_assets/app.js'],
  ])('names %s by its bundle’s host', (platform, src) => {
    const shell = `<!doctype html><html><head><script defer src="${src}"></script></head><body><div></div></body></html>`;
    const result = parse(shell, { today: TODAY });
    expect(result.ok ? '' : result.error.message).toMatch(
      new RegExp(`^${platform} builds this page in the browser`),
    );
  });

  it('not an error page with text, nor a page without scripts, nor a list with scripts', () => {
    const text = 'We could not find the page you were looking for. '.repeat(12);
    expect(code(spa(`<div id="root"><h1>Not found</h1><p>${text}</p></div>`))).toBe('no-vendors');
    expect(code('<!doctype html><div id="root"></div>')).toBe('no-vendors');
    const list = spa(
      '<div id="root"><table><tr><th>Vendor</th><th>Purpose</th></tr><tr><td>Stripe</td><td>Payments</td></tr></table></div>',
    );
    expect(code(list)).toBe('ok');
  });

  it('a PDF by its magic number or its content type', () => {
    expect(code('%PDF-1.4\n...')).toBe('pdf');
    expect(code('  %PDF-1.7 binary')).toBe('pdf');
    expect(code('garbled bytes', { contentType: 'application/pdf' })).toBe('pdf');
    expect(code('garbled bytes', { fileName: 'Subprocessors (2025).PDF' })).toBe('pdf');
    expect(code('## Stripe\n- **Use:** Payments\n- **Location:** US\nsee the %PDF- of it')).toBe('ok');
  });
});

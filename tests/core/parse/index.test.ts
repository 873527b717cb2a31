// parse(): format detection and the options that shape the source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { detectFormat } from '../../../src/core/parse/detect-format';
import { parseOk, readFixture, SEED_PATH } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('detectFormat', () => {
  it.each([
    ['[{"name": "x"}]', null, 'json'],
    ['  \n{"format": "x"}', null, 'json'],
    ['| a | b |', 'application/json; charset=utf-8', 'json'],
    ['<!DOCTYPE html><html>', null, 'html'],
    ['<table><tr><td>x</td></tr></table>', null, 'html'],
    ['# Title', 'text/html', 'html'],
    ['# Title\n\n<div>inline html</div>', null, 'markdown'],
    ['Plain text', null, 'markdown'],
  ])('%j (%s) -> %s', (text, contentType, format) => {
    expect(detectFormat(text, { contentType })).toBe(format);
  });
});

describe('parse options', () => {
  it('titles an untitled list by its URL host, else "Untitled list"', () => {
    const md = '## Stripe\n[stripe.com](https://stripe.com)\n- **Use:** Payments';
    expect(parseOk(md, { url: 'https://www.acme.example/vendors' }).source.title).toBe('acme.example');
    expect(parseOk(md).source.title).toBe('Untitled list');
  });

  it('drops a url option that is not http(s)', () => {
    const md = '## Stripe\n[stripe.com](https://stripe.com)\n- **Use:** Payments';
    expect(parseOk(md, { url: 'javascript:alert(1)' }).source.url).toBeNull();
  });

  it('reads HTML served as text/html even without a doctype', () => {
    const result = parse(readFixture('html-table.html').replace('<!doctype html>', ''), {
      contentType: 'text/html',
      today: TODAY,
    });
    expect(result.ok && result.format).toBe('html');
    expect(result.ok && result.list.vendors).toHaveLength(5);
  });

  it('uses the clock when no today is given (the 2018 seed is stale by any clock now)', () => {
    const result = parse(readFileSync(SEED_PATH, 'utf8'));
    expect(result.ok && result.list.vendors.every((v) => v.flags.some((f) => f.id === 'stale-list'))).toBe(
      true,
    );
  });

  it('reads markdown that starts with "[" as markdown when it is not JSON', () => {
    const md =
      '[Acme](https://acme.example) subprocessors\n\n## Stripe\n[stripe.com](https://stripe.com)\n- **Use:** Payments';
    const result = parse(md, { today: TODAY });
    expect(result.ok && result.format).toBe('markdown');
    expect(result.ok && result.list.vendors.map((v) => v.name)).toEqual(['Stripe']);
  });

  it('reports the JSON error when the text is neither JSON nor a list, or was served as JSON', () => {
    const md = '[Stripe](https://stripe.com)\n\n- **Use:** Payments';
    expect(parse('[1, 2,\n', { today: TODAY })).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
    const served = parse(`${md}\n## Stripe\n[stripe.com](https://stripe.com)\n- **Use:** x`, {
      contentType: 'application/json',
      today: TODAY,
    });
    expect(served).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
  });

  it('words a JSON error on one line, however the input breaks lines', () => {
    const result = parse('{\n\n=\n\n', { today: TODAY });
    expect(result.ok ? '' : result.error.message).toMatch(/^Not valid JSON: [^\n]+\(line 3, column 1\)$/);
  });
});

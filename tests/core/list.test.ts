// The v1 document schema: a good document passes, a bad one names the path that failed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateList } from '../../src/core/list';
import { parseOk, readFixture, SEED_PATH } from '../support/fixture-lists';

const good = () => JSON.parse(readFixture('v1.json'));

describe('validateList', () => {
  it('accepts a good document and the parsed seed', () => {
    expect(validateList(good()).ok).toBe(true);
    expect(validateList(parseOk(readFileSync(SEED_PATH, 'utf8')))).toMatchObject({ ok: true });
  });

  it('keeps unknown top-level keys and drops unknown vendor keys', () => {
    const checked = validateList(good());
    expect(checked.ok && (checked.list as Record<string, unknown>).exportedBy).toBe(
      'subprocessor-lens 0.1.0',
    );
    expect(checked.ok && Object.keys(checked.list.vendors[0] ?? {})).not.toContain('internalNote');
  });

  it.each<[string, (doc: ReturnType<typeof good>) => void, string]>([
    [
      'wrong format',
      (d) => {
        d.format = 'subprocessor-list/v2';
      },
      'format: Invalid type',
    ],
    [
      'missing source',
      (d) => {
        delete d.source;
      },
      'source: Invalid key',
    ],
    [
      'bad updated date',
      (d) => {
        d.source.updated = '30/06/2025';
      },
      'source.updated: expected a YYYY-MM-DD date',
    ],
    [
      'vendors not an array',
      (d) => {
        d.vendors = {};
      },
      'vendors: Invalid type',
    ],
    [
      'empty name',
      (d) => {
        d.vendors[0].name = '';
      },
      'vendors.0.name: a vendor needs a name',
    ],
    [
      'javascript: website',
      (d) => {
        d.vendors[1].website = 'javascript:alert(1)';
      },
      'vendors.1.website: expected an http(s) URL',
    ],
    [
      'data: website',
      (d) => {
        d.vendors[1].website = 'data:text/html,x';
      },
      'vendors.1.website: expected an http(s) URL',
    ],
    [
      'lower-case country',
      (d) => {
        d.vendors[0].location.country = 'de';
      },
      'vendors.0.location.country: expected an ISO 3166-1 alpha-2 code',
    ],
    [
      'unknown certification id',
      (d) => {
        d.vendors[0].certifications[0].id = 'iso9001';
      },
      'vendors.0.certifications.0.id: Invalid type',
    ],
    [
      'unknown DPA status',
      (d) => {
        d.vendors[0].dpa.status = 'maybe';
      },
      'vendors.0.dpa.status: Invalid type',
    ],
    [
      'bad DPA date',
      (d) => {
        d.vendors[1].dpa.date = '12 February 2024';
      },
      'vendors.1.dpa.date: expected a YYYY-MM-DD date',
    ],
    [
      'unknown severity',
      (d) => {
        d.vendors[1].flags[0].severity = 'fatal';
      },
      'vendors.1.flags.0.severity: Invalid type',
    ],
    [
      'domains not strings',
      (d) => {
        d.vendors[0].domains = [1];
      },
      'vendors.0.domains.0: Invalid type',
    ],
  ])('rejects %s with its path', (_label, breakIt, issue) => {
    const doc = good();
    breakIt(doc);
    const checked = validateList(doc);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.issues.join('\n')).toContain(issue);
  });

  it('rejects what is not a document at all', () => {
    for (const value of [null, 'text', 42, [], {}]) expect(validateList(value).ok).toBe(false);
  });

  it('reports at most ten issues', () => {
    const doc = good();
    doc.vendors = Array.from({ length: 30 }, () => ({ name: '' }));
    const checked = validateList(doc);
    expect(checked.ok ? 0 : checked.issues.length).toBe(10);
  });
});

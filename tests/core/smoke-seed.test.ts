import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/core/index';

describe('seed', () => {
  it('parses the bundled Dovetail list to seven vendors', () => {
    const r = parse(readFileSync('assets/data/dovetail-subprocessors.md', 'utf8'), { today: '2026-11-27' });
    expect(r.ok && r.list.vendors.map((v) => v.name)).toEqual([
      'Amazon Web Services',
      'ChartMogul',
      'Google Cloud',
      'Heroku',
      'Mixpanel',
      'SendGrid',
      'Stripe',
    ]);
  });
});

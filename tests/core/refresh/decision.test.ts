import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubprocessorList } from '../../../src/core/list';
import { MAX_INPUT_CHARS, parse } from '../../../src/core/parse';
import { judgeRefresh } from '../../../src/core/refresh/decision';
import { diffLists } from '../../../src/core/register/diff';
import type { ParseResult } from '../../../src/core/result';
import { evolvedPairArb, FC_SEED, listArb } from '../../support/list-arbitraries';
import { TODAY } from '../../support/test-date';

const read = (text: string): ParseResult =>
  parse(text, {
    today: TODAY,
    title: 'Dovetail',
    url: 'https://dovetailapp.com/legal/data-subprocessors',
  });
const ok = (list: SubprocessorList): ParseResult => ({
  ok: true,
  list,
  format: 'v1-json',
  reader: 'json',
  confidence: 'high',
  warnings: [],
});

const seedResult = read(readFileSync('assets/data/dovetail-subprocessors.md', 'utf8'));
if (!seedResult.ok) throw new Error('the seed must parse');
const seed = seedResult.list;
const keepFirst = (n: number): SubprocessorList => ({ ...seed, vendors: seed.vendors.slice(0, n) });

describe('judgeRefresh', () => {
  it('applies the first list', () => {
    expect(judgeRefresh(null, seedResult)).toMatchObject({
      action: 'apply',
      reason: 'first',
      diff: null,
      message: 'First version of this list: 7 vendors.',
    });
  });

  it('applies a changed list, with its diff and the news', () => {
    const refreshed = read(readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8'));
    const decision = judgeRefresh(seed, refreshed);
    expect(decision.action).toBe('apply');
    expect(decision.action === 'apply' && decision.diff?.added.map((v) => v.name)).toEqual(['Rev.ai']);
    expect(decision.message).toBe(
      'Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku; changed 1: Stripe.',
    );
  });

  it('applies an unchanged list as unchanged', () => {
    expect(judgeRefresh(seed, seedResult)).toMatchObject({ action: 'apply', reason: 'unchanged' });
  });

  it('holds a list that lost most vendors (5 of 7, then 4 of 7) and applies one that lost 3 of 7', () => {
    expect(judgeRefresh(seed, ok(keepFirst(2)))).toMatchObject({
      action: 'hold',
      reason: 'lost-most-vendors',
      before: 7,
      removed: 5,
      message:
        'The new version no longer lists 5 of the 7 stored vendors (it has 2 vendors). It waits for your confirmation; until then the stored list stays in use.',
    });
    expect(judgeRefresh(seed, ok(keepFirst(3))).action).toBe('hold');
    expect(judgeRefresh(seed, ok(keepFirst(4))).action).toBe('apply');
  });

  it('does not hold a small list that loses a couple of vendors', () => {
    const two = keepFirst(2);
    const other = { ...seed, vendors: seed.vendors.slice(6) };
    expect(judgeRefresh(two, ok(other))).toMatchObject({ action: 'apply', reason: 'changed' });
  });

  it('holds a list whose vendors were all replaced, though its size is the same', () => {
    const replaced = {
      ...seed,
      vendors: seed.vendors.map((v, i) => ({ ...v, name: `Nav link ${i}`, website: null, domains: [] })),
    };
    expect(judgeRefresh(seed, ok(replaced))).toMatchObject({ action: 'hold', removed: 7, before: 7 });
  });

  it('honours custom thresholds', () => {
    expect(judgeRefresh(seed, ok(keepFirst(4)), { maxRemovedShare: 0.25, minRemoved: 2 }).action).toBe(
      'hold',
    );
  });

  it('rejects an error page answered with 200, an empty body, garbage and an oversized body', () => {
    const cases: Array<[string, string]> = [
      [
        '<!doctype html><html><body><h1>Service unavailable</h1><p>Try again later.</p></body></html>',
        'no-vendors',
      ],
      ['   ', 'no-vendors'],
      ['{"vendors": [1, 2', 'unreadable'],
      ['x'.repeat(MAX_INPUT_CHARS + 1), 'too-large'],
      [
        '<!doctype html><head><script src="/app.js"></script></head><body><div id="root"></div></body>',
        'rendered-in-browser',
      ],
      ['%PDF-1.7\n', 'pdf'],
    ];
    for (const [body, reason] of cases) {
      const decision = judgeRefresh(seed, read(body));
      expect(decision).toMatchObject({ action: 'reject', reason });
      expect(decision.message).toMatch(/The last good list is kept\.$/);
    }
  });

  it('rejects a document with no vendors', () => {
    expect(judgeRefresh(seed, ok({ ...seed, vendors: [] }))).toMatchObject({
      action: 'reject',
      reason: 'no-vendors',
    });
  });
});

describe('a list read with less than high confidence', () => {
  const cued = (list: SubprocessorList, confidence: 'medium' | 'low'): ParseResult => ({
    ok: true,
    list,
    format: 'html',
    reader: 'prose',
    confidence,
    warnings: [],
  });

  it('is held as a preview when it is the first list or changes the stored one', () => {
    const first = judgeRefresh(null, cued(seed, 'low'));
    expect(first).toMatchObject({ action: 'hold', reason: 'preview', reader: 'prose', confidence: 'low' });
    expect(first.action === 'hold' && [first.before, first.removed, first.diff.added.length]).toEqual([
      0, 0, 7,
    ]);
    expect(first.message).toBe(
      'Read by prose with low confidence: 7 vendors. It waits for your confirmation before it replaces the list.',
    );
    const changed = judgeRefresh(keepFirst(6), cued(seed, 'medium'));
    expect(changed).toMatchObject({ action: 'hold', reason: 'preview', before: 6, removed: 0 });
  });

  it('is applied when it is what the user already kept', () => {
    expect(judgeRefresh(seed, cued(seed, 'low'))).toMatchObject({ action: 'apply', reason: 'unchanged' });
  });

  it('a high-confidence result is never a preview', () => {
    expect(judgeRefresh(null, ok(seed))).toMatchObject({ action: 'apply', reason: 'first' });
  });
});

describe('judgeRefresh properties', () => {
  const RUNS = { seed: FC_SEED, numRuns: 200 };

  it('holds exactly when at least 3 and more than half of the stored vendors are gone', () => {
    fc.assert(
      fc.property(fc.oneof(evolvedPairArb, fc.tuple(listArb, listArb)), ([stored, next]) => {
        const decision = judgeRefresh(stored, ok(next));
        const removed = diffLists(stored, next).removed.length;
        const held = removed >= 3 && removed > stored.vendors.length / 2;
        expect(decision.action).toBe(next.vendors.length === 0 ? 'reject' : held ? 'hold' : 'apply');
      }),
      RUNS,
    );
  });

  it('never holds a list that only grows', () => {
    fc.assert(
      fc.property(listArb, listArb, (stored, extra) => {
        const grown = { ...stored, vendors: [...stored.vendors, ...extra.vendors] };
        if (grown.vendors.length === 0) return;
        expect(judgeRefresh(stored, ok(grown)).action).toBe('apply');
      }),
      RUNS,
    );
  });
});

// Recall and precision of vendor names through parse() on whole pages in the shapes lists are
// published in (tests/fixtures/lists/real-shapes: each page with its expected vendors beside it).
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { REAL_SHAPES, readFixture } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

interface Expected {
  url: string;
  reader: string;
  vendors: string[];
}

function expectedOf(file: string): Expected {
  return JSON.parse(readFixture(file.replace(/\.(md|html)$/, '.expected.json')));
}

function measure(file: string) {
  const expected = expectedOf(file);
  const result = parse(readFixture(file), { url: expected.url, today: TODAY });
  const got = result.ok ? result.list.vendors.map((v) => v.name) : [];
  const hits = got.filter((name) => expected.vendors.includes(name)).length;
  return {
    file,
    reader: result.ok ? `${result.reader}/${result.confidence}` : result.error.code,
    expectedReader: expected.reader,
    recall: hits / expected.vendors.length,
    precision: got.length ? hits / got.length : 0,
    missing: expected.vendors.filter((name) => !got.includes(name)),
    extra: got.filter((name) => !expected.vendors.includes(name)),
  };
}

describe('real shapes of published lists', () => {
  const rows = REAL_SHAPES.map(measure);

  it('has a corpus of at least 12 whole pages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  it('reads vendor names with macro recall and precision of at least 95 %', () => {
    const pct = (x: number) => `${(x * 100).toFixed(0)} %`.padStart(6);
    const table = rows.map(
      (r) =>
        `${r.file.replace('real-shapes/', '').padEnd(32)} ${r.reader.padEnd(16)} recall ${pct(r.recall)}  precision ${pct(r.precision)}`,
    );
    const recall = rows.reduce((s, r) => s + r.recall, 0) / rows.length;
    const precision = rows.reduce((s, r) => s + r.precision, 0) / rows.length;
    console.log(
      [...table, `${'macro'.padEnd(49)} recall ${pct(recall)}  precision ${pct(precision)}`].join('\n'),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(REAL_SHAPES)('%s: names the reader of its shape', (file) => {
    const row = rows.find((r) => r.file === file);
    expect(row?.reader.split('/')[0]).toBe(row?.expectedReader);
  });

  it('says how sure it is: high for stated shapes, lower for link lists and prose', () => {
    const confidence = Object.fromEntries(rows.map((r) => [r.expectedReader, r.reader.split('/')[1]]));
    expect(confidence).toMatchObject({
      table: 'high',
      sections: 'high',
      bullets: 'high',
      links: 'medium',
      prose: 'low',
    });
  });
});

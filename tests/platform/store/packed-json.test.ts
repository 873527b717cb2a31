// Packing the read views' parts: packEach packs a few values at a time and gives the texts in the
// order of the values, each the text packJson makes, whatever the width.
import { describe, expect, it } from 'vitest';
import { packEach, packJson, unpackJson } from '../../../src/platform/store/packed-json';

const values = Array.from({ length: 23 }, (_, i) => ({ part: i, text: 'x'.repeat((i * 37) % 400) }));

describe('packEach', () => {
  for (const width of [1, 4, 100]) {
    it(`packs every value in order, ${width} at a time`, async () => {
      const texts = await packEach(
        values.map((value) => () => value),
        width,
      );
      expect(texts).toHaveLength(values.length);
      expect(await Promise.all(texts.map(unpackJson))).toEqual(values);
      expect(await unpackJson(await packJson(values[7]))).toEqual(await unpackJson(texts[7]));
    });
  }

  it('makes each value once, and packs nothing for no values', async () => {
    const made: number[] = [];
    await packEach(
      values.map((value, i) => () => {
        made.push(i);
        return value;
      }),
      3,
    );
    expect(made.sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
    expect(await packEach([], 4)).toEqual([]);
  });
});

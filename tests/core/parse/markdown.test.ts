// Markdown before marked sees it: pasted table rows, and nesting/emphasis bounded for speed.
import { describe, expect, it } from 'vitest';
import {
  boundLine,
  boundNesting,
  calmEmphasis,
  readMarkdown,
  tidyTableRows,
} from '../../../src/core/parse/markdown';

describe('tidyTableRows', () => {
  it('turns tabs in a row into spaces and un-indents a row that starts with a pipe', () => {
    expect(tidyTableRows('|\tName\t|\tUse\t|\n\t\t|\tStripe\t|\tPayments\t|')).toBe(
      '| Name | Use |\n| Stripe | Payments |',
    );
    expect(tidyTableRows('      | a | b |')).toBe('| a | b |');
  });

  it('leaves lines without a pipe alone, and keeps the indentation of a pipe-less-start row', () => {
    expect(tidyTableRows('\tcode line\n    - item')).toBe('\tcode line\n    - item');
    expect(tidyTableRows('  Name\t| Use')).toBe('  Name | Use');
  });
});

describe('boundLine', () => {
  it('leaves ordinary lines as they are', () => {
    for (const line of [
      '- **Location:** Berlin',
      '  - nested item',
      '> quote',
      '1. first',
      '| a | b |',
      '',
    ]) {
      expect(boundLine(line)).toBe(line);
    }
  });

  it('caps indentation at 16 columns, counting tabs to the next multiple of four', () => {
    expect(boundLine(`${' '.repeat(40)}- deep`)).toBe(`${' '.repeat(16)}- deep`);
    expect(boundLine('\t\t\t\t\t- deep')).toBe(`${' '.repeat(16)}- deep`);
  });

  it('keeps at most eight container markers and all of the text', () => {
    expect(boundLine(`${'> '.repeat(20)}text`)).toBe(`${'> '.repeat(8)}text`);
    expect(boundLine(`${'- '.repeat(12)}item`)).toBe(`${'- '.repeat(8)}item`);
    expect(boundLine(`${'1. '.repeat(10)}x`)).toBe(`${'1. '.repeat(8)}x`);
  });

  it('does not take "-x", "1.5" or "2024." without a space for markers', () => {
    expect(boundLine('-x -y')).toBe('-x -y');
    expect(boundLine('1.5 million')).toBe('1.5 million');
  });
});

describe('calmEmphasis', () => {
  it('leaves a line with a normal amount of emphasis alone', () => {
    const line = '| **Stripe** | _Payments_ | **Yes** |';
    expect(calmEmphasis(line)).toBe(line);
  });

  it('escapes every * and _ on a line with more than 64 of them', () => {
    const line = '_a_'.repeat(40);
    expect(calmEmphasis(line)).toBe('\\_a\\_'.repeat(40));
    expect(calmEmphasis(`\\*${'*'.repeat(70)}`)).toBe(`\\*${'\\*'.repeat(70)}`);
  });

  it('keeps the text: an escaped line renders to the same characters', () => {
    const read = readMarkdown(`${'_a_ '.repeat(40)}\n`);
    expect(read.raws).toEqual([]);
    expect(boundNesting('_a_ '.repeat(40)).replace(/\\/g, '')).toBe('_a_ '.repeat(40));
  });
});

describe('readMarkdown', () => {
  it('takes title and date from front matter (date, updated, lastmod or last_updated)', () => {
    for (const key of ['date', 'updated', 'lastmod', 'last_updated']) {
      const read = readMarkdown(`---\ntitle: "Vendors"\n${key}: 2024-05-06\n---\n# Other title\n`);
      expect(read.title).toBe('Vendors');
      expect(read.updated).toBe('2024-05-06');
    }
  });

  it('falls back to the first heading and a "Last updated" line', () => {
    const read = readMarkdown('# Acme vendors\n\n_Last updated 4 July 2023_\n');
    expect(read.title).toBe('Acme vendors');
    expect(read.updated).toBe('2023-07-04');
  });
});

// What parse() costs on each reader's shape, repeated to 1 MB and 4 MB: the ratio between the two
// says whether the reader stays linear (about 4 ×), and the HTML tree alone (htmlparser2) is the floor.

import { parseHtml } from '../src/core/parse/dom';
import { parse } from '../src/core/parse/index';
import { medianMs } from './stats';
import { mb, ms, type Row, times } from './table';

const SHAPES: [string, string, string, string][] = [
  ['bullets', '<!doctype html><ul>', '<li><strong>Acme Ltd</strong> – Hosting – Germany</li>\n', '</ul>'],
  [
    'links',
    '<!doctype html><ul>',
    '<li><a href="https://acme.com/dpa">Acme data processing agreement</a></li>\n',
    '</ul>',
  ],
  [
    'prose',
    '<!doctype html><h2>Hosting</h2>',
    '<p>We use <strong>Acme Cloud</strong>. See <a href="https://a.com/t">Acme Cloud Terms</a></p>\n',
    '',
  ],
  ['sections (dl)', '<!doctype html><dl>', '<dt>Acme Inc.<dd>Zweck: Hosting<br>Sitz: Berlin\n', '</dl>'],
];

const fill = (head: string, unit: string, tail: string, size: number) =>
  head + unit.repeat(Math.floor(size / unit.length)) + tail;

export function readerFigures(log: (line: string) => void): Row[] {
  return SHAPES.map(([shape, head, unit, tail]) => {
    log(`parse: ${shape}`);
    const small = fill(head, unit, tail, 1_000_000);
    const large = fill(head, unit, tail, 4_000_000);
    const at1 = medianMs(3, () => parse(small, { today: '2026-12-03' }));
    const at4 = medianMs(3, () => parse(large, { today: '2026-12-03' }));
    const tree = medianMs(3, () => parseHtml(large));
    return {
      figure: `parse, ${shape} shape`,
      at: `${mb(large.length)} (1 MB: ${ms(at1)})`,
      ours: ms(at4),
      budget: '',
      baseline: `${ms(tree)} (HTML tree only)`,
      ratio: `${times(at4 / at1)} the 1 MB time`,
      within: '',
    };
  });
}

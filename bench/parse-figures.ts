// Parsing one vendor named in every row (issue 14, finding 2: the merge was quadratic). Each size is
// compared with the 0.5 MB figure scaled linearly in the same run: about 1x is linear work.

import { TODAY } from '../tests/support/test-date';
import type { Workload } from './load-workload';
import { medianMs } from './stats';
import { mb, ms, type Row, times } from './table';

const SIZES = [500_000, 1_000_000, 2_000_000, 4_990_000];

function repeatedRows(size: number): string {
  const parts = ['| Vendor | Certifications | Location |\n|---|---|---|\n'];
  for (let length = parts[0]?.length ?? 0, i = 0; length < size; i++) {
    const row = `| Stripe | SOC 2, Audit ${i} | Place ${i} |\n`;
    parts.push(row);
    length += row.length;
  }
  return parts.join('');
}

export function parseFigures(w: Workload, log: (line: string) => void): Row[] {
  log('parse of one vendor repeated with certification rows');
  const texts = SIZES.map(repeatedRows);
  w.parse(texts[0] ?? '', { today: TODAY }); // warm-up
  const measured = texts.map((text) => medianMs(text.length > 2_000_000 ? 3 : 5, () => w.parse(text)));
  const perChar = (measured[0] ?? 0) / (texts[0]?.length ?? 1);
  return texts.map((text, i) => {
    const linear = perChar * text.length;
    return {
      figure: 'parse: one vendor in every row (merge)',
      at: mb(text.length),
      ours: ms(measured[i] ?? 0),
      budget: '',
      baseline: i === 0 ? '' : `${ms(linear)} (0.5 MB, scaled linearly)`,
      ratio: i === 0 ? '' : times((measured[i] ?? 0) / linear),
      within: '',
    };
  });
}

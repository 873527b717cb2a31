// What reading a large register costs before anything can be matched or searched: JSON.parse of the
// stored text, a structured clone (what storage reads cost) and schema validation.
import type { Workload } from './load-workload';
import { medianMs } from './stats';
import { mb, ms, type Row, times } from './table';

export function dataFigures(w: Workload, log: (line: string) => void): Row[] {
  const size = 10_000;
  log(`data at ${size.toLocaleString('en-US')} vendors`);
  const list = w.registerList(size);
  const text = JSON.stringify(list);
  const at = `${size.toLocaleString('en-US')} vendors (${mb(text.length)})`;
  const parse = medianMs(9, () => JSON.parse(text));
  const clone = medianMs(9, () => structuredClone(list));
  const validate = medianMs(5, () => w.validateList(list));
  return [
    {
      figure: 'JSON.parse of the list',
      at,
      ours: ms(parse),
      budget: '',
      baseline: '',
      ratio: '',
      within: '',
    },
    {
      figure: 'structuredClone of the list (storage read)',
      at,
      ours: ms(clone),
      budget: '',
      baseline: `${ms(parse)} (JSON.parse)`,
      ratio: `${times(clone / parse)} the parse`,
      within: '',
    },
    {
      figure: 'schema validation (valibot)',
      at,
      ours: ms(validate),
      budget: '',
      baseline: '',
      ratio: '',
      within: '',
    },
  ];
}

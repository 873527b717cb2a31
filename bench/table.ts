// One row per figure, printed as a Markdown table (readable in a terminal, pastable into the README).

export interface Row {
  figure: string;
  /** Vendors or domains the figure was measured at. */
  at: string;
  ours: string;
  budget: string;
  baseline: string;
  /** How many times better than the baseline (or the figure's own ratio). */
  ratio: string;
  /** "yes", "no", or "" for figures without a budget. */
  within: string;
}

export const HEADERS: Row = {
  figure: 'Figure',
  at: 'Size',
  ours: 'Measured (median)',
  budget: 'Budget',
  baseline: 'Baseline, same run',
  ratio: 'vs baseline',
  within: 'In budget',
};

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${value.toFixed(3)} ms`;
}

export function us(valueMs: number): string {
  const value = valueMs * 1000;
  return value >= 10 ? `${value.toFixed(1)} µs` : `${value.toFixed(3)} µs`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function times(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  if (ratio >= 100) return `${Math.round(ratio).toLocaleString('en-US')}×`;
  return `${ratio.toFixed(1)}×`;
}

export const yesNo = (ok: boolean): string => (ok ? 'yes' : 'no');

export function formatTable(rows: readonly Row[]): string {
  const columns = Object.keys(HEADERS) as (keyof Row)[];
  const all = [HEADERS, ...rows];
  const width = columns.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => `| ${columns.map((c, i) => r[c].padEnd(width[i] as number)).join(' | ')} |`;
  const rule = `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

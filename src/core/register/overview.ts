// The register at a glance: the counts and the series behind the overview's charts, from the
// register's rows (register/rows.ts), its sources and the refresh history.
import { listIsStale } from '../assess';
import { DPA_STATUSES, type DpaStatus, type ListSource, SEVERITIES, type Severity } from '../list';
import { TRANSFER_BASES, type TransferBasis } from '../transfer-basis';
import type { HistoryEntry } from './history-schema';
import type { RegisterRow } from './rows';

export interface Bar {
  /** A country code, a transfer basis, a DPA status, a month (YYYY-MM)…; '' for "other" or none. */
  key: string;
  count: number;
}

export interface MonthChanges {
  month: string;
  added: number;
  removed: number;
  changed: number;
}

export interface RegisterOverview {
  vendors: number;
  sources: number;
  findings: Record<Severity, number>;
  notReviewed: number;
  staleLists: number;
  /** The most common countries, then one bar '' for the rest and for no country. */
  byCountry: Bar[];
  byTransfer: Bar[];
  dpa: Bar[];
  /** Vendors with at least one certification listed, and those with none. */
  certified: { with: number; without: number };
  /** The last `months` calendar months, oldest first, with empty months included. */
  changes: MonthChanges[];
}

export interface OverviewInput {
  rows: readonly RegisterRow[];
  sources: readonly Pick<ListSource, 'updated'>[];
  history: readonly HistoryEntry[];
  /** YYYY-MM-DD. */
  today: string;
  topCountries?: number;
  months?: number;
}

function count<K extends string>(
  keys: readonly K[],
  of: (row: RegisterRow) => K,
  rows: readonly RegisterRow[],
) {
  const counts = new Map<K, number>(keys.map((k) => [k, 0]));
  for (const row of rows) counts.set(of(row), (counts.get(of(row)) ?? 0) + 1);
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

function countries(rows: readonly RegisterRow[], top: number): Bar[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const code = row.vendor.location.country ?? '';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const known = [...counts]
    .filter(([code]) => code !== '')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const rest = known.slice(top).reduce((sum, [, n]) => sum + n, counts.get('') ?? 0);
  const bars = known.slice(0, top).map(([key, n]) => ({ key, count: n }));
  return rest ? [...bars, { key: '', count: rest }] : bars;
}

/** The calendar months ending with today's, oldest first ("2026-01" … "2026-12"). */
export function lastMonths(today: string, months: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (months - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

function changes(history: readonly HistoryEntry[], today: string, months: number): MonthChanges[] {
  const series = lastMonths(today, months).map((month) => ({ month, added: 0, removed: 0, changed: 0 }));
  const byMonth = new Map(series.map((m) => [m.month, m]));
  for (const entry of history) {
    const month = byMonth.get(entry.at.slice(0, 7));
    if (!month) continue;
    // The summary keeps the full counts even when the entry names only the first vendors.
    month.added += entry.summary.added.count;
    month.removed += entry.summary.removed.count;
    month.changed += entry.summary.changed.count;
  }
  return series;
}

export function registerOverview(input: OverviewInput): RegisterOverview {
  const { rows, sources, history, today } = input;
  const findings = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let notReviewed = 0;
  let certified = 0;
  for (const row of rows) {
    for (const flag of row.flags) if (flag.severity in findings) findings[flag.severity]++;
    if (row.status === 'not-reviewed') notReviewed++;
    if (row.vendor.certifications.length) certified++;
  }
  return {
    vendors: rows.length,
    sources: sources.length,
    findings,
    notReviewed,
    staleLists: sources.filter((s) => listIsStale(s, today)).length,
    byCountry: countries(rows, input.topCountries ?? 10),
    byTransfer: count<TransferBasis>(TRANSFER_BASES, (r) => r.transfer, rows),
    dpa: count<DpaStatus>(DPA_STATUSES, (r) => r.vendor.dpa.status, rows),
    certified: { with: certified, without: rows.length - certified },
    changes: changes(history, today, input.months ?? 12),
  };
}

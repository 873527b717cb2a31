// The register's table: one page of rows at a time (the DOM never holds thousands), headers that
// sort (aria-sort says how), and the vendor's name as the button that opens its details.
import type { VNode } from 'preact';
import { useRef } from 'preact/hooks';
import type { Vendor } from '../core/list';
import { windowOpen } from '../core/objection-window';
import type { RegisterRow, RegisterSort, SortColumn } from '../core/register/rows';
import type { TransferBasis } from '../core/transfer-basis';
import { SeverityLabel, severityOf } from '../ui/findings';
import { clip, formatDay } from '../ui/format';
import { type I18n, isolate, plural, useI18n } from '../ui/i18n';
import { ReviewStatusLabel } from '../ui/review-status';
import { DPA_KEY, regionName } from '../ui/vendor-facts';

export const PAGE_SIZE = 50;

export const TRANSFER_KEY: Record<TransferBasis, string> = {
  eea: 'transferEea',
  adequacy: 'transferAdequacy',
  dpf: 'transferDpf',
  safeguards: 'transferSafeguards',
  unknown: 'transferUnknown',
};

const COLUMN_KEY: Record<Exclude<SortColumn, 'order'>, string> = {
  vendor: 'registerColumnVendor',
  listedBy: 'registerColumnListedBy',
  location: 'registerColumnLocation',
  transfer: 'registerColumnTransfer',
  dpa: 'registerColumnDpa',
  certifications: 'registerColumnCertifications',
  findings: 'registerColumnFindings',
  added: 'registerColumnAdded',
  status: 'registerColumnStatus',
};

export const rowButtonId = (index: number) => `vendor-row-${index}`;

interface RegisterTableProps {
  rows: readonly RegisterRow[];
  sort: RegisterSort;
  onSort: (column: SortColumn) => void;
  onOpen: (row: RegisterRow) => void;
  sourceTitle: (id: string) => string;
  today: string;
}

function ListedByCell({ row, sourceTitle }: { row: RegisterRow; sourceTitle: (id: string) => string }) {
  const i18n = useI18n();
  const titles = row.sourceIds.map((id) => isolate(clip(sourceTitle(id), 60)));
  return (
    <>
      <span class="register__count">{plural(i18n, 'registerListedByCount', row.sourceIds.length)}</span>
      <span class="register__sub">{titles.join(', ')}</span>
    </>
  );
}

function locationText(vendor: Vendor, locale: string): { place: string; country: string } {
  const code = vendor.location.country;
  return { place: clip(vendor.location.text, 120), country: code ? regionName(code, locale) : '' };
}

function DpaCell({ vendor }: { vendor: Vendor }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t(DPA_KEY[vendor.dpa.status] ?? 'dpaUnknown')}
      {vendor.dpa.date && <span class="register__sub">{formatDay(vendor.dpa.date, locale)}</span>}
    </>
  );
}

function CertificationsCell({ vendor }: { vendor: Vendor }) {
  const { t } = useI18n();
  if (!vendor.certifications.length) return <span class="muted">{t('registerNone')}</span>;
  const shown = vendor.certifications.slice(0, 3).map((c) => clip(c.label || c.text, 40));
  const more = vendor.certifications.length - shown.length;
  return <>{more > 0 ? t('registerMore', [shown.join(', '), String(more)]) : shown.join(', ')}</>;
}

/** Each severity with its count, most serious first; the messages are on the vendor's card. */
function FindingsCell({ row }: { row: RegisterRow }) {
  const { t } = useI18n();
  if (!row.flags.length) return <span class="muted">{t('registerNone')}</span>;
  const counts = new Map<string, number>();
  for (const flag of row.flags) counts.set(severityOf(flag), (counts.get(severityOf(flag)) ?? 0) + 1);
  return (
    <ul class="register__findings">
      {[...counts].map(([severity, count]) => (
        <li key={severity}>
          <SeverityLabel severity={severity as 'risk'} /> <span class="register__times">×{count}</span>
        </li>
      ))}
    </ul>
  );
}

export function addedText(row: RegisterRow, today: string, i18n: I18n): string {
  const window = row.window;
  if (!window) return '';
  const added = formatDay(window.addedOn, i18n.locale);
  return windowOpen(window, today)
    ? i18n.t('registerWindowOpen', [added, formatDay(window.until, i18n.locale)])
    : i18n.t('registerAddedOn', added);
}

interface TableRowProps {
  row: RegisterRow;
  onOpen: (row: RegisterRow) => void;
  sourceTitle: (id: string) => string;
  today: string;
}

function TableRow({ row, onOpen, sourceTitle, today }: TableRowProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const where = locationText(row.vendor, locale);
  return (
    <tr class="register__row">
      <th scope="row" class="register__vendor">
        <button
          type="button"
          id={rowButtonId(row.index)}
          class="register__open"
          dir="auto"
          onClick={() => onOpen(row)}
        >
          {clip(row.vendor.name, 120)}
        </button>
      </th>
      <td>
        <ListedByCell row={row} sourceTitle={sourceTitle} />
      </td>
      <td>
        <span dir="auto">{where.place}</span>
        {where.country && <span class="register__sub">{where.country}</span>}
      </td>
      <td>{t(TRANSFER_KEY[row.transfer])}</td>
      <td>
        <DpaCell vendor={row.vendor} />
      </td>
      <td>
        <CertificationsCell vendor={row.vendor} />
      </td>
      <td>
        <FindingsCell row={row} />
      </td>
      <td>{addedText(row, today, i18n)}</td>
      <td>
        <ReviewStatusLabel status={row.status} />
      </td>
    </tr>
  );
}

/** Each row's element, kept while the row and what it is drawn with stand: a keystroke that keeps a
 * vendor on the page hands Preact the same element, which it does not draw again. Only the page's
 * rows are kept. */
function useRowViews(rows: readonly RegisterRow[], props: Omit<TableRowProps, 'row'>): VNode[] {
  const i18n = useI18n();
  const deps = [props.onOpen, props.sourceTitle, props.today, i18n];
  const kept = useRef<{ deps: unknown[]; views: Map<RegisterRow, VNode> } | null>(null);
  const stale = !kept.current || deps.some((d, i) => d !== kept.current?.deps[i]);
  const before = stale ? new Map<RegisterRow, VNode>() : (kept.current?.views as Map<RegisterRow, VNode>);
  const views = new Map<RegisterRow, VNode>();
  for (const row of rows)
    views.set(row, before.get(row) ?? <TableRow key={row.index} row={row} {...props} />);
  kept.current = { deps, views };
  return [...views.values()];
}

export function RegisterTable({ rows, sort, onSort, onOpen, sourceTitle, today }: RegisterTableProps) {
  const { t } = useI18n();
  const rowViews = useRowViews(rows, { onOpen, sourceTitle, today });
  const header = (column: Exclude<SortColumn, 'order'>) => {
    const active = sort.column === column;
    return (
      <th scope="col" aria-sort={active ? sort.direction : 'none'} class="register__th">
        <button type="button" class="register__sort" onClick={() => onSort(column)}>
          {t(COLUMN_KEY[column])}
          <span class="register__arrow" aria-hidden="true">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <table class="register__table" aria-labelledby="register-table-caption">
      <caption id="register-table-caption" class="visually-hidden">
        {t('registerTableCaption')}
      </caption>
      <thead>
        <tr>
          {header('vendor')}
          {header('listedBy')}
          {header('location')}
          {header('transfer')}
          {header('dpa')}
          {header('certifications')}
          {header('findings')}
          {header('added')}
          {header('status')}
        </tr>
      </thead>
      <tbody>{rowViews}</tbody>
    </table>
  );
}

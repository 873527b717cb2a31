// The register page: the overview, the search and filters, one page of the table, and a row's
// details with the team's review. Data arrives as props; the entry point (index.tsx) reads it from
// the platform. The view (filters, sort, page) is kept in the address by onViewChange.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SubprocessorList, Vendor } from '../core/list';
import { DEFAULT_OBJECTION_DAYS, objectionIndex } from '../core/objection-window';
import type { HistoryEntry } from '../core/register/history-schema';
import { mergesSeveralLists } from '../core/register/merge';
import { registerOverview } from '../core/register/overview';
import { emptyReview, type Review, type Reviews, reviewLookup } from '../core/register/review-state';
import {
  buildRows,
  filterChoices,
  type RegisterFilter,
  type RegisterRow,
  type SortColumn,
  sortOrder,
  visibleRows,
} from '../core/register/rows';
import { buildSearchIndex, type SearchIndex } from '../core/search/search';
import { useI18n } from '../ui/i18n';
import { RegisterFilters } from './register-filters';
import { Overview } from './register-overview';
import { addedText, PAGE_SIZE, RegisterTable, rowButtonId } from './register-table';
import { type RegisterView, searchOfView, viewFromSearch } from './url-state';
import { VendorDetails } from './vendor-details';

export interface RegisterSourceInfo {
  id: string;
  title: string;
  updated: string | null;
}

export interface RegisterAppProps {
  list: SubprocessorList;
  sources: readonly RegisterSourceInfo[];
  history: readonly HistoryEntry[];
  reviews: Reviews;
  /** Days to object per source id; others have the default. */
  objectionDays: Readonly<Record<string, number>>;
  /** YYYY-MM-DD. */
  today: string;
  /** The address's query string the view starts from. */
  initialSearch: string;
  onViewChange?: (search: string) => void;
  onSaveReview: (vendor: Vendor, review: Review) => Promise<unknown>;
  /** A sentence about stored data that could not be read as it is; null when all is well. */
  problem?: string | null;
  optionsHref: string;
  /** Set while only the register's first vendors are here (the rest is being read): its size. */
  loadingTotal?: number | null;
  /** Called after a page of rows is in the DOM, with the query it answers. */
  onRowsRender?: (query: string, rows: number) => void;
}

const DESCENDING_FIRST: readonly SortColumn[] = ['listedBy', 'findings', 'added', 'certifications'];

/** The search index, built on the first query (most openings never search). */
function useSearchIndex(list: SubprocessorList): () => SearchIndex {
  const cache = useRef<{ list: SubprocessorList; index: SearchIndex } | null>(null);
  return () => {
    if (cache.current?.list !== list) cache.current = { list, index: buildSearchIndex(list.vendors) };
    return cache.current.index;
  };
}

export function App(props: RegisterAppProps) {
  const { list, sources, history, reviews, objectionDays, today, onViewChange, onRowsRender } = props;
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [view, setView] = useState<RegisterView>(() => viewFromSearch(props.initialSearch));
  const [opened, setOpened] = useState<number | null>(null);
  const searchIndex = useSearchIndex(list);
  const loadingTotal = props.loadingTotal ?? null;

  const objections = useMemo(
    () => objectionIndex(history, (id) => objectionDays[id] ?? DEFAULT_OBJECTION_DAYS),
    [history, objectionDays],
  );
  const lookup = useMemo(() => reviewLookup(reviews), [reviews]);
  const rows = useMemo(() => buildRows(list, lookup, objections), [list, lookup, objections]);
  const order = useMemo(() => sortOrder(rows, view.sort, locale), [rows, view.sort, locale]);
  const matches = useMemo(
    () => (view.filter.query.trim() ? searchIndex().matching(view.filter.query) : null),
    [list, view.filter.query],
  );
  const shown = useMemo(
    () => visibleRows(rows, order, view.filter, matches, today),
    [rows, order, view.filter, matches, today],
  );
  const choices = useMemo(() => filterChoices(rows), [rows]);
  const overview = useMemo(
    () => registerOverview({ rows, sources, history, today }),
    [rows, sources, history, today],
  );
  // The same element while the overview's figures stand: a keystroke does not redraw the charts.
  const overviewView = useMemo(() => <Overview overview={overview} />, [overview]);
  const titles = useMemo(() => new Map(sources.map((s) => [s.id, s.title])), [sources]);
  // Kept across keystrokes, so that the table can keep the elements of rows that stay on the page.
  const sourceTitle = useMemo(() => (id: string) => titles.get(id) ?? id, [titles]);
  const openRow = useMemo(() => (row: RegisterRow) => setOpened(row.index), []);
  const severalLists = useMemo(() => mergesSeveralLists(list), [list]);

  const number = new Intl.NumberFormat(locale);
  const total = loadingTotal ?? shown.length;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(view.page, pages - 1);
  const pageRows = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  useEffect(() => onViewChange?.(searchOfView({ ...view, page })), [view, page]);
  useLayoutEffect(() => onRowsRender?.(view.filter.query, pageRows.length));
  // The search index is built once the whole register is here, just after it is shown, so that the
  // first keystroke does not wait for it.
  useEffect(() => {
    if (loadingTotal !== null) return;
    const timer = setTimeout(searchIndex, 50);
    return () => clearTimeout(timer);
  }, [list, loadingTotal]);

  const change = (next: Partial<RegisterView>) => setView((v) => ({ ...v, ...next }));
  const setFilter = (filter: RegisterFilter) => change({ filter, page: 0 });
  const sortBy = (column: SortColumn) =>
    setView((v) => {
      const direction =
        v.sort.column === column
          ? v.sort.direction === 'ascending'
            ? 'descending'
            : 'ascending'
          : DESCENDING_FIRST.includes(column)
            ? 'descending'
            : 'ascending';
      return { ...v, sort: { column, direction }, page: 0 };
    });

  const openedRow: RegisterRow | null = opened === null ? null : (rows[opened] ?? null);
  const close = () => {
    const index = opened;
    setOpened(null);
    if (index !== null) requestAnimationFrame(() => document.getElementById(rowButtonId(index))?.focus());
  };
  const first = shown.length ? page * PAGE_SIZE + 1 : 0;

  return (
    <main class="register__app">
      <header class="register__header">
        <h1 class="register__title">{t('registerHeading')}</h1>
        <p class="muted">{t('registerIntro')}</p>
        <p>
          <a href={props.optionsHref}>{t('registerOpenOptions')}</a>
        </p>
        {props.problem && (
          <p class="note note--warning" role="alert">
            {props.problem}
          </p>
        )}
      </header>
      {loadingTotal === null ? (
        overviewView
      ) : (
        <p class="note" role="status">
          {t('registerReading', number.format(loadingTotal))}
        </p>
      )}
      <section class="register__list" aria-labelledby="register-list-heading">
        <h2 id="register-list-heading" class="register__subheading">
          {t('registerListHeading')}
        </h2>
        <RegisterFilters
          filter={view.filter}
          onChange={setFilter}
          sources={sources}
          countries={choices.countries}
          findings={choices.findings}
        />
        <p class="register__shown" role="status" aria-live="polite">
          {t('registerShown', [
            number.format(first),
            number.format(first ? first + pageRows.length - 1 : 0),
            number.format(total),
          ])}
        </p>
        {/* Focusable so that a keyboard can scroll a table wider than a narrow screen. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
        <section class="register__scroll" aria-labelledby="register-list-heading" tabIndex={0}>
          <RegisterTable
            rows={pageRows}
            sort={view.sort}
            onSort={sortBy}
            onOpen={openRow}
            sourceTitle={sourceTitle}
            today={today}
          />
        </section>
        <nav class="register__pager" aria-label={t('registerPagerLabel')}>
          <button
            type="button"
            class="button"
            disabled={page === 0}
            onClick={() => change({ page: page - 1 })}
          >
            {t('registerPrevious')}
          </button>
          <span>{t('registerPage', [number.format(page + 1), number.format(pages)])}</span>
          <button
            type="button"
            class="button"
            disabled={page >= pages - 1 || loadingTotal !== null}
            onClick={() => change({ page: page + 1 })}
          >
            {t('registerNext')}
          </button>
        </nav>
      </section>
      {openedRow && (
        <VendorDetails
          row={openedRow}
          review={lookup.find(openedRow.vendor)?.review ?? emptyReview(openedRow.vendor)}
          windowText={addedText(openedRow, today, i18n)}
          severalLists={severalLists}
          onSave={(review) => props.onSaveReview(openedRow.vendor, review)}
          onClose={close}
        />
      )}
    </main>
  );
}

// The register's view in the page's address, so a view can be bookmarked and shared inside the team:
// ?q=stripe&source=dovetail&country=US&finding=dpa-unknown&status=approved&new=1&sort=findings&dir=desc&page=2
// Unknown or damaged values read as "no filter" (an old bookmark still opens).

import { REVIEW_STATUSES, type ReviewStatus } from '../core/register/review-state';
import {
  DEFAULT_SORT,
  type RegisterFilter,
  type RegisterSort,
  SORT_COLUMNS,
  type SortColumn,
} from '../core/register/rows';

export interface RegisterView {
  filter: RegisterFilter;
  sort: RegisterSort;
  /** 0-based page of the table. */
  page: number;
}

const MAX_TEXT = 200;
const text = (params: URLSearchParams, key: string) => {
  const value = params.get(key)?.slice(0, MAX_TEXT).trim();
  return value ? value : null;
};
const isColumn = (x: string | null): x is SortColumn =>
  (SORT_COLUMNS as readonly (string | null)[]).includes(x);
const isStatus = (x: string | null): x is ReviewStatus =>
  (REVIEW_STATUSES as readonly (string | null)[]).includes(x);

export function viewFromSearch(search: string): RegisterView {
  const params = new URLSearchParams(search);
  const column = params.get('sort');
  const status = params.get('status');
  const country = text(params, 'country')?.toUpperCase() ?? null;
  const page = Number(params.get('page') ?? '1');
  return {
    filter: {
      query: params.get('q')?.slice(0, MAX_TEXT) ?? '',
      source: text(params, 'source'),
      country: country && /^[A-Z]{2}$/.test(country) ? country : null,
      finding: text(params, 'finding'),
      status: isStatus(status) ? status : null,
      windowOpen: params.get('new') === '1',
    },
    sort: isColumn(column)
      ? { column, direction: params.get('dir') === 'desc' ? 'descending' : 'ascending' }
      : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page - 1 : 0,
  };
}

export function searchOfView(view: RegisterView): string {
  const params = new URLSearchParams();
  const { filter, sort } = view;
  if (filter.query) params.set('q', filter.query);
  if (filter.source !== null) params.set('source', filter.source);
  if (filter.country !== null) params.set('country', filter.country);
  if (filter.finding !== null) params.set('finding', filter.finding);
  if (filter.status !== null) params.set('status', filter.status);
  if (filter.windowOpen) params.set('new', '1');
  if (sort.column !== DEFAULT_SORT.column || sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', sort.column);
    params.set('dir', sort.direction === 'descending' ? 'desc' : 'asc');
  }
  if (view.page > 0) params.set('page', String(view.page + 1));
  const out = params.toString();
  return out ? `?${out}` : '';
}

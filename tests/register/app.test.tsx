import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeLists } from '../../src/core/register/merge';
import { emptyReview } from '../../src/core/register/review-state';
import { App, type RegisterAppProps } from '../../src/register/App';
import { searchOfView, viewFromSearch } from '../../src/register/url-state';
import { renderWithI18n, seedList } from '../support/ui';

afterEach(cleanup);

function renderRegister(props: Partial<RegisterAppProps> = {}) {
  const list = mergeLists([{ sourceId: 'dovetail', list: seedList() }]);
  const all: RegisterAppProps = {
    list,
    sources: [{ id: 'dovetail', title: 'Dovetail', updated: list.source.updated }],
    history: [],
    reviews: {},
    objectionDays: {},
    today: '2026-12-03',
    initialSearch: '',
    onViewChange: vi.fn(),
    onSaveReview: vi.fn(async () => undefined),
    optionsHref: 'options.html',
    ...props,
  };
  renderWithI18n(<App {...all} />);
  return { props: all, list };
}

const bodyRows = () =>
  screen.getAllByRole('row').filter((r) => r.closest('tbody')?.closest('.register__table'));
const names = () => bodyRows().map((r) => within(r).getByRole('rowheader').textContent);

describe('the register page', () => {
  it('is a table with a labelled header row and one row per vendor', () => {
    const { list } = renderRegister();
    const table = screen.getByRole('table', { name: /Vendors of all your sources/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers).toEqual([
      'Vendor',
      'Listed by',
      'Location',
      'Transfer basis',
      'DPA',
      'Certifications',
      'Findings',
      'Added on',
      'My status',
    ]);
    expect(names()).toEqual(list.vendors.map((v) => v.name));
    const stripe = bodyRows().find((r) => r.textContent?.includes('Stripe')) as HTMLElement;
    expect(within(stripe).getByText('a subprocessor of 1 of your lists')).toBeTruthy();
    expect(within(stripe).getByText('Not reviewed')).toBeTruthy();
  });

  it('sorts by a header, says so with aria-sort, and reports the view for the address', () => {
    const { props, list } = renderRegister();
    const vendorButton = screen.getByRole('button', { name: /^Vendor/ });
    fireEvent.click(vendorButton);
    expect(vendorButton.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    const sorted = list.vendors
      .map((v) => v.name)
      .sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    expect(names()).toEqual(sorted);
    fireEvent.click(vendorButton);
    expect(vendorButton.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual([...sorted].reverse());
    expect(props.onViewChange).toHaveBeenLastCalledWith('?sort=vendor&dir=desc');
  });

  it('narrows by search and filters, and starts from a bookmarked view', () => {
    renderRegister({ initialSearch: '?country=DE' });
    expect(names()).toEqual(['ChartMogul']);
    expect((screen.getByLabelText('Country') as HTMLSelectElement).value).toBe('DE');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    fireEvent.input(screen.getByLabelText('Search the register'), { target: { value: 'sendgrd' } });
    expect(names()).toEqual(['SendGrid']);
    expect(screen.getByText('Showing 1–1 of 1 vendors')).toBeTruthy();
  });

  it('opens a row’s details with the vendor card and saves the review', async () => {
    const { props, list } = renderRegister();
    fireEvent.click(screen.getByRole('button', { name: 'Stripe' }));
    const details = screen.getByRole('region', { name: 'Vendor details and your review' });
    expect(within(details).getByRole('heading', { name: 'Stripe' })).toBeTruthy();
    expect(within(details).getByRole('heading', { name: 'Findings' })).toBeTruthy();
    fireEvent.change(within(details).getByLabelText('My status'), { target: { value: 'rejected' } });
    fireEvent.input(within(details).getByLabelText('Owner'), { target: { value: 'Sam' } });
    fireEvent.submit(
      within(details).getByRole('button', { name: 'Save review' }).closest('form') as HTMLFormElement,
    );
    await waitFor(() => expect(within(details).getByText('Review saved.')).toBeTruthy());
    const stripe = list.vendors.find((v) => v.name === 'Stripe');
    expect(props.onSaveReview).toHaveBeenCalledWith(
      stripe,
      expect.objectContaining({ status: 'rejected', owner: 'Sam' }),
    );
  });

  it('shows my status from the reviews, and the overview counts and charts', () => {
    const list = seedList();
    const stripe = list.vendors.find((v) => v.name === 'Stripe');
    if (!stripe) throw new Error('no Stripe');
    renderRegister({ reviews: { stripe: { ...emptyReview(stripe), status: 'approved' } } });
    const row = bodyRows().find((r) => r.textContent?.includes('Stripe')) as HTMLElement;
    expect(within(row).getByText('Approved')).toBeTruthy();
    const overview = screen.getByRole('region', { name: 'At a glance' });
    const count = (id: string) => overview.querySelector(`[data-count="${id}"] dd`)?.textContent;
    expect(count('vendors')).toBe(String(list.vendors.length));
    expect(count('not-reviewed')).toBe(String(list.vendors.length - 1));
    expect(count('stale')).toBe('1');
    expect(within(overview).getAllByRole('img')).toHaveLength(5);
    expect(within(overview).getByRole('img', { name: /^Vendors by country: United States 6/ })).toBeTruthy();
  });

  it('shows the first vendors while the rest is read, without the overview', () => {
    renderRegister({ loadingTotal: 10_000 });
    expect(screen.getByText('Reading all 10,000 vendors…')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'At a glance' })).toBeNull();
    expect(screen.getByText(/of 10,000 vendors/)).toBeTruthy();
  });
});

describe('the view in the address', () => {
  it('round-trips, and reads damaged values as no filter', () => {
    const search =
      '?q=stripe&source=acme&country=DE&finding=dpa-unknown&status=approved&new=1&sort=findings&dir=desc&page=3';
    expect(searchOfView(viewFromSearch(search))).toBe(search);
    expect(viewFromSearch('?country=Germany&status=great&sort=colour&page=-2')).toEqual(viewFromSearch(''));
    expect(searchOfView(viewFromSearch(''))).toBe('');
  });
});

import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { buildSearchIndex } from '../../src/core/search/search';
import { App, type PopupAppProps } from '../../src/popup/App';
import { I18nProvider } from '../../src/ui/i18n';
import { NOW } from '../support/test-date';
import { i18n, renderWithI18n, seedList, seedVendor, visible } from '../support/ui';

afterEach(cleanup);

function renderPopup(overrides: Partial<PopupAppProps> = {}) {
  const props: PopupAppProps = {
    list: seedList(),
    tabUrl: 'https://stripe.com/pricing',
    now: NOW,
    optionsHref: 'options.html',
    searchIndexOf: buildSearchIndex,
    ...overrides,
  };
  return renderWithI18n(<App {...props} />);
}

const searchBox = () => screen.getByRole('searchbox', { name: /Search/ });
const type = (text: string) => fireEvent.input(searchBox(), { target: { value: text } });
const resultNames = () =>
  within(screen.getByRole('list', { name: 'Search results' }))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);
const status = () => screen.getByRole('status').textContent;

describe('popup: the current site', () => {
  it("opens on the tab's vendor with its full card and a focused search field", () => {
    renderPopup();
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    expect(screen.getByText('Vendor of this site')).toBeTruthy();
    expect(screen.getByText('Location')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Findings' })).toBeTruthy();
    expect(document.activeElement).toBe(searchBox());
    expect(searchBox().getAttribute('type')).toBe('search');
  });

  it('shows the source line with the list age and the options link', () => {
    renderPopup();
    expect(visible(document.querySelector('.source-line')?.textContent)).toBe(
      'Dovetail, updated 8 Oct 2018, 8 years ago Sources and settings',
    );
  });

  it('explains a site that is not a listed vendor', () => {
    renderPopup({ tabUrl: 'https://www.example.com/' });
    expect(screen.getByText('This site is not on your lists')).toBeTruthy();
    expect(visible(screen.getByText(/is not the site of a vendor/).textContent)).toContain(
      'www.example.com is not',
    );
    expect(screen.queryByRole('article')).toBeNull();
  });

  it('explains a tab without a website', () => {
    for (const tabUrl of [
      null,
      'chrome://newtab/',
      'about:blank',
      'file:///home/me/a.html',
      // A vendor's host under another scheme is still no website: the badge ignores these too.
      'file://stripe.com/share/invoice.html',
      'ftp://stripe.com/pub/',
      'chrome://stripe.com/',
    ]) {
      const { unmount } = renderPopup({ tabUrl });
      expect(screen.getByText('No website in this tab'), String(tabUrl)).toBeTruthy();
      expect(screen.queryByRole('article'), String(tabUrl)).toBeNull();
      unmount();
    }
  });

  it("marks a customer's site on a vendor's hosting domain as hosted on it", () => {
    renderPopup({ tabUrl: 'https://acme-shop.herokuapp.com/cart' });
    const note = screen.getByRole('note');
    expect(visible(note.textContent)).toBe(
      "acme-shop.herokuapp.com is hosted on Heroku (herokuapp.com): it is a customer's site, not Heroku's own. The card describes the hosting provider.",
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Heroku' })).toBeTruthy();
    expect(screen.queryByText('Vendor of this site')).toBeNull();
  });

  it('says which lists name the vendor only when the register merges several', () => {
    const seed = seedList();
    const listedBy = (title: string, sourceId: string) => (v: Vendor) => [
      { sourceId, title, location: v.location, dpa: v.dpa },
    ];
    const single = {
      ...seed,
      vendors: seed.vendors.map((v) => ({ ...v, listedBy: listedBy('Dovetail', 'dovetail')(v) })),
    };
    const { unmount } = renderPopup({ list: single });
    expect(screen.queryByText('Listed by')).toBeNull();
    unmount();
    const merged: SubprocessorList = {
      ...seed,
      vendors: [
        ...single.vendors.filter((v) => v.name !== 'Stripe'),
        {
          ...seedVendor('Stripe'),
          listedBy: [
            ...listedBy('Dovetail', 'dovetail')(seedVendor('Stripe')),
            {
              sourceId: 'acme',
              title: 'Acme Notes',
              location: { text: 'Dublin', country: 'IE' },
              dpa: { status: 'not-signed', date: null, text: 'No' },
            },
          ],
        },
      ],
    };
    renderPopup({ list: merged });
    const row = screen.getByText('Listed by').closest('dt')?.nextElementSibling;
    expect([...(row?.querySelectorAll('li') ?? [])].map((li) => visible(li.textContent))).toEqual([
      'Dovetail (DPA signed 8 Oct 2018, San Francisco, United States)',
      'Acme Notes (DPA not signed, Dublin)',
    ]);
  });

  it('calls back once after the first render, for the time-to-first-result mark', () => {
    const first = vi.fn();
    renderPopup({ onFirstRender: first });
    type('stripe');
    expect(first).toHaveBeenCalledTimes(1);
  });
});

describe('popup: search', () => {
  it('finds vendors despite typos, as the user types', () => {
    renderPopup();
    const cases: [string, string][] = [
      ['strpe', 'Stripe'],
      ['sendgird', 'SendGrid'],
      ['mixpanle', 'Mixpanel'],
      ['hroku', 'Heroku'],
      ['chart mogul', 'ChartMogul'],
      ['amazn web', 'Amazon Web Services'],
    ];
    for (const [query, expected] of cases) {
      type(query);
      expect(resultNames()[0], query).toBe(expected);
    }
  });

  it('marks a recently added vendor as new in its result and on its card, and no other', () => {
    const at = '2026-11-20T08:00:00Z';
    renderPopup({ tabUrl: null, addedOn: (vendor) => (vendor.name === 'Stripe' ? at : null) });
    type('united states'); // several vendors, Stripe among them
    const results = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('listitem');
    const marked = results.filter((li) => li.querySelector('.new-marker'));
    expect(marked.map((li) => li.querySelector('h2')?.textContent)).toEqual(['Stripe']);
    expect(visible(marked[0]?.querySelector('.new-marker')?.textContent)).toBe(
      'NewNew: added to a list on 20 Nov 2026',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Stripe' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
    expect(screen.getByText('New: added to a list on 20 Nov 2026')).toBeTruthy();
  });

  it('announces the number of results in a live region', () => {
    renderPopup();
    expect(status()).toBe('');
    type('stripe');
    expect(status()).toBe(
      `${resultNames().length} ${resultNames().length === 1 ? 'vendor' : 'vendors'} found`,
    );
    type('zzzzqqqq');
    expect(status()).toBe('0 vendors found');
  });

  it('shows an empty state when nothing matches', () => {
    renderPopup();
    type('zzzzqqqq');
    expect(visible(screen.getByText(/No vendor matches/).textContent)).toBe('No vendor matches “zzzzqqqq”');
    expect(screen.getByText(/Check the spelling/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('says it is loading until the search code is there, then finds what was typed', () => {
    const props: PopupAppProps = {
      list: seedList(),
      tabUrl: 'https://stripe.com/pricing',
      now: NOW,
      optionsHref: 'options.html',
    };
    const view = renderWithI18n(<App {...props} />);
    type('heroku');
    expect(status()).toBe('Loading…');
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
    view.rerender(
      <I18nProvider value={i18n}>
        <App {...props} searchIndexOf={buildSearchIndex} />
      </I18nProvider>,
    );
    expect(resultNames()).toEqual(['Heroku']);
    expect(status()).toBe('1 vendor found');
  });

  it('says search could not start when its code failed to load, and still shows the site', () => {
    renderPopup({ searchIndexOf: undefined, searchFailed: true });
    type('heroku');
    expect(screen.getByText('Search could not start', { selector: '.empty__title' })).toBeTruthy();
    expect(screen.getByText(/reinstall the extension/, { selector: '.empty__hint' })).toBeTruthy();
    expect(status()).toBe('Search could not start');
    expect(screen.queryByText('Loading…')).toBeNull();
    type('');
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
  });

  it('returns to the site card when the field is emptied', () => {
    renderPopup();
    type('heroku');
    expect(screen.queryByText('Vendor of this site')).toBeNull();
    type('');
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();
  });
});

describe('popup: keyboard', () => {
  it('moves through results with the arrow keys and back up to the field', () => {
    renderPopup();
    type('se');
    const buttons = within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(1);
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1] as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(buttons.at(-1));
    fireEvent.keyDown(buttons.at(-1) as HTMLElement, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(searchBox());
  });

  it('opens the first result with Enter in the field, and goes back to the results', () => {
    renderPopup();
    type('sendgrid');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    const heading = screen.getByRole('heading', { level: 2, name: 'SendGrid' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('Data processed')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Back to results/ }));
    expect(resultNames()[0]).toBe('SendGrid');
    expect(document.activeElement?.textContent).toBe('SendGrid');
  });

  it('opens a chosen result', () => {
    renderPopup();
    type('amazon');
    fireEvent.click(screen.getByRole('button', { name: 'Amazon Web Services' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Amazon Web Services' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });

  it('clears the search with Escape from the field, a result or a card', () => {
    renderPopup();
    type('heroku');
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(searchBox()).toHaveProperty('value', '');
    expect(screen.getByRole('heading', { level: 2, name: 'Stripe' })).toBeTruthy();

    type('heroku');
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    expect(searchBox()).toHaveProperty('value', '');
    expect(document.activeElement).toBe(searchBox());
  });

  it('sends typing on a result back to the search field', () => {
    renderPopup();
    type('mix');
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'p' });
    expect(document.activeElement).toBe(searchBox());
  });
});

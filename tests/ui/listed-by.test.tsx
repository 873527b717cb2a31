import { readFileSync } from 'node:fs';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Listing } from '../../src/core/list';
import { parse } from '../../src/core/parse';
import { mergeLists } from '../../src/core/register/merge';
import { ListedBy, listingText } from '../../src/ui/listed-by';
import { VendorCard } from '../../src/ui/vendor-card';
import { hostileVendor } from '../support/hostile/vendors';
import { TODAY } from '../support/test-date';
import { i18n, renderWithI18n, seedList, seedVendor, visible } from '../support/ui';

afterEach(cleanup);

function acmeList() {
  const result = parse(readFileSync('tests/fixtures/refresh/acme-notes.md', 'utf8'), {
    today: TODAY,
    title: 'Acme Notes',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.list;
}

const register = () =>
  mergeLists([
    { sourceId: 'dovetail', list: seedList() },
    { sourceId: 'acme', list: acmeList() },
  ]);

/** The <dd> that a <dt> labels, found by the label's text. */
function field(label: string): HTMLElement | null {
  const term = screen.queryAllByText(label).find((el) => el.closest('dt'));
  const dd = term?.closest('dt')?.nextElementSibling;
  return dd instanceof HTMLElement && dd.tagName === 'DD' ? dd : null;
}

const listing = (over: Partial<Listing>): Listing => ({
  sourceId: 's',
  title: 'Dovetail',
  location: { text: 'San Francisco', country: 'US' },
  dpa: { status: 'signed', date: '2018-10-08', text: 'Yes' },
  ...over,
});

describe('listingText', () => {
  it("reads as the list's title, its DPA status and date, and the vendor's location in it", () => {
    expect(visible(listingText(listing({}), i18n))).toBe('Dovetail (DPA signed 8 Oct 2018, San Francisco)');
  });

  it('words each DPA status, and leaves out a location the list does not give', () => {
    const text = (dpa: Listing['dpa'], place = '') =>
      visible(listingText(listing({ title: 'Acme', dpa, location: { text: place, country: null } }), i18n));
    expect(text({ status: 'not-signed', date: null, text: '' })).toBe('Acme (DPA not signed)');
    expect(text({ status: 'incorporated', date: null, text: '' }, 'Dublin')).toBe(
      'Acme (DPA in the terms, Dublin)',
    );
    expect(text({ status: 'unknown', date: null, text: '' })).toBe('Acme (DPA not stated)');
  });

  it('isolates list text so bidirectional controls cannot reorder the sentence', () => {
    const text = listingText(listing({ title: '\u202Eevil' }), i18n);
    expect(text.startsWith('\u2068\u202Eevil\u2069')).toBe(true);
  });
});

describe('Listed by on the vendor card', () => {
  it('names every list of a shared vendor with its own DPA and location', () => {
    const stripe = register().vendors.find((v) => v.name === 'Stripe');
    if (!stripe) throw new Error('no Stripe in the register');
    renderWithI18n(<VendorCard vendor={stripe} />);
    const items = within(field('Listed by') as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => visible(li.textContent));
    expect(items).toEqual([
      'Dovetail (DPA signed 8 Oct 2018, San Francisco, United States)',
      'Acme Notes (DPA not signed, Dublin, Ireland)',
    ]);
  });

  it('shows no Listed by row for a vendor of a single, unmerged list', () => {
    renderWithI18n(<VendorCard vendor={seedVendor('Stripe')} />);
    expect(field('Listed by')).toBeNull();
    renderWithI18n(<VendorCard vendor={hostileVendor({ listedBy: [] })} />);
    expect(field('Listed by')).toBeNull();
  });

  it('renders list titles as text, clipped', () => {
    const { container } = renderWithI18n(
      <ListedBy listings={[listing({ title: `<img src=x onerror=alert(1)>${'x'.repeat(500)}` })]} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent?.length).toBeLessThan(300);
  });
});

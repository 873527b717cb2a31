import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NewMarker } from '../../src/ui/new-marker';
import { VendorCard } from '../../src/ui/vendor-card';
import { renderWithI18n, seedVendor } from '../support/ui';

afterEach(cleanup);

describe('NewMarker', () => {
  it('shows "New" and tells a screen reader since when, in words', () => {
    const { container } = renderWithI18n(<NewMarker since="2026-11-03T14:02:00Z" />);
    const marker = container.querySelector('.new-marker') as HTMLElement;
    expect(marker.querySelector('[aria-hidden="true"]')?.textContent).toBe('New');
    expect(marker.querySelector('.visually-hidden')?.textContent).toBe('New: added to a list on 3 Nov 2026');
    expect(marker.title).toBe('New: added to a list on 3 Nov 2026');
  });
});

describe('the card of a recently added vendor', () => {
  it('carries the marker beside its name, outside the heading', () => {
    renderWithI18n(<VendorCard vendor={seedVendor('Stripe')} addedOn="2026-11-03T14:02:00Z" />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Stripe' });
    expect(heading.textContent).toBe('Stripe');
    expect(heading.parentElement?.querySelector('.new-marker')).toBeTruthy();
    expect(screen.getByText('New: added to a list on 3 Nov 2026')).toBeTruthy();
  });

  it('has no marker otherwise', () => {
    const { container } = renderWithI18n(<VendorCard vendor={seedVendor('Stripe')} addedOn={null} />);
    expect(container.querySelector('.new-marker')).toBeNull();
  });
});

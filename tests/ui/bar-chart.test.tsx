import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart } from '../../src/ui/bar-chart';
import { renderWithI18n } from '../support/ui';

afterEach(cleanup);

describe('BarChart', () => {
  it('is an SVG image with a title naming every figure, and the same figures as a table', () => {
    renderWithI18n(
      <BarChart
        title="Vendors by country"
        bars={[
          { label: 'United States', count: 1200 },
          { label: 'Germany', count: 300 },
          { label: 'Other or unknown', count: 0 },
        ]}
      />,
    );
    const figure = screen.getByRole('figure', { name: 'Vendors by country' });
    const image = within(figure).getByRole('img');
    expect(image.querySelector('title')?.textContent).toBe(
      'Vendors by country: United States 1,200, Germany 300, Other or unknown 0',
    );
    // Bars are in proportion to the largest; an empty bar has no width.
    const widths = [...image.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[0]).toBeGreaterThan(0);
    expect((widths[1] as number) / (widths[0] as number)).toBeCloseTo(0.25, 5);
    expect(widths[2]).toBe(0);
    const rows = within(figure)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['ItemVendors', 'United States1,200', 'Germany300', 'Other or unknown0']);
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObjectionSection } from '../../src/options/objection-section';
import type { SourceSummary } from '../../src/platform/source-types';
import { renderWithI18n } from '../support/ui';

afterEach(cleanup);

const source = (id: string, title: string) => ({ id, title }) as SourceSummary;

describe('the objection windows section', () => {
  it('shows each source’s days (30 by default) and saves a change', async () => {
    const onSave = vi.fn(async () => undefined);
    renderWithI18n(
      <ObjectionSection
        sources={[source('dovetail', 'Dovetail'), source('acme', 'Acme')]}
        days={{ acme: 14 }}
        onSave={onSave}
      />,
    );
    const dovetail = screen.getByLabelText(
      'Days to object after Dovetail adds a subprocessor',
    ) as HTMLInputElement;
    expect(dovetail.value).toBe('30');
    expect(
      (screen.getByLabelText('Days to object after Acme adds a subprocessor') as HTMLInputElement).value,
    ).toBe('14');
    fireEvent.change(dovetail, { target: { value: '45' } });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Dovetail: objection window of 45 days saved.'),
    );
    expect(onSave).toHaveBeenCalledWith({ acme: 14, dovetail: 45 });
  });

  it('refuses a number of days out of range, saving nothing', async () => {
    const onSave = vi.fn(async () => undefined);
    renderWithI18n(<ObjectionSection sources={[source('dovetail', 'Dovetail')]} days={{}} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/Dovetail/), { target: { value: '400' } });
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Dovetail: enter a whole number of days from 0 to 365.',
      ),
    );
    expect(onSave).not.toHaveBeenCalled();
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyReview } from '../../src/core/register/review-state';
import { ReviewFields } from '../../src/ui/review-fields';
import { VendorCard } from '../../src/ui/vendor-card';
import { renderWithI18n, seedVendor } from '../support/ui';

afterEach(cleanup);

const submit = () =>
  fireEvent.submit(screen.getByRole('button', { name: 'Save review' }).closest('form') as HTMLFormElement);

describe('ReviewFields', () => {
  it('saves every field, and refuses a link that is not http(s) without saving', async () => {
    const stripe = seedVendor('Stripe');
    const onSave = vi.fn(async () => undefined);
    renderWithI18n(<ReviewFields review={emptyReview(stripe)} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('My status'), { target: { value: 'under-review' } });
    fireEvent.input(screen.getByLabelText('My DPA signed on'), { target: { value: '2026-05-04' } });
    fireEvent.input(screen.getByLabelText('Owner'), { target: { value: 'Legal' } });
    fireEvent.input(screen.getByLabelText('Next review'), { target: { value: '2027-05-04' } });
    fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'SCCs in annex 2' } });
    fireEvent.input(screen.getByLabelText('Link to my DPA'), { target: { value: 'javascript:alert(1)' } });
    submit();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('The link must be an http or https address.'),
    );
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Link to my DPA').getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(screen.getByLabelText('Link to my DPA'), {
      target: { value: 'https://example.com/dpa' },
    });
    submit();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Review saved.'));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        status: 'under-review',
        dpaSignedOn: '2026-05-04',
        dpaLink: 'https://example.com/dpa',
        owner: 'Legal',
        nextReview: '2027-05-04',
        notes: 'SCCs in annex 2',
      }),
    );
  });

  it('says when saving failed', async () => {
    const stripe = seedVendor('Stripe');
    renderWithI18n(
      <ReviewFields review={emptyReview(stripe)} onSave={async () => Promise.reject(new Error('quota'))} />,
    );
    submit();
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not save the review: quota'),
    );
  });
});

describe('the vendor card with my status', () => {
  it('shows the status when there is one, and no line otherwise', () => {
    const stripe = seedVendor('Stripe');
    renderWithI18n(<VendorCard vendor={stripe} myStatus="approved" />);
    expect(document.querySelector('.card__status')?.textContent).toBe('My status: Approved');
    cleanup();
    renderWithI18n(<VendorCard vendor={stripe} />);
    expect(document.querySelector('.card__status')).toBeNull();
  });
});

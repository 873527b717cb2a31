// My status of a vendor (the team's review, core/review-state.ts) as words, in every page.
import type { ReviewStatus } from '../core/register/review-state';
import { useI18n } from './i18n';

export const REVIEW_STATUS_KEY: Record<ReviewStatus, string> = {
  'not-reviewed': 'reviewStatusNotReviewed',
  'under-review': 'reviewStatusUnderReview',
  approved: 'reviewStatusApproved',
  rejected: 'reviewStatusRejected',
  'no-longer-used': 'reviewStatusNoLongerUsed',
};

export function ReviewStatusLabel({ status }: { status: ReviewStatus }) {
  const { t } = useI18n();
  return <span class={`review-status review-status--${status}`}>{t(REVIEW_STATUS_KEY[status])}</span>;
}

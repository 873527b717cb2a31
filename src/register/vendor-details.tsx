// A row's details: the popup's vendor card (shared ui components) and the team's review fields.

import type { Review } from '../core/register/review-state';
import type { RegisterRow } from '../core/register/rows';
import { useI18n } from '../ui/i18n';
import { ReviewFields } from '../ui/review-fields';
import { VendorCard } from '../ui/vendor-card';

interface VendorDetailsProps {
  row: RegisterRow;
  review: Review;
  windowText: string;
  severalLists: boolean;
  onSave: (review: Review) => Promise<unknown>;
  onClose: () => void;
}

export function VendorDetails({
  row,
  review,
  windowText,
  severalLists,
  onSave,
  onClose,
}: VendorDetailsProps) {
  const { t } = useI18n();
  return (
    <section
      class="register__details"
      aria-label={t('registerDetailsLabel')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div class="register__details-bar">
        <button type="button" class="button" onClick={onClose}>
          {t('registerCloseDetails')}
        </button>
      </div>
      <VendorCard vendor={row.vendor} focusOnShow showListedBy={severalLists} />
      {windowText && <p class="note">{windowText}</p>}
      <ReviewFields review={review} onSave={onSave} />
    </section>
  );
}

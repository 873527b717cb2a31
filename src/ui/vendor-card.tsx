// The full card of one vendor: its name as a heading, the labelled facts, then the findings.
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { Vendor } from '../core/list';
import type { ReviewStatus } from '../core/register/review-state';
import { Findings } from './findings';
import { clip } from './format';
import { useI18n } from './i18n';
import { NewMarker } from './new-marker';
import { ReviewStatusLabel } from './review-status';
import { VendorFacts } from './vendor-facts';

interface VendorCardProps {
  vendor: Vendor;
  /** A short line above the name ("Vendor of this site"). */
  eyebrow?: ComponentChildren;
  /** Moves focus to the heading when the card appears (opened from search results). */
  focusOnShow?: boolean;
  /** When a list added this vendor, if recently (ISO date or date-time): shows the "new" marker. */
  addedOn?: string | null;
  /** Say which lists name the vendor ("Listed by"): for a register merged from several lists. */
  showListedBy?: boolean;
  /** The team's review status of the vendor (core/review-state.ts); not shown when unknown. */
  myStatus?: ReviewStatus | null;
}

export function VendorCard(props: VendorCardProps) {
  const {
    vendor,
    eyebrow,
    focusOnShow = false,
    addedOn = null,
    showListedBy = true,
    myStatus = null,
  } = props;
  const { t } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow, vendor]);
  return (
    <article class="card" aria-labelledby={`${id}-name`}>
      {eyebrow && <p class="card__eyebrow">{eyebrow}</p>}
      <div class="card__head">
        <h2 class="card__name" id={`${id}-name`} tabIndex={-1} ref={heading} dir="auto">
          {clip(vendor.name, 300)}
        </h2>
        {addedOn && <NewMarker since={addedOn} />}
      </div>
      {myStatus && (
        <p class="card__status">
          {t('reviewMyStatus')}: <ReviewStatusLabel status={myStatus} />
        </p>
      )}
      <VendorFacts vendor={vendor} showListedBy={showListedBy} />
      <Findings flags={vendor.flags} headingId={`${id}-findings`} />
    </article>
  );
}

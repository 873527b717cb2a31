// The full card of one vendor: its name as a heading, the labelled facts, then the findings.
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import type { Vendor } from '../core/list';
import { Findings } from './findings';
import { clip } from './format';
import { VendorFacts } from './vendor-facts';

interface VendorCardProps {
  vendor: Vendor;
  /** A short line above the name ("Vendor of this site"). */
  eyebrow?: ComponentChildren;
  /** Moves focus to the heading when the card appears (opened from search results). */
  focusOnShow?: boolean;
}

export function VendorCard({ vendor, eyebrow, focusOnShow = false }: VendorCardProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow, vendor]);
  return (
    <article class="card" aria-labelledby={`${id}-name`}>
      {eyebrow && <p class="card__eyebrow">{eyebrow}</p>}
      <h2 class="card__name" id={`${id}-name`} tabIndex={-1} ref={heading} dir="auto">
        {clip(vendor.name, 300)}
      </h2>
      <VendorFacts vendor={vendor} />
      <Findings flags={vendor.flags} headingId={`${id}-findings`} />
    </article>
  );
}

// Who lists a vendor in a register merged from several lists, each with its own DPA status and
// location for that vendor, since each company signs its own DPA:
// "Dovetail (DPA signed 8 Oct 2018, San Francisco), Acme Notes (DPA not signed, Dublin)".
import type { Listing } from '../core/list';
import { clip, formatDay } from './format';
import { type I18n, isolate, useI18n } from './i18n';

const LISTING_DPA_KEY = {
  signed: 'listingDpaSigned',
  incorporated: 'listingDpaIncorporated',
  'not-signed': 'listingDpaNotSigned',
  unknown: 'listingDpaUnknown',
} as const;

/** "DPA signed 8 Oct 2018", "DPA not signed", ... for one list's statement about the vendor. */
export function listingDpaText(listing: Listing, i18n: I18n): string {
  const status = i18n.t(LISTING_DPA_KEY[listing.dpa.status] ?? 'listingDpaUnknown');
  return listing.dpa.date
    ? i18n.t('listingDpaDated', [status, formatDay(listing.dpa.date, i18n.locale)])
    : status;
}

/** One listing as a phrase: the list's title, then its DPA status and the vendor's location in it. */
export function listingText(listing: Listing, i18n: I18n): string {
  const title = isolate(clip(listing.title, 200));
  const dpa = listingDpaText(listing, i18n);
  const place = listing.location.text.trim();
  return place
    ? i18n.t('listingWithLocation', [title, dpa, isolate(clip(place, 200))])
    : i18n.t('listingWithoutLocation', [title, dpa]);
}

export function ListedBy({ listings }: { listings: readonly Listing[] }) {
  const i18n = useI18n();
  return (
    <ul class="listed-by">
      {listings.map((listing, i) => (
        <li key={`${listing.sourceId}-${i}`} class="listed-by__item">
          {listingText(listing, i18n)}
        </li>
      ))}
    </ul>
  );
}

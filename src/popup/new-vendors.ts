// Which vendors a list added recently: the popup marks them "new". A vendor is new when, for some
// source, the latest thing that happened to it was being added, within the last NEW_VENDOR_DAYS days
// (added and then removed again is not new). The latest additions come from the history
// (core/recent-additions.ts), or ready-made from the stored read views.
import type { Vendor } from '../core/list';
import type { HistoryEntry } from '../core/register/history-schema';
import { type Additions, latestAdditions } from '../core/register/recent-additions';
import { identityKeysOf } from '../core/register/vendor-identity';

export const NEW_VENDOR_DAYS = 30;
const DAY_MS = 86_400_000;

export type AddedOn = (vendor: Vendor) => string | null;

/** When a vendor was added, if within the window; from the latest additions. */
export function addedOnFrom(additions: Additions, now: Date, days = NEW_VENDOR_DAYS): AddedOn {
  if (additions.size === 0) return () => null;
  const since = now.getTime() - days * DAY_MS;
  const recent = (at: string | undefined) => (at !== undefined && Date.parse(at) >= since ? at : undefined);
  return (vendor) => {
    for (const key of identityKeysOf(vendor)) {
      const at = recent(additions.get(key));
      if (at !== undefined) return at;
    }
    return null;
  };
}

/** From the history (in any order): when each recently added vendor came. */
export function recentlyAdded(history: readonly HistoryEntry[], now: Date, days = NEW_VENDOR_DAYS): AddedOn {
  return addedOnFrom(latestAdditions(history), now, days);
}

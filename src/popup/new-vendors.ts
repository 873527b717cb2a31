// Which vendors a list added recently, from the refresh history: the popup marks them "new".
// A vendor is new when, for some source, the latest thing that happened to it within the window was
// being added (added and then removed again is not new). Found by name key or website host, the
// same identity rules as the diff (vendor-identity.ts).
import type { Vendor } from '../core/list';
import { hostOf } from '../core/normalize/url';
import type { HistoryEntry } from '../core/refresh-history';
import { hostKeyOf, nameKey, nameKeyOf } from '../core/vendor-identity';

export const NEW_VENDOR_DAYS = 30;
const DAY_MS = 86_400_000;

export type AddedOn = (vendor: Vendor) => string | null;

/** From the history (newest first, as loadHistory gives it): when each recently added vendor came. */
export function recentlyAdded(history: readonly HistoryEntry[], now: Date, days = NEW_VENDOR_DAYS): AddedOn {
  const since = now.getTime() - days * DAY_MS;
  const byKey = new Map<string, string>();
  const settled = new Set<string>();
  const sorted = [...history].sort((a, b) => b.at.localeCompare(a.at));
  for (const entry of sorted) {
    const at = Date.parse(entry.at);
    if (Number.isNaN(at) || at < since) continue;
    const note = (brief: { name: string; website: string | null }, added: boolean) => {
      const host = brief.website ? hostOf(brief.website) : null;
      const keys = [`n:${nameKey(brief.name)}`, ...(host ? [`h:${host}`] : [])];
      for (const key of keys) {
        const perSource = `${entry.sourceId}\u0000${key}`;
        if (settled.has(perSource)) continue;
        settled.add(perSource);
        if (added && !byKey.has(key)) byKey.set(key, entry.at);
      }
    };
    for (const brief of entry.removed) note(brief, false);
    for (const brief of entry.added) note(brief, true);
  }
  if (byKey.size === 0) return () => null;
  return (vendor) => {
    const host = hostKeyOf(vendor);
    return byKey.get(`n:${nameKeyOf(vendor)}`) ?? (host ? byKey.get(`h:${host}`) : undefined) ?? null;
  };
}

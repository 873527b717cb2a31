// Objection windows (Art. 28(2) GDPR): a processor informs its customers of a new subprocessor, who
// may object within a period the contract sets. A vendor that a refresh added to a source is "new"
// from that day until the source's window ends. The additions come from the refresh history, by the
// same rule as the popup's "new" marker (recent-additions.ts), one source at a time.
import type { Vendor } from './list';
import type { HistoryEntry } from './register/history-schema';
import { latestAdditions } from './register/recent-additions';
import { identityKeysOf } from './register/vendor-identity';

export const DEFAULT_OBJECTION_DAYS = 30;
export const MAX_OBJECTION_DAYS = 365;

export interface ObjectionWindow {
  sourceId: string;
  /** The day the refresh added the vendor (YYYY-MM-DD, UTC). */
  addedOn: string;
  /** The last day of the window (YYYY-MM-DD): added on + days. */
  until: string;
}

export type WindowDays = (sourceId: string) => number;

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

export function windowUntil(addedAt: string, days: number): string | null {
  const start = Date.parse(`${addedAt.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(start) ? null : dayOf(start + days * DAY_MS);
}

export interface ObjectionIndex {
  /** The vendor's window that ends last, over the sources that added it; null when none did. */
  windowOf(vendor: Pick<Vendor, 'name' | 'website' | 'domains'>): ObjectionWindow | null;
}

export function objectionIndex(history: readonly HistoryEntry[], daysOf: WindowDays): ObjectionIndex {
  const bySource = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const own = bySource.get(entry.sourceId);
    if (own) own.push(entry);
    else bySource.set(entry.sourceId, [entry]);
  }
  const additions = [...bySource].map(([sourceId, entries]) => ({
    sourceId,
    days: daysOf(sourceId),
    added: latestAdditions(entries),
  }));
  return {
    windowOf(vendor) {
      if (!additions.length) return null; // no history: spare making every vendor's keys
      const keys = identityKeysOf(vendor);
      let best: ObjectionWindow | null = null;
      for (const { sourceId, days, added } of additions) {
        const at = keys.map((k) => added.get(k)).find((x) => x !== undefined);
        const until = at ? windowUntil(at, days) : null;
        if (!at || !until) continue;
        if (!best || until > best.until) best = { sourceId, addedOn: at.slice(0, 10), until };
      }
      return best;
    },
  };
}

/** Whether the window is open on `today` (YYYY-MM-DD): its last day included. */
export function windowOpen(span: ObjectionWindow | null, today: string): boolean {
  return span !== null && span.addedOn <= today && today <= span.until;
}

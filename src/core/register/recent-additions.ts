// When each vendor was last added by a list, from the refresh history, before any time window is
// applied: the popup's "new" marker (popup/new-vendors.ts) applies the window to this. Kept apart so
// that the writer of the stored read views can compute it once, and the popup need not read the
// history. A vendor is known by name key or website host, the diff's identity rules
// (vendor-identity.ts).
import type { HistoryEntry } from './history-schema';
import { identityKeysOf } from './vendor-identity';

/** Identity key ("n:stripe", "h:stripe.com", vendor-identity.ts identityKeysOf) -> ISO time of its
 * latest addition that still stands. */
export type Additions = ReadonlyMap<string, string>;

/**
 * For each key, the time of the newest addition that is the latest thing a list did to it (added
 * and then removed again by the same list does not count; another list's addition does). With the
 * history sorted newest first, the first event seen for a (list, key) pair settles it. Entries with
 * damaged dates are skipped.
 */
export function latestAdditions(history: readonly HistoryEntry[]): Map<string, string> {
  const byKey = new Map<string, string>();
  const settled = new Set<string>();
  const sorted = [...history].sort((a, b) => b.at.localeCompare(a.at));
  for (const entry of sorted) {
    if (Number.isNaN(Date.parse(entry.at))) continue;
    const note = (brief: { name: string; website: string | null }, added: boolean) => {
      // A brief has no domains: its keys are its name's and its website host's.
      for (const key of identityKeysOf({ name: brief.name, website: brief.website, domains: [] })) {
        const perSource = `${entry.sourceId}\u0000${key}`;
        if (settled.has(perSource)) continue;
        settled.add(perSource);
        if (added && !byKey.has(key)) byKey.set(key, entry.at);
      }
    };
    for (const brief of entry.removed) note(brief, false);
    for (const brief of entry.added) note(brief, true);
  }
  return byKey;
}

// The popup's full read: the stored record merged and validated, and the history for "new". Loaded
// by import() (./index.tsx) only when the lookup tables cannot answer, so its schema code is not in
// popup.js.
import type { ListSource, SubprocessorList } from '../core/list';
import type { HistoryEntry } from '../core/register/history-schema';
import { loadList } from '../platform/store/register-read';
import { loadHistory } from '../platform/store/source-summaries';
import { type AddedOn, recentlyAdded } from './new-vendors';
import type { SiteMatch } from './site-view';

/** What the App is given; every field but the register may come before it. */
export interface Shown {
  list: SubprocessorList | null;
  site?: SiteMatch;
  source?: ListSource;
  severalLists?: boolean;
  addedOn: AddedOn;
}

export async function loadFull(now: Date): Promise<Shown> {
  // The history only marks vendors "new": a popup that cannot read it still works.
  const history = loadHistory().catch((): HistoryEntry[] => []);
  const [loaded, entries] = await Promise.all([loadList(), history]);
  return { list: loaded.list, addedOn: recentlyAdded(entries, now) };
}

// Applying a list to a source: the one rule behind a refresh, a page read, a held result the user
// kept and a file imported. The list replaces the source's own, supersedes any held result and
// clears a damaged list's mark, and what changed goes into the history when it is news.
import type { SubprocessorList } from '../list';
import type { ListDiff } from '../register/diff';
import { summarizeDiff } from '../register/diff-summary';
import { addToHistory, historyEntry } from '../register/history';
import type { DiffSummary, HistoryEntry } from '../register/history-schema';

/** The parts of a source that applying reads and writes (its stored shape is the platform's). */
export interface Appliable {
  id: string;
  /** The title the history entry and the summary name. */
  title: string;
  list: SubprocessorList | null;
  held: unknown;
  history: HistoryEntry[];
  damage?: unknown;
}

export interface Application {
  at: string;
  /** What applying changes, against the list the source showed; null: nothing to compare it with
   * (no history entry). */
  diff: ListDiff | null;
  /** The user applied it (kept a held result, imported a file again). */
  confirmed?: boolean;
}

export interface Applied<S extends Appliable> {
  next: Omit<S, 'damage' | 'list' | 'held'> & { list: SubprocessorList; held: null };
  /** The diff's summary; null without one. */
  summary: DiffSummary | null;
  /** The history entry added; null when there was no diff or it held no news. */
  entry: HistoryEntry | null;
}

export function applyList<S extends Appliable>(
  source: S,
  list: SubprocessorList,
  { at, diff, confirmed = false }: Application,
): Applied<S> {
  const summary = diff ? summarizeDiff(diff, source.title) : null;
  const entry = diff
    ? historyEntry(diff, { at, sourceId: source.id, listTitle: source.title, confirmed })
    : null;
  const { damage: _replaced, list: _before, held: _superseded, ...rest } = source;
  const history = entry ? addToHistory(source.history, entry) : source.history;
  return { next: { ...rest, list, held: null, history }, summary, entry };
}

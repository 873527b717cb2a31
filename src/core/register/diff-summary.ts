// The news in a diff, for a notification or a history line: counts and names as data (the UI
// translates them), plus an English default ("Dovetail added 1 subprocessor: Rev.ai").
import { type ListDiff, notableChanges } from './diff';
import type { DiffSummary, SummaryPart } from './history-schema';

function part(names: string[], maxNames: number): SummaryPart {
  return { count: names.length, names: names.slice(0, maxNames), more: Math.max(0, names.length - maxNames) };
}

function namesText(p: SummaryPart): string {
  return p.more > 0 ? `${p.names.join(', ')} and ${p.more} more` : p.names.join(', ');
}

export function summarizeDiff(
  diff: ListDiff,
  listTitle: string,
  options: { maxNames?: number } = {},
): DiffSummary {
  const maxNames = Math.max(1, options.maxNames ?? 3);
  const added = part(
    diff.added.map((v) => v.name),
    maxNames,
  );
  const removed = part(
    diff.removed.map((v) => v.name),
    maxNames,
  );
  const changed = part(
    notableChanges(diff).map((c) => c.name),
    maxNames,
  );
  const phrases = (
    [
      ['added', added],
      ['removed', removed],
      ['changed', changed],
    ] as const
  )
    .filter(([, p]) => p.count > 0)
    .map(([verb, p], i) => {
      const noun = i > 0 ? '' : p.count === 1 ? ' subprocessor' : ' subprocessors';
      return `${verb} ${p.count}${noun}: ${namesText(p)}`;
    });
  const notable = phrases.length > 0;
  const text = notable
    ? `${listTitle} ${phrases.join('; ')}`
    : `${listTitle}: no change to its subprocessors`;
  return { listTitle, added, removed, changed, notable, text };
}

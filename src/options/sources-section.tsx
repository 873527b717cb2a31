// The sources and their refresh: each source's state and commands, "Refresh all", adding a source
// by address or from a file. One command runs at a time; its outcome is announced in a live region.
import { useEffect, useRef } from 'preact/hooks';
import type { Progress } from '../platform/progress';
import type { Reply, SourceSummary } from '../platform/source-types';
import { displayHost } from '../ui/format';
import { useI18n } from '../ui/i18n';
import type { RefreshActions } from './actions';
import { AddSource } from './add-source';
import { ImportFile } from './import-file';
import { allowUrl, SourceCard, type SourceCommand } from './source-card';
import { useCommands } from './use-commands';
import { WorkProgress } from './work-progress';

interface SourcesSectionProps {
  sources: readonly SourceSummary[];
  /** Sources shipped with the extension: they can be refreshed, not removed. */
  bundledIds: readonly string[];
  /** A problem with the stored data as a whole (the bundled list is in use); null when none. */
  problem: string | null;
  actions: RefreshActions;
  /** Long work in the worker (refresh of all, import, first load), from any page or the policy. */
  progress?: readonly Progress[];
}

const taskKey = (p: Progress) => `${p.task}:${p.startedAt}`;

export function SourcesSection({
  sources,
  bundledIds,
  problem,
  actions,
  progress = [],
}: SourcesSectionProps) {
  const { t } = useI18n();
  const { busy, announcement, announce, run, ranAt } = useCommands();
  const heading = useRef<HTMLHeadingElement>(null);
  // Work that ends while the page is open is announced, unless this page started it (its reply
  // says it); work that had ended before the page opened is not news.
  const ended = useRef<Set<string> | null>(null);
  useEffect(() => {
    const done = progress.filter((p) => p.state === 'done');
    if (ended.current === null) {
      ended.current = new Set(done.map(taskKey));
      return;
    }
    for (const p of done) {
      if (ended.current.has(taskKey(p))) continue;
      ended.current.add(taskKey(p));
      if (!ranAt(p.startedAt) && p.outcome) announce({ text: p.outcome, tone: p.tone });
    }
  }, [progress]);
  const working = progress.filter((p) => p.state === 'running');
  const locked = busy !== null || working.length > 0;
  const refreshable = sources.some((s) => s.url);

  // The permission prompt needs the click's gesture: asked here, before anything is awaited.
  const allowThenRefresh = (source: SourceSummary): (() => Promise<Reply>) => {
    const url = allowUrl(source) ?? source.url ?? '';
    const granted = actions.requestOrigin(url);
    return async () =>
      (await granted)
        ? actions.refresh(source.id)
        : { ok: false, message: t('accessNotAllowed', displayHost(url)), sourceId: source.id, reports: [] };
  };

  const onCommand = (source: SourceSummary) => (command: SourceCommand) => {
    if (locked) return;
    const call: Record<SourceCommand, () => Promise<Reply>> = {
      refresh: () => actions.refresh(source.id),
      allow: command === 'allow' ? allowThenRefresh(source) : () => actions.refresh(source.id),
      remove: () => actions.removeSource(source.id),
      confirm: () => actions.confirmHeld(source.id),
      discard: () => actions.discardHeld(source.id),
    };
    void run(`${command}:${source.id}`, call[command]).then((reply) => {
      // The removed source's card is gone with its buttons: focus goes to the section.
      if (command === 'remove' && reply?.ok) heading.current?.focus();
    });
  };
  const busyFor = (id: string): SourceCommand | null => {
    const [command, of] = busy?.split(/:(.*)/s) ?? [];
    return of === id ? (command as SourceCommand) : null;
  };

  return (
    <section class="panel" aria-labelledby="sources-heading">
      <div class="panel__top">
        <h2 id="sources-heading" class="panel__heading" tabIndex={-1} ref={heading}>
          {t('sourcesHeading')}
        </h2>
        {refreshable && (
          <button
            type="button"
            class="button"
            aria-disabled={locked}
            onClick={() => !locked && void run('refresh-all', () => actions.refresh('all'))}
          >
            {busy === 'refresh-all' || working.some((p) => p.task === 'refresh-all')
              ? t('refreshing')
              : t('refreshAll')}
          </button>
        )}
      </div>
      <WorkProgress progress={progress} />
      <p class={announcement?.tone === 'error' ? 'status status--error' : 'status'} role="status">
        {announcement?.text ?? ''}
      </p>
      {problem && (
        <p class="problem">
          <span class="problem__label">{t('sourceProblem')}</span> {problem} {t('sourceProblemKept')}
        </p>
      )}
      {sources.length === 0 ? (
        <p class="muted">{t('noSources')}</p>
      ) : (
        <ul class="sources">
          {sources.map((source) => (
            <SourceCard
              key={source.id}
              source={source}
              removable={!bundledIds.includes(source.id) && !source.managed}
              busy={busyFor(source.id)}
              locked={locked}
              onCommand={onCommand(source)}
            />
          ))}
        </ul>
      )}
      <AddSource
        locked={locked}
        busy={busy === 'add'}
        requestOrigin={actions.requestOrigin}
        onAdd={(url) => run('add', () => actions.addSource(url))}
      />
      <ImportFile
        locked={locked}
        busy={busy === 'import'}
        onImport={(text, fileName) => run('import', () => actions.importList(text, fileName))}
        onRefused={(text) => announce({ text, tone: 'error' })}
      />
    </section>
  );
}

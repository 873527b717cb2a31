// Long work the worker is doing (platform/progress.ts): what it does now and how far it is, with a
// progress bar (measured when there are several steps, else indeterminate). Not a live region: the
// steps would flood a screen reader; the outcome is announced by the section's status instead.
import type { Progress } from '../platform/progress';
import { useI18n } from '../ui/i18n';

export function WorkProgress({ progress }: { progress: readonly Progress[] }) {
  const { t } = useI18n();
  const running = progress.filter((p) => p.state === 'running');
  if (running.length === 0) return null;
  return (
    <div class="work">
      {running.map((p) => (
        <div key={p.task} class="work__task">
          <p id={`work-${p.task}`} class="work__text">
            {p.text}
          </p>
          {p.total > 1 ? (
            <progress aria-labelledby={`work-${p.task}`} value={p.done} max={p.total} />
          ) : (
            <progress aria-labelledby={`work-${p.task}`} />
          )}
        </div>
      ))}
      <p class="hint">{t('progressLeave')}</p>
    </div>
  );
}

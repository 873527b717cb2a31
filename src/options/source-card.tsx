// One source: what it holds, where it comes from, how its last fetch went and when the next try is,
// with its commands (refresh, remove) and any result held for the user's confirmation.
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { attemptFailed, type SourceOrigin, type SourceSummary } from '../platform/source-types';
import { clip, displayHost, formatDay } from '../ui/format';
import { isolate, useI18n } from '../ui/i18n';
import { SafeLink } from '../ui/safe-link';
import { formatMoment } from './format-time';
import { HeldNotice } from './held-notice';

export type SourceCommand = 'refresh' | 'allow' | 'remove' | 'confirm' | 'discard';

interface SourceCardProps {
  source: SourceSummary;
  /** The bundled source, and one the organisation's policy follows, cannot be removed. */
  removable: boolean;
  /** Which of this source's commands is running, if one is. */
  busy: SourceCommand | null;
  /** Another command (of this or another source) is running: this card's buttons wait. */
  locked: boolean;
  onCommand: (command: SourceCommand) => void;
}

const ORIGIN_KEY: Record<SourceOrigin, string> = {
  bundled: 'originBundled',
  fetched: 'originStored',
  imported: 'originImported',
  none: 'originNone',
};

/** The address whose origin the Allow button asks for: the source's, or where it redirects. */
export function allowUrl(source: SourceSummary): string | null {
  const outcome = source.lastAttempt?.outcome;
  if (outcome === 'no-permission') return source.url;
  if (outcome === 'redirect-refused') return source.redirectsTo;
  return null;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SourceCard({ source, removable, busy, locked, onCommand }: SourceCardProps) {
  const { t, locale } = useI18n();
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const hadHeld = useRef(source.held !== null);
  const wasConfirming = useRef(false);
  const focusLost = () => !document.activeElement || document.activeElement === document.body;
  // When the held result is settled its buttons vanish: focus goes to the source's heading rather
  // than falling to the page's body.
  useLayoutEffect(() => {
    if (hadHeld.current && !source.held && focusLost()) heading.current?.focus();
    hadHeld.current = source.held !== null;
  }, [source.held]);
  // Into the removal question and back out of it, focus follows.
  useLayoutEffect(() => {
    if (confirmingRemove) confirmButton.current?.focus();
    else if (wasConfirming.current && focusLost()) removeButton.current?.focus();
    wasConfirming.current = confirmingRemove;
  }, [confirmingRemove]);

  const title = clip(source.title, 200);
  const attempt = source.lastAttempt;
  const failed = attempt !== null && attemptFailed(attempt.outcome);
  const command = (which: SourceCommand) => () => {
    if (!locked) onCommand(which);
  };
  return (
    <li class="source" aria-busy={busy !== null}>
      <h3 class="source__name" dir="auto" tabIndex={-1} ref={heading}>
        {title}
      </h3>
      {source.managed && (
        <p class="managed">
          <span class="managed-label">{t('setByOrganisation')}</span> {t('sourceManagedHint')}
        </p>
      )}
      {source.problem && (
        <p class="problem">
          <span class="problem__label">{t('sourceProblem')}</span> {source.problem}
        </p>
      )}
      {source.held && (
        <HeldNotice
          held={source.held}
          title={source.title}
          busy={busy === 'confirm' || busy === 'discard' ? busy : null}
          locked={locked}
          onConfirm={command('confirm')}
          onDiscard={command('discard')}
        />
      )}
      {attempt && failed && (
        <p class="problem problem--error">
          <span class="problem__label">{t('lastAttemptFailed', formatMoment(attempt.at, locale))}</span>{' '}
          {attempt.message}
        </p>
      )}
      <dl class="source__facts">
        <Fact label={t('sourceVendors')}>{new Intl.NumberFormat(locale).format(source.vendorCount)}</Fact>
        <Fact label={t('sourceUpdated')}>
          {source.updated ? formatDay(source.updated, locale) : t('sourceNotDated')}
        </Fact>
        <Fact label={t('sourceUrl')}>
          {source.url ? (
            <>
              <SafeLink href={source.url}>{clip(source.url, 300)}</SafeLink>
              {source.redirectsTo && (
                <span class="muted"> {t('sourceRedirectsTo', isolate(clip(source.redirectsTo, 300)))}</span>
              )}
            </>
          ) : source.fileName ? (
            t('sourceFile', isolate(clip(source.fileName, 200)))
          ) : (
            <span class="muted">{t('sourceNoUrl')}</span>
          )}
        </Fact>
        <Fact label={t('sourceOrigin')}>{t(ORIGIN_KEY[source.origin] ?? 'originNone')}</Fact>
        {source.fetchedAt && <Fact label={t('sourceFetched')}>{formatMoment(source.fetchedAt, locale)}</Fact>}
        {source.url && (
          <Fact label={t('sourceKeptBy')}>
            {t(source.keptBy === 'visit' ? 'keptByVisit' : 'keptBySchedule')}
          </Fact>
        )}
        {source.capturedAt && (
          <Fact label={t('sourceCaptured')}>{formatMoment(source.capturedAt, locale)}</Fact>
        )}
        {source.importedAt && (
          <Fact label={t('sourceImported')}>{formatMoment(source.importedAt, locale)}</Fact>
        )}
        {/* A held result speaks for itself above; its attempt would only repeat it. */}
        {attempt && !failed && !(attempt.outcome === 'held' && source.held) && (
          <Fact label={t('sourceLastAttempt')}>
            {t('lastAttemptLine', [formatMoment(attempt.at, locale), attempt.message])}
          </Fact>
        )}
        {source.retryAt && <Fact label={t('sourceNextTry')}>{formatMoment(source.retryAt, locale)}</Fact>}
      </dl>
      <div class="actions">
        {source.url && allowUrl(source) && (
          <button
            type="button"
            class="button button--primary"
            aria-disabled={locked}
            onClick={command('allow')}
          >
            {busy === 'allow'
              ? t('refreshing')
              : t('allowAccess', isolate(displayHost(allowUrl(source) ?? '')))}
          </button>
        )}
        {source.url && (
          <button type="button" class="button" aria-disabled={locked} onClick={command('refresh')}>
            {busy === 'refresh' ? t('refreshing') : t('refreshSource')}{' '}
            <bdi class="visually-hidden">{title}</bdi>
          </button>
        )}
        {removable && !confirmingRemove && (
          <button
            type="button"
            class="button"
            ref={removeButton}
            aria-disabled={locked}
            onClick={() => !locked && setConfirmingRemove(true)}
          >
            {t('removeSource')} <bdi class="visually-hidden">{title}</bdi>
          </button>
        )}
      </div>
      {removable && confirmingRemove && (
        <fieldset class="confirm">
          <legend class="confirm__title">{t('removeConfirmLabel', isolate(title))}</legend>
          <p>{t('removeConfirmText', isolate(title))}</p>
          <div class="actions">
            <button
              type="button"
              class="button button--warning"
              ref={confirmButton}
              aria-disabled={locked}
              onClick={() => {
                if (!locked) onCommand('remove');
              }}
            >
              {busy === 'remove' ? t('working') : t('removeConfirm')}
            </button>
            <button
              type="button"
              class="button"
              aria-disabled={locked}
              onClick={() => !locked && setConfirmingRemove(false)}
            >
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

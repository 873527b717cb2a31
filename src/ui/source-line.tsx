// Which list the data comes from and how old it is, with the way to the sources and settings.
import type { ListSource } from '../core/list';
import { clip, formatAge, formatDay } from './format';
import { isolate, useI18n } from './i18n';

interface SourceLineProps {
  source: ListSource;
  now: Date;
  optionsHref: string;
  /** Opens the options page the browser's way (a popup cannot simply follow the link). */
  onOpenOptions?: () => void;
}

export function SourceLine({ source, now, optionsHref, onOpenOptions }: SourceLineProps) {
  const { t, locale } = useI18n();
  const title = isolate(clip(source.title || displaySourceHost(source.url) || '?', 200));
  const text = source.updated
    ? t('sourceLine', [title, formatDay(source.updated, locale), formatAge(source.updated, now, locale)])
    : t('sourceLineUndated', title);
  return (
    <p class="source-line">
      <span class="source-line__text">{text}</span>{' '}
      <a
        class="source-line__link"
        href={optionsHref}
        onClick={(event) => {
          if (!onOpenOptions) return;
          event.preventDefault();
          onOpenOptions();
        }}
      >
        {t('sourcesLink')}
      </a>
    </p>
  );
}

function displaySourceHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

// Search results: each vendor's name is a heading holding the button that opens its card.
// Arrow keys move between results (and back up to the search field); Enter opens one.
import type { TargetedKeyboardEvent } from 'preact';
import type { Vendor } from '../core/list';
import type { SearchHit } from '../core/search/search';
import { topFlag } from '../core/severity';
import { SeverityLabel, severityOf } from '../ui/findings';
import { clip, displayHost, safeHttpUrl } from '../ui/format';
import { useI18n } from '../ui/i18n';
import { NewMarker } from '../ui/new-marker';

interface ResultListProps {
  hits: readonly SearchHit[];
  /** When a list added the vendor, if recently: the result says "new". */
  addedOn?: (vendor: Vendor) => string | null;
  onOpen: (index: number) => void;
  /** Focus leaves the list upwards (ArrowUp on the first result). */
  onExitTop: () => void;
  /** A printable key on a result goes back to the search field. */
  onType: () => void;
}

/** Moves focus among the result buttons; answers whether the key was handled. */
export function moveFocus(list: HTMLElement, from: HTMLElement, key: string): boolean | 'top' {
  const buttons = Array.from(list.querySelectorAll<HTMLButtonElement>('.result__open'));
  const at = buttons.indexOf(from as HTMLButtonElement);
  if (at < 0) return false;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[key];
  if (next === undefined) return false;
  if (next < 0) return 'top';
  buttons[Math.min(next, buttons.length - 1)]?.focus();
  return true;
}

export function ResultList({ hits, addedOn, onOpen, onExitTop, onType }: ResultListProps) {
  const { t } = useI18n();
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      onType();
      return;
    }
    const moved = moveFocus(event.currentTarget, target, event.key);
    if (moved === 'top') onExitTop();
    if (moved) event.preventDefault();
  };
  return (
    <ul class="results" aria-label={t('resultsLabel')} onKeyDown={onKeyDown}>
      {hits.map((hit) => {
        const flag = topFlag(hit.vendor.flags);
        const site = safeHttpUrl(hit.vendor.website);
        const added = addedOn?.(hit.vendor) ?? null;
        return (
          <li key={hit.index} class="result">
            <h2 class="result__name">
              <button
                type="button"
                class="result__open"
                data-vendor={hit.index}
                onClick={() => onOpen(hit.index)}
              >
                <span dir="auto">{clip(hit.vendor.name, 300)}</span>
              </button>
            </h2>
            {flag && <SeverityLabel severity={severityOf(flag)} />}
            <p class="result__meta">
              {added && <NewMarker since={added} />}
              {site && <span>{displayHost(site)}</span>}
              {hit.vendor.location.text && <span dir="auto">{clip(hit.vendor.location.text, 200)}</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

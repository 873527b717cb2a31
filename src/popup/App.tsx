// The popup: a search field over every vendor, the tab's vendor when the field is empty, and the
// source line. Data arrives as props; the entry point (index.tsx) fetches it from the platform. The
// tab's vendor may come first and the register for search just after (the first paint needs only
// the one vendor): until the register and the search code are there, a search says it is loading.
import type { ComponentChildren, JSX, TargetedKeyboardEvent } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListSource, SubprocessorList, Vendor } from '../core/list';
import { buildMatchIndex } from '../core/match';
import { mergesSeveralLists } from '../core/register/merge';
import type { ReviewStatus } from '../core/register/review-state';
import type { SearchIndex } from '../core/search/search';
import { EmptyState } from '../ui/empty-state';
import { isolate, plural, useI18n } from '../ui/i18n';
import { SourceLine } from '../ui/source-line';
import { VendorCard } from '../ui/vendor-card';
import { ResultList } from './result-list';
import { type SiteMatch, SiteView, siteMatchOf } from './site-view';

export const RESULT_LIMIT = 20;

export interface PopupAppProps {
  /** The register to search; null while it loads (then `site` and `source` must be given). */
  list: SubprocessorList | null;
  /** The URL of the tab the popup describes; null for none (a browser page, no tab). */
  tabUrl: string | null;
  /** What the tab's host matched, when known without the register (read views); else from `list`. */
  site?: SiteMatch;
  /** The register's source line; else `list.source`. */
  source?: ListSource;
  /** Whether the register merges several lists; else found from `list`. */
  severalLists?: boolean;
  now: Date;
  optionsHref: string;
  onOpenOptions?: () => void;
  /** Called once, after the first content is on screen (for the time-to-first-result mark). */
  onFirstRender?: () => void;
  /** Called after the results for a query are on screen. */
  onResultsRender?: (query: string, count: number) => void;
  /** When a list added the vendor, if recently (see new-vendors.ts): the card and result say "new". */
  addedOn?: (vendor: Vendor) => string | null;
  /** What the tab's page holds (page-offer.tsx), shown above the site's card once it is read. */
  pageOffer?: ComponentChildren;
  /** The team's review status of a vendor (the register's "my status"); none by default. */
  myStatus?: (vendor: Vendor) => ReviewStatus | null;
  /** The register page's address; no link without it. */
  registerHref?: string;
  /** The search code (core/search), loaded after the first paint (index.tsx): until it is given,
   * as until the register is, a search says it is loading. */
  searchIndexOf?: (vendors: readonly Vendor[]) => SearchIndex;
  /** Set when the search code could not be loaded: a search says so, not that it is loading. */
  searchFailed?: boolean;
}

const never = () => null;
const NO_SOURCE: ListSource = { title: '', url: null, updated: null };

/** The search index for a list, built on first use and kept until the list changes. */
function useSearchIndex(
  list: SubprocessorList | null,
  build: PopupAppProps['searchIndexOf'],
): () => SearchIndex | null {
  const cache = useRef<{ list: SubprocessorList; index: SearchIndex } | null>(null);
  const get = () => {
    if (!list || !build) return null;
    if (cache.current?.list !== list) cache.current = { list, index: build(list.vendors) };
    return cache.current.index;
  };
  // Build it just after the first paint, so the first keystroke does not wait for it.
  useEffect(() => {
    const timer = setTimeout(get, 0);
    return () => clearTimeout(timer);
  });
  return get;
}

export function App(props: PopupAppProps) {
  const { list, tabUrl, now, optionsHref, onOpenOptions, onFirstRender, onResultsRender } = props;
  const addedOn = props.addedOn ?? never;
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLElement>(null);
  const reopen = useRef<number | null>(null);
  const searchIndex = useSearchIndex(list, props.searchIndexOf);
  // What a search needs: the register, and the code that searches it.
  const ready = list !== null && props.searchIndexOf !== undefined;
  const site = useMemo(
    () => props.site ?? siteMatchOf(list ? buildMatchIndex(list) : null, tabUrl),
    [props.site, list, tabUrl],
  );
  const showListedBy = useMemo(
    () => props.severalLists ?? (list ? mergesSeveralLists(list) : false),
    [props.severalLists, list],
  );
  const source = props.source ?? list?.source ?? NO_SOURCE;
  const searching = query.trim() !== '';
  const hits = useMemo(
    () => (searching ? (searchIndex()?.search(query, RESULT_LIMIT) ?? []) : []),
    [query, list, props.searchIndexOf],
  );
  const openedVendor = opened === null ? undefined : list?.vendors[opened];

  useLayoutEffect(() => input.current?.focus(), []);
  useEffect(() => onFirstRender?.(), []);
  useEffect(() => {
    if (searching && ready) onResultsRender?.(query, hits.length);
  }, [hits]);
  // Back from a card: focus returns to the result that opened it, in the same frame (before the
  // browser moves focus to the body because the focused button is gone).
  useLayoutEffect(() => {
    if (opened !== null || reopen.current === null) return;
    results.current?.querySelector<HTMLElement>(`[data-vendor="${reopen.current}"]`)?.focus();
    reopen.current = null;
  }, [opened]);

  // Escape clears the search wherever focus is; with nothing to clear it is left to the browser
  // (which closes the popup). One listener for the popup's life, reading the latest state.
  const hasSearch = useRef(false);
  hasSearch.current = query !== '' || opened !== null;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !hasSearch.current) return;
      event.preventDefault();
      setQuery('');
      setOpened(null);
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const open = (index: number) => setOpened(index);
  const back = () => {
    reopen.current = opened;
    setOpened(null);
  };
  const onInputKey = (event: TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && searching && opened === null && hits.length > 0) {
      event.preventDefault();
      results.current?.querySelector<HTMLElement>('.result__open')?.focus();
    } else if (event.key === 'Enter' && hits[0] && opened === null) {
      event.preventDefault();
      open(hits[0].index);
    }
  };
  let view: JSX.Element;
  if (!searching)
    view = (
      <>
        {props.pageOffer}
        <SiteView site={site} addedOn={addedOn} showListedBy={showListedBy} myStatus={props.myStatus} />
      </>
    );
  else if (!ready && props.searchFailed)
    view = <EmptyState title={t('searchFailedTitle')}>{t('searchFailedHint')}</EmptyState>;
  else if (!ready) view = <EmptyState title={t('loading')} />;
  else if (openedVendor)
    view = (
      <>
        <button type="button" class="button back" onClick={back}>
          <span aria-hidden="true">← </span>
          {t('backToResults')}
        </button>
        <VendorCard
          vendor={openedVendor}
          focusOnShow
          addedOn={addedOn(openedVendor)}
          showListedBy={showListedBy}
          myStatus={props.myStatus?.(openedVendor) ?? null}
        />
      </>
    );
  else if (hits.length === 0)
    view = <EmptyState title={t('noResultsTitle', isolate(query.trim()))}>{t('noResultsHint')}</EmptyState>;
  else
    view = (
      <ResultList
        hits={hits}
        addedOn={addedOn}
        onOpen={open}
        onExitTop={() => input.current?.focus()}
        onType={() => input.current?.focus()}
      />
    );

  return (
    <div class="popup__app">
      <search class="search">
        <label class="visually-hidden" for="search">
          {t('searchLabel')}
        </label>
        <input
          ref={input}
          id="search"
          class="search__input"
          type="search"
          value={query}
          placeholder={t('searchPlaceholder')}
          aria-describedby="search-help"
          autoComplete="off"
          spellcheck={false}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setOpened(null);
          }}
          onKeyDown={onInputKey}
        />
        <p id="search-help" class="visually-hidden">
          {t('searchHelp')}
        </p>
      </search>
      <main class="popup__main" ref={results}>
        <h1 class="visually-hidden">{t('popupTitle')}</h1>
        <p class="visually-hidden" role="status">
          {searching && opened === null
            ? ready
              ? plural(i18n, 'resultCount', hits.length)
              : t(props.searchFailed ? 'searchFailedTitle' : 'loading')
            : ''}
        </p>
        {view}
      </main>
      <footer>
        <SourceLine source={source} now={now} optionsHref={optionsHref} onOpenOptions={onOpenOptions} />
        {props.registerHref && (
          <p class="popup__register">
            <a href={props.registerHref} target="_blank" rel="noopener">
              {t('popupOpenRegister')}
            </a>
          </p>
        )}
      </footer>
    </div>
  );
}

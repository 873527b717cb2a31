// Register page entry. The first rows need only the register, which the read views give in a few
// compressed reads (store/lookup-write.ts), with the team's reviews and the settings; the pages
// summary (store/pages-summary.ts, a few KB) is read just after that paint, for the refresh history
// (objection windows, changes per month) and each source's own date (stale lists). Without usable
// views or summary, the register and the record are read the full way (about 0.5 s a read at 10,000
// vendors). Changes elsewhere (a refresh, a review saved in another tab) show.
import { render } from 'preact';
import { LIST_FORMAT, type SubprocessorList, type Vendor } from '../core/list';
import type { HistoryEntry } from '../core/register/history-schema';
import type { Review, ReviewRead } from '../core/register/review-state';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/runtime';
import type { SourceSummary } from '../platform/source-types';
import {
  type HeadRead,
  loadList,
  loadReviews,
  loadSettings,
  loadSourcesPage,
  onReviewsChanged,
  onSettingsChanged,
  onStoreChanged,
  readLookupHead,
  readRegisterLookup,
  readVendorChunk,
  type Settings,
  type SourcesPageRead,
  type StoreChange,
  saveReview,
} from '../platform/store';
import { EmptyState } from '../ui/empty-state';
import { I18nProvider, makeI18n } from '../ui/i18n';
import { App, type RegisterSourceInfo } from './App';
import { searchOfView, viewFromSearch } from './url-state';

/** The marks a benchmark reads: navigation start -> the first page of rows on screen; and
 * 'register:rows:<query>' after the rows for a query are. */
export const FIRST_ROWS_MARK = 'register:first-rows';

interface Data {
  list: SubprocessorList;
  sources: RegisterSourceInfo[];
  history: HistoryEntry[];
  reviews: ReviewRead;
  settings: Settings;
  problem: string | null;
  /** Set while only the first vendors are shown: the register's size. */
  loadingTotal: number | null;
}

/** The sources as the register's listings name them: enough for the first paint. */
function sourcesOfListings(list: SubprocessorList): RegisterSourceInfo[] {
  const seen = new Map<string, RegisterSourceInfo>();
  for (const vendor of list.vendors)
    for (const l of vendor.listedBy ?? [])
      if (!seen.has(l.sourceId)) seen.set(l.sourceId, { id: l.sourceId, title: l.title, updated: null });
  return [...seen.values()];
}

async function fullList(head: HeadRead): Promise<SubprocessorList> {
  const view = head.kind === 'ready' ? await readRegisterLookup(head.head) : null;
  return view ? view.list : (await loadList()).list;
}

/** The register's first vendors (one chunk of the views), for a first page in register order; null
 * when the view asks for more than that (a filter, a sort, a later page) or there are no views. */
async function firstVendors(
  head: HeadRead,
  search: string,
): Promise<{ list: SubprocessorList; total: number } | null> {
  if (head.kind !== 'ready' || searchOfView(viewFromSearch(search)) !== '') return null;
  const chunk = await readVendorChunk(head.head, 0);
  if (!chunk) return null;
  return {
    list: { format: LIST_FORMAT, source: head.head.source, vendors: chunk.vendors },
    total: head.head.vendorCount,
  };
}

function reviewProblem(read: ReviewRead): string | null {
  const p = read.problem;
  if (!p) return null;
  if (p.kind === 'newer') return t('reviewProblemNewer', String(p.version));
  if (p.kind === 'damaged') return t('reviewProblemDamaged', String(p.skipped));
  return t('reviewProblemCorrupt', p.reason);
}

/** A source with a stored list that is sound: it counts even while it lists no vendor. */
const holdsList = (source: SourceSummary) =>
  (source.origin === 'fetched' || source.origin === 'imported') && source.problem === null;

/** The part beside the rows: every source of the register (or with a list of its own) with its
 * own date, the merged history, and the store's problem line. What the options page reads
 * (store/source-summaries.ts): the pages summary, a few KB, when it is the record's; otherwise one
 * full read of the record (about 0.5 s at 10,000 vendors). */
async function sourcesPart(
  list: SubprocessorList,
  how: SourcesPageRead = {},
): Promise<Pick<Data, 'sources' | 'history' | 'problem'>> {
  const page = await loadSourcesPage(how);
  const inRegister = new Set(sourcesOfListings(list).map((s) => s.id));
  const sources = page.sources
    .filter((s) => inRegister.has(s.id) || holdsList(s))
    .map(({ id, title, updated }) => ({ id, title, updated }));
  return { sources, history: page.history, problem: page.problem };
}

const today = () => new Date().toISOString().slice(0, 10);

function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export async function start(root: HTMLElement): Promise<void> {
  const i18n = makeI18n(t);
  document.documentElement.lang = i18n.locale;
  document.title = t('registerTitle');
  performance.mark('register:start');
  let data: Data;
  const show = () =>
    render(
      <I18nProvider value={i18n}>
        <App
          list={data.list}
          sources={data.sources}
          history={data.history}
          reviews={data.reviews.reviews}
          objectionDays={data.settings.objectionDays}
          today={today()}
          initialSearch={location.search}
          onViewChange={(search) => history.replaceState(null, '', `${location.pathname}${search}`)}
          onSaveReview={(vendor: Vendor, review: Review) => saveReview(vendor, review)}
          problem={data.problem ?? reviewProblem(data.reviews)}
          loadingTotal={data.loadingTotal}
          optionsHref={extensionUrl('options.html')}
          onRowsRender={(query) => {
            if (!performance.getEntriesByName(FIRST_ROWS_MARK).length) performance.mark(FIRST_ROWS_MARK);
            performance.mark(`register:rows:${query}`);
          }}
        />
      </I18nProvider>,
      root,
    );
  try {
    const head = await readLookupHead();
    const [first, reviews, settings] = await Promise.all([
      firstVendors(head, location.search),
      loadReviews(),
      loadSettings(),
    ]);
    const base = { reviews, settings, history: [], problem: null };
    if (first) {
      const { list, total } = first;
      data = { ...base, list, sources: sourcesOfListings(list), loadingTotal: total };
      show();
      await afterPaint();
    }
    const list = await fullList(head);
    performance.mark('register:data');
    data = { ...base, list, sources: sourcesOfListings(list), loadingTotal: null };
    show();
    await afterPaint();
    data = { ...data, ...(await sourcesPart(list)) };
    show();
    performance.mark('register:complete');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    render(
      <I18nProvider value={i18n}>
        <main class="register__app">
          <EmptyState title={t('loadFailed', reason)} />
        </main>
      </I18nProvider>,
      root,
    );
    return;
  }
  // Reads are ordered: a slow read must not overwrite a newer one.
  let generation = 0;
  // The views and the summary when the store code wrote them; the record itself when it was
  // written from outside, without them (they then describe the record before).
  const reload = async (change: StoreChange) => {
    const mine = ++generation;
    const fullRead = change === 'record';
    const list = fullRead ? (await loadList()).list : await fullList(await readLookupHead());
    const part = await sourcesPart(list, { fullRead });
    if (mine !== generation) return;
    data = { ...data, list, ...part };
    show();
  };
  onStoreChanged((change) => void reload(change).catch(() => undefined));
  onReviewsChanged(() => {
    void loadReviews().then((reviews) => {
      data = { ...data, reviews };
      show();
    });
  });
  onSettingsChanged((settings) => {
    data = { ...data, settings };
    show();
  });
}

const root = document.getElementById('app');
if (root) void start(root);

// Register page entry. The first rows need only the register, which the read views give in a few
// compressed reads (store/lookup-write.ts), with the team's reviews and the settings; the stored record
// (about 0.5 s at 10,000 vendors) is read just after that paint, for the refresh history (objection
// windows, changes per month) and each source's own date (stale lists). Without usable views the
// register is read the full way. Changes elsewhere (a refresh, a review saved in another tab) show.
import { render } from 'preact';
import { LIST_FORMAT, type SubprocessorList, type Vendor } from '../core/list';
import { mergeHistories } from '../core/register/history';
import type { HistoryEntry } from '../core/register/history-schema';
import type { Review, ReviewRead } from '../core/register/review-state';
import { t } from '../platform/i18n';
import { extensionUrl } from '../platform/runtime';
import {
  allSources,
  type HeadRead,
  loadList,
  loadReviews,
  loadSettings,
  onReviewsChanged,
  onSettingsChanged,
  onStoreChanged,
  readLookupHead,
  readRegisterLookup,
  readStore,
  readVendorChunk,
  type Settings,
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

/** The record's part: every source with its own date, and the merged history. */
async function recordPart(list: SubprocessorList): Promise<Pick<Data, 'sources' | 'history'>> {
  const read = await readStore();
  if (read.kind !== 'ok') return { sources: sourcesOfListings(list), history: [] };
  const inRegister = new Set(sourcesOfListings(list).map((s) => s.id));
  const sources = allSources(read.record)
    .filter((s) => inRegister.has(s.id) || s.list)
    .map((s) => ({
      id: s.id,
      title: s.title,
      updated: s.list?.source.updated ?? (inRegister.has(s.id) ? list.source.updated : null),
    }));
  return { sources, history: mergeHistories(Object.values(read.record.sources).map((s) => s.history)) };
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
    data = { ...data, ...(await recordPart(list)) };
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
  const reload = async () => {
    const mine = ++generation;
    const loaded = await loadList();
    const part = await recordPart(loaded.list);
    if (mine !== generation) return;
    data = { ...data, list: loaded.list, problem: loaded.problem, ...part };
    show();
  };
  onStoreChanged(() => void reload().catch(() => undefined));
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

// The popup's page commands: what the rendered page of its tab holds (inspectPage), and following
// it as a source (followPage). The worker reads and parses the page, so the parser stays out of the
// popup's bundle and the popup's first paint; the popup asks after that paint.

import { sourceUrl } from '../core/normalize/url';
import { capturePage, type PageCapture } from '../platform/capture-page';
import { t } from '../platform/i18n';
import { failure } from '../platform/messages';
import { hasOrigin } from '../platform/permissions';
import type { PagePreview, Reply } from '../platform/source-types';
import { snapshotSource } from '../platform/store';
import { currentSources, freshId, ok, write } from './command-support';
import { parser } from './parser';
import { applyCapture } from './refresh-runner';
import { planAlarms } from './schedule';

/** Names shown in the popup's preview. */
const PREVIEW_NAMES = 5;

export async function previewOf(capture: PageCapture, followedId: string | null): Promise<PagePreview> {
  const empty = { title: '', list: null, links: [], followedId };
  if (capture.kind === 'refused') return { ...empty, state: 'refused', url: null };
  const url = sourceUrl(capture.url);
  if (capture.kind === 'too-large' || !url) return { ...empty, state: 'too-large', url: capture.url };
  const { title, found, links } = await parser.readPage(capture, url);
  if (found) {
    const { vendors } = found.list;
    return {
      ...empty,
      state: 'list',
      url,
      title,
      list: {
        count: vendors.length,
        names: vendors.slice(0, PREVIEW_NAMES).map((v) => v.name),
        reader: found.reader,
        confidence: found.confidence,
      },
    };
  }
  return { ...empty, state: links.length ? 'links' : 'none', url, title, links };
}

async function followedSource(url: string | null, sources = currentSources()) {
  if (!url) return null;
  return (await sources).find((s) => s.url === url) ?? null;
}

export async function inspectPage({ tabId }: { tabId: number }): Promise<Reply> {
  // The sources are read while the page is (a large register takes a while to read).
  const sources = currentSources();
  sources.catch(() => undefined);
  const capture = await capturePage(tabId);
  const url = capture.kind === 'refused' ? null : sourceUrl(capture.url);
  const followed = await followedSource(url, sources);
  const page = await previewOf(capture, followed?.id ?? null);
  // Without the origin's permission no visit re-reads a page followed from the popup: opening the
  // popup there does. (A source added by its address is kept by its fetch, as before.)
  const fromPage = followed !== null && followed.capturedAt !== null;
  if (fromPage && capture.kind === 'page' && page.state === 'list' && url && !(await hasOrigin(url)))
    await applyCapture(followed.id, capture.html, { trigger: 'visit' });
  return { ...ok('', followed?.id ?? null), page };
}

export async function followPage({ tabId }: { tabId: number }): Promise<Reply> {
  const capture = await capturePage(tabId);
  const url = capture.kind === 'page' ? sourceUrl(capture.url) : null;
  if (capture.kind !== 'page' || !url) return failure(t('followNoList'));
  const { title, found } = await parser.readPage(capture, url);
  if (!found) return failure(t('followNoList'));
  const existing = await followedSource(url);
  if (existing) {
    const report = await applyCapture(existing.id, capture.html, { trigger: 'user' });
    return ok(report?.message ?? t('followAlready', existing.title), existing.id, report ? [report] : []);
  }
  let id = '';
  const refused = await write((record) => {
    id = freshId(record, new URL(url).hostname.replace(/^www\./, ''));
    record.sources[id] = {
      ...snapshotSource(id),
      title,
      url,
      kind: 'url',
      addedAt: new Date().toISOString(),
    };
    return record;
  });
  if (refused) return refused;
  const report = await applyCapture(id, capture.html, { trigger: 'user', recordFirst: true });
  await planAlarms();
  if (!report) return failure(t('followNoList'), id);
  return ok(t('followDone', title), id, [report]);
}

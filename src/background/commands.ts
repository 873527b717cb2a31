// The background's answers to the options page's commands (platform/messages.ts). Each one is a
// serialised store write, or a refresh, followed by re-planning the alarms.

import { cleanText, MAX_NAME } from '../core/normalize/text';
import { sourceUrl } from '../core/normalize/url';
import { applyList } from '../core/refresh/apply-list';
import { judgeRefresh } from '../core/refresh/decision';
import { afterSuccess } from '../core/refresh/retry-policy';
import { diffLists } from '../core/register/diff';
import { t } from '../platform/i18n';
import { followedByPolicy, loadAppliedPolicy } from '../platform/managed-policy';
import { failure } from '../platform/messages';
import { clearSourceNotification } from '../platform/notifications';
import { originPattern, releaseOrigin } from '../platform/permissions';
import type { Handlers } from '../platform/serve-requests';
import { READER_KEYS, type Reply } from '../platform/source-types';
import { BUNDLED_SOURCE_IDS, type StoredSource, snapshotSource } from '../platform/store';
import { currentSources, freshId, ok, refusing, write } from './command-support';
import { readingFileText, readingText, refreshingText, runWork, type Work } from './long-work';
import { followPage, inspectPage } from './page-commands';
import { parser } from './parser';
import { refreshMany, refreshOne } from './refresh-runner';
import { summaryText } from './refresh-text';
import { planAlarms } from './schedule';
import { heldResult, sourceIn, writeSource } from './source-write';

async function refresh({ sourceId }: { sourceId: string }): Promise<Reply> {
  const sources = await currentSources();
  if (sourceId === 'all') {
    const ids = sources.filter((s) => s.url !== null).map((s) => s.id);
    const first = sources.find((s) => s.id === ids[0]);
    const firstStep = refreshingText(1, ids.length, readingText(first?.title ?? ''));
    return runWork('refresh-all', ids.length, firstStep, async (work) => {
      const reports = await refreshMany(ids, {
        trigger: 'user',
        onStep: ({ sourceId: id, title, vendors }) => {
          const at = ids.indexOf(id);
          void work.step(refreshingText(at + 1, ids.length, readingText(title, vendors)), at);
        },
      });
      await planAlarms();
      return ok(t('refreshAllDone', String(reports.length)), null, reports);
    });
  }
  const source = sources.find((s) => s.id === sourceId);
  if (!source) return failure(t('commandUnknownSource', sourceId), sourceId);
  if (!source.url) return failure(t('commandNoUrl', source.title), sourceId);
  const report = await refreshOne(sourceId, { trigger: 'user' });
  await planAlarms();
  if (!report) return failure(t('commandUnknownSource', sourceId), sourceId);
  return ok(report.message, sourceId, [report]);
}

/**
 * Adds a source by its address and fetches it at once: the user's "Add" and an organisation's
 * policy (apply-policy.ts) both come here. Asks no permission: the page asks before it sends.
 */
export async function addSourceByUrl(raw: string, title?: string | null): Promise<Reply> {
  const url = sourceUrl(raw);
  if (!url || !originPattern(url)) return failure(t('commandBadUrl'));
  const existing = (await currentSources()).find((s) => s.url === url);
  if (existing) return failure(t('commandDuplicateUrl', existing.title), existing.id);
  let id = '';
  const refused = await write((record) => {
    // The address of a bundled source the user removed brings that source back, snapshot and all.
    const shipped = BUNDLED_SOURCE_IDS.map(snapshotSource).find((s) => s.url === url);
    if (shipped && record.removedBundled.includes(shipped.id)) {
      id = shipped.id;
      record.removedBundled = record.removedBundled.filter((x) => x !== id);
      return record;
    }
    const host = new URL(url).hostname.replace(/^www\./, '');
    id = freshId(record, host);
    record.sources[id] = {
      ...snapshotSource(id),
      title: cleanText(title ?? '', MAX_NAME) || host,
      url,
      kind: 'url',
      addedAt: new Date().toISOString(),
    };
    return record;
  });
  if (refused) return refused;
  const name = (await currentSources()).find((s) => s.id === id)?.title ?? url;
  return runWork('add', 1, readingText(name), async (work) => {
    const report = await refreshOne(id, {
      trigger: 'user',
      onStep: ({ title, vendors }) => void work.step(readingText(title, vendors)),
    });
    await planAlarms();
    return ok(report?.message ?? '', id, report ? [report] : []);
  });
}

function addSource({ url, title }: { url: string; title?: string | undefined }): Promise<Reply> {
  return addSourceByUrl(url, title);
}

async function removeSource({ id }: { id: string }): Promise<Reply> {
  const policy = await loadAppliedPolicy();
  const named = (await currentSources()).find((s) => s.id === id);
  if (named && followedByPolicy(policy, named.url))
    return failure(t('commandManagedSource', named.title), id);
  let removed: StoredSource | null = null;
  const refused = await write((record) => {
    removed = sourceIn(record, id);
    if (!removed) return null;
    delete record.sources[id];
    if (BUNDLED_SOURCE_IDS.includes(id) && !record.removedBundled.includes(id))
      record.removedBundled.push(id);
    return record;
  });
  if (refused) return refused;
  const gone = removed as StoredSource | null;
  if (!gone) return failure(t('commandUnknownSource', id), id);
  await clearSourceNotification(id);
  // Its address's origin, and the one it redirected to, are given back unless another source uses them.
  const left = (await currentSources()).flatMap((s) => [s.url, s.redirectedTo]);
  for (const url of new Set([gone.url, gone.redirectedTo])) {
    if (!url) continue;
    const origin = originPattern(url);
    if (!left.some((other) => other && originPattern(other) === origin)) await releaseOrigin(url);
  }
  await planAlarms();
  return ok(t('commandRemoved', gone.title), id);
}

async function confirmHeld({ id }: { id: string }): Promise<Reply> {
  const source = (await currentSources()).find((s) => s.id === id);
  if (!source) return failure(t('commandUnknownSource', id), id);
  let message = '';
  const refused = await refusing(() =>
    writeSource(
      source,
      (record) => sourceIn(record, id),
      (current, stored) => {
        const { held } = current;
        if (!held) return null;
        const at = new Date().toISOString();
        const diff = stored ? diffLists(stored, held.list) : null;
        const { next, summary } = applyList(current, held.list, { at, diff, confirmed: true });
        message = t('refreshConfirmed', summary ? summaryText(summary) : String(held.list.vendors.length));
        return {
          ...next,
          // A file is imported, not fetched: it keeps no fetch time (store/source-summaries.ts reads origin from it).
          fetchedAt: current.kind === 'file' ? current.fetchedAt : held.at,
          etag: held.etag,
          lastModified: held.lastModified,
          retry: afterSuccess(),
          lastAttempt: { at, outcome: 'updated', message },
        };
      },
    ),
  );
  if (refused) return refused;
  if (!message) return failure(t('commandNothingHeld', source.title), id);
  await clearSourceNotification(id);
  return ok(message, id);
}

async function discardHeld({ id }: { id: string }): Promise<Reply> {
  const source = (await currentSources()).find((s) => s.id === id);
  if (!source) return failure(t('commandUnknownSource', id), id);
  let discarded = false;
  const refused = await write((record) => {
    const current = sourceIn(record, id);
    if (!current?.held) return null;
    // An imported file whose only list was a discarded preview leaves nothing to keep.
    if (current.kind === 'file' && !current.list) delete record.sources[id];
    else record.sources[id] = { ...current, held: null };
    discarded = true;
    return record;
  });
  if (refused) return refused;
  if (!discarded) return failure(t('commandNothingHeld', source.title), id);
  await clearSourceNotification(id);
  return ok(t('commandHeldDiscarded'), id);
}

/**
 * A list from a file becomes a source without an address. Importing a file of the same name again
 * updates that source, with a history entry for what changed: the user's import is the confirmation.
 */
async function importList({ text, fileName }: { text: string; fileName: string }): Promise<Reply> {
  // The file's name is untrusted text like the list's (a right-to-left override can make
  // "invoice\u202Egpj.md" read as "invoicedm.jpg"): cleaned before it becomes a title.
  const name = cleanText(fileName.split(/[\\/]/).pop() ?? '', MAX_NAME) || 'list';
  return runWork('import', 1, readingFileText(name), (work) => importParsed(text, name, work));
}

async function importParsed(text: string, name: string, work: Work): Promise<Reply> {
  const parsed = await parser.parse(text, { fileName: name });
  const decision = judgeRefresh(null, parsed);
  if (decision.action === 'reject') return failure(t('commandImportFailed', [name, decision.message]));
  await work.step(readingFileText(name, decision.list.vendors.length));
  const title =
    parsed.ok && parsed.format === 'v1-json' ? decision.list.source.title : name.replace(/\.[^.]+$/, '');
  const list = { ...decision.list, source: { ...decision.list.source, title } };
  const at = new Date().toISOString();
  // A list read from cues (prose, links) is held as a preview on the source until the user keeps it.
  const preview = decision.action === 'hold';
  const message = preview
    ? t('refreshHeldPreview', [t(READER_KEYS[decision.reader]), String(list.vendors.length)])
    : t('refreshImported', [String(list.vendors.length), name]);
  let id = '';
  let same: StoredSource | undefined;
  const refused = await refusing(() =>
    writeSource(
      null,
      (record) => {
        same = Object.values(record.sources).find((s) => s.kind === 'file' && s.fileName === name);
        id = same?.id ?? freshId(record, title);
        return same ?? { ...snapshotSource(id), kind: 'file', url: null, fileName: name, addedAt: at };
      },
      (base) => {
        if (preview) {
          const diff = diffLists(base.list ?? { ...list, vendors: [] }, list);
          return {
            ...base,
            title: same ? base.title : title,
            held: heldResult(
              {
                at,
                reason: 'preview',
                reader: decision.reader,
                confidence: decision.confidence,
                message,
                before: base.list?.vendors.length ?? 0,
                list,
                etag: null,
                lastModified: null,
              },
              diff,
              title,
            ),
            lastAttempt: { at, outcome: 'held', message },
          };
        }
        const diff = same?.list ? diffLists(same.list, list) : null;
        const { next } = applyList({ ...base, title }, list, { at, diff, confirmed: true });
        return { ...next, lastAttempt: { at, outcome: same ? 'updated' : 'first', message } };
      },
    ),
  );
  return refused ?? ok(message, id);
}

export const handlers: Handlers = {
  refresh,
  addSource,
  removeSource,
  confirmHeld,
  discardHeld,
  importList,
  inspectPage,
  followPage,
};

// Builders for options-page tests: source views, replies, history entries and fake commands, shaped
// as the platform gives them (platform/source-types.ts, core/register/history.ts).
import { vi } from 'vitest';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { diffLists } from '../../src/core/register/diff';
import { historyEntry } from '../../src/core/register/history';
import type { HistoryEntry } from '../../src/core/register/history-schema';
import type { RefreshActions } from '../../src/options/actions';
import type { Reply, SourceReport, SourceSummary } from '../../src/platform/source-types';
import { seedList } from './ui';

// Times on the options page are the user's local time; the tests read them in UTC.
process.env.TZ = 'UTC';

export const DOVETAIL_URL = 'https://dovetailapp.com/legal/data-subprocessors';

export function sourceView(overrides: Partial<SourceSummary> = {}): SourceSummary {
  return {
    id: 'dovetail',
    title: 'Dovetail',
    url: DOVETAIL_URL,
    redirectsTo: null,
    origin: 'bundled',
    fileName: null,
    vendorCount: 7,
    updated: '2018-10-08',
    fetchedAt: null,
    importedAt: null,
    lastAttempt: null,
    retryAt: null,
    held: null,
    problem: null,
    keptBy: 'schedule',
    capturedAt: null,
    managed: false,
    ...overrides,
  };
}

export function reply(message: string, reports: SourceReport[] = [], ok = true): Reply {
  return { ok, message, sourceId: reports[0]?.sourceId ?? null, reports };
}

/** Commands that answer at once, each a spy; pass overrides for particular answers. */
export function fakeActions(overrides: Partial<RefreshActions> = {}): RefreshActions {
  return {
    refresh: vi.fn(async () =>
      reply('', [
        {
          sourceId: 'dovetail',
          title: 'Dovetail',
          outcome: 'unchanged',
          message: 'The list has not changed.',
        },
      ]),
    ),
    requestOrigin: vi.fn(async () => true),
    addSource: vi.fn(async () => reply('“Acme” was added.')),
    removeSource: vi.fn(async () => reply('“Acme” was removed.')),
    confirmHeld: vi.fn(async () => reply('Applied after your confirmation.')),
    discardHeld: vi.fn(async () => reply('The held version was discarded; the current list stays in use.')),
    importList: vi.fn(async () => reply('Imported 3 vendors from acme.md.')),
    exportRegister: vi.fn(async () => `${JSON.stringify(seedList(), null, 2)}\n`),
    ...overrides,
  };
}

/** A promise with its resolve function outside, to hold a command "busy" while a test looks. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The history entry the core writes for a refresh from `before` to `after`. */
export function entryFor(
  before: SubprocessorList,
  after: SubprocessorList,
  at: string,
  sourceId = 'dovetail',
): HistoryEntry {
  const entry = historyEntry(diffLists(before, after), { at, sourceId, listTitle: 'Dovetail' });
  if (!entry) throw new Error('no news in that refresh');
  return entry;
}

/** The seed list with one vendor changed by `change`. */
export function seedWith(name: string, change: (v: Vendor) => Vendor): SubprocessorList {
  const list = seedList();
  return { ...list, vendors: list.vendors.map((v) => (v.name === name ? change(v) : v)) };
}

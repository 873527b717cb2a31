import { describe, expect, it } from 'vitest';
import { findingText } from '../../../src/core/finding-text';
import { diffLists } from '../../../src/core/register/diff';
import { summarizeDiff } from '../../../src/core/register/diff-summary';
import { historyEntry } from '../../../src/core/register/history';
import {
  MIGRATIONS,
  readStoreRecord,
  STORE_SCHEMA_VERSION,
  type StoreRecord,
  toStorable,
} from '../../../src/platform/store/record';
import { bundled } from '../../support/bundled-list';
import { onTestDay } from '../../support/test-date';
import { english, translation } from '../../support/translations';

const onlyStripe = { ...bundled, vendors: bundled.vendors.filter((v) => v.name === 'Stripe') };

/** A record as version 1 of the extension wrote it: fetch metadata as loose extra keys. */
const version1 = {
  schemaVersion: 1,
  revision: 7,
  sources: {
    dovetail: {
      id: 'dovetail',
      title: 'Dovetail',
      url: 'https://dovetailapp.com/legal/data-subprocessors',
      list: onlyStripe,
      fetchedAt: '2026-11-20T08:00:00.000Z',
      etag: '"v1-etag"',
      lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT',
      note: 'kept as is',
    },
    acme: { id: 'acme', title: 'Acme', url: null, list: onlyStripe, fetchedAt: null, etag: 42 },
    feed: { id: 'feed', title: 'Feed', url: 'https://feed.example/list', list: onlyStripe, fetchedAt: null },
  },
  extra: { from: 'v1' },
};

function ok(raw: unknown) {
  const read = readStoreRecord(raw);
  if (read.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(read)}`);
  return read;
}

describe('the schema 1 -> 2 migration', () => {
  it('is the first of two steps, and schema 3 is current', () => {
    expect(STORE_SCHEMA_VERSION).toBe(3);
    expect(Object.keys(MIGRATIONS)).toEqual(['1', '2']);
  });

  it('keeps every list, fetch time, revision and unknown key, and carries text validators over', () => {
    const read = ok(version1);
    expect(read.record.schemaVersion).toBe(3);
    expect(read.record.revision).toBe(7);
    expect(read.raw.extra).toEqual({ from: 'v1' });
    const { dovetail: d, acme, feed } = read.record.sources;
    expect(d?.list).toEqual(onlyStripe);
    expect(d).toMatchObject({
      kind: 'bundled',
      fetchedAt: '2026-11-20T08:00:00.000Z',
      etag: '"v1-etag"',
      lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT',
      lastAttempt: null,
      retry: { failures: 0, retryAt: null },
      held: null,
      history: [],
      note: 'kept as is',
    });
    // A source without an address was an import; a number is no ETag.
    expect(acme).toMatchObject({ kind: 'file', etag: null });
    expect(feed?.kind).toBe('url');
    expect(read.record.removedBundled).toEqual([]);
  });

  it('leaves a damaged version 1 entry for the schema to report', () => {
    const read = readStoreRecord({ ...version1, sources: { ...version1.sources, bad: 'garbage' } });
    expect(read).toEqual({
      kind: 'corrupt',
      reason: 'sources.bad: Invalid type: Expected Object but received "garbage"',
    });
  });

  it('writes back as the current schema with the migrated fields', () => {
    const read = ok(version1);
    const stored = toStorable(read.record, read.raw) as {
      schemaVersion: number;
      sources: Record<string, unknown>;
    };
    expect(stored.schemaVersion).toBe(3);
    expect(ok(stored).record).toEqual(read.record);
  });
});

describe('reading schema 3', () => {
  const base = { schemaVersion: 3, revision: 1 };

  it('reads a minimal entry (id, title, url, list) with defaults for the rest', () => {
    const read = ok({
      ...base,
      sources: { dovetail: { id: 'dovetail', title: 'D', url: null, list: onlyStripe } },
    });
    expect(read.record.sources.dovetail).toMatchObject({
      kind: 'bundled',
      fetchedAt: null,
      lastAttempt: null,
      held: null,
      history: [],
      retry: { failures: 0, retryAt: null },
    });
  });

  it('replaces a damaged metadata field by its default without losing the list', () => {
    const read = ok({
      ...base,
      sources: {
        dovetail: {
          id: 'dovetail',
          title: 'D',
          url: null,
          list: onlyStripe,
          lastAttempt: { at: 3 },
          retry: 'soon',
          etag: ['x'],
          held: { list: onlyStripe },
          history: 'none',
        },
      },
    });
    expect(read.record.sources.dovetail).toMatchObject({
      list: onlyStripe,
      lastAttempt: null,
      retry: { failures: 0, retryAt: null },
      etag: null,
      held: null,
      history: [],
    });
  });

  it('keeps the valid history entries and drops a damaged one', () => {
    const after = { ...bundled, vendors: bundled.vendors.filter((v) => v.name !== 'Heroku') };
    const entry = historyEntry(diffLists(bundled, after), {
      at: onTestDay('08:00'),
      sourceId: 'dovetail',
      listTitle: 'Dovetail',
    });
    const read = ok({
      ...base,
      sources: {
        dovetail: { id: 'dovetail', title: 'D', url: null, list: after, history: [entry, { at: 1 }] },
      },
    });
    expect(read.record.sources.dovetail?.history).toEqual([entry]);
  });

  it('validates a held list like a stored one: a damaged held result is dropped', () => {
    const diff = diffLists(bundled, onlyStripe);
    const held = {
      at: onTestDay('08:00'),
      reason: 'lost-most-vendors',
      message: 'held',
      before: bundled.vendors.length,
      after: 1,
      removed: diff.removed.length,
      summary: summarizeDiff(diff, 'Dovetail'),
      list: onlyStripe,
    };
    const good = ok({ ...base, sources: { d: { id: 'd', title: 'D', url: null, list: bundled, held } } });
    expect(good.record.sources.d?.held).toMatchObject({
      list: onlyStripe,
      removed: diff.removed.length,
      etag: null,
    });
    const bad = ok({
      ...base,
      sources: {
        d: { id: 'd', title: 'D', url: null, list: bundled, held: { ...held, list: { vendors: 1 } } },
      },
    });
    expect(bad.record.sources.d?.held).toBeNull();
  });

  it('reports a source whose list fails the schema, keeps it in the record, and writes its list back untouched', () => {
    const broken = { format: 'subprocessor-list/v1', source: { title: 'x' }, vendors: 'no' };
    const read = ok({
      ...base,
      sources: {
        acme: { id: 'acme', title: 'Acme', url: 'https://acme.example/', list: broken, etag: '"e"' },
      },
    });
    expect(read.invalid.map((i) => i.id)).toEqual(['acme']);
    const acme = read.record.sources.acme;
    expect(acme?.list).toBeNull();
    expect(acme?.damage?.length).toBeGreaterThan(0);
    // An unrelated change (its last attempt) is written; the damaged list stays exactly as stored.
    const next: StoreRecord = {
      ...read.record,
      sources: {
        acme: {
          ...(acme as NonNullable<typeof acme>),
          lastAttempt: { at: onTestDay('08:00'), outcome: 'timeout', message: 'slow' },
        },
      },
    };
    const stored = toStorable(next, read.raw) as { sources: { acme: Record<string, unknown> } };
    expect(stored.sources.acme.list).toEqual(broken);
    expect(stored.sources.acme.damage).toBeUndefined();
    expect(stored.sources.acme.lastAttempt).toMatchObject({ outcome: 'timeout' });
    // Replacing the list repairs the source.
    const repaired = toStorable(
      {
        ...next,
        sources: { acme: { ...(next.sources.acme as NonNullable<typeof acme>), list: onlyStripe } },
      },
      read.raw,
    ) as { sources: { acme: { list: unknown } } };
    expect(repaired.sources.acme.list).toEqual(onlyStripe);
  });

  it('answers newer, corrupt and empty as before', () => {
    expect(readStoreRecord(undefined)).toEqual({ kind: 'empty' });
    expect(readStoreRecord({ schemaVersion: 4 })).toEqual({ kind: 'newer', version: 4 });
    expect(readStoreRecord({ schemaVersion: 0, sources: {} })).toEqual({
      kind: 'corrupt',
      reason: 'no migration from schema version 0',
    });
    expect(readStoreRecord({ schemaVersion: 3, revision: -1, sources: {} }).kind).toBe('corrupt');
  });
});

describe('the schema 2 -> 3 migration: findings as ids with params', () => {
  // What version 2 stored: every finding with its English sentence and no params.
  const withSentences = (list: typeof onlyStripe, stale: boolean) => ({
    ...list,
    vendors: list.vendors.map((vendor) => ({
      ...vendor,
      flags: [
        ...vendor.flags
          .filter((f) => f.id !== 'stale-list')
          .map((f) => ({ id: f.id, severity: f.severity, message: findingText(f, english) })),
        ...(stale
          ? [{ id: 'stale-list', severity: 'info', message: 'The source list was last updated on …' }]
          : []),
      ],
    })),
  });
  const old = { ...onlyStripe, source: { ...onlyStripe.source, updated: '2018-10-08' } };
  const version2 = {
    schemaVersion: 2,
    revision: 4,
    sources: {
      dovetail: {
        id: 'dovetail',
        title: 'Dovetail',
        url: 'https://dovetailapp.com/legal/data-subprocessors',
        list: withSentences(old, true),
        fetchedAt: null,
        held: {
          at: onTestDay('08:00'),
          reason: 'lost-most-vendors',
          message: 'held',
          before: 10,
          after: 1,
          removed: 9,
          summary: summarizeDiff(diffLists(bundled, onlyStripe), 'Dovetail'),
          list: withSentences(old, false),
        },
      },
      broken: { id: 'broken', title: 'Broken', url: null, list: { vendors: 'no' }, fetchedAt: null },
    },
  };

  it('recomputes every stored finding as an id with params, in the list and the held result', () => {
    const read = ok(version2);
    const stripe = read.record.sources.dovetail?.list?.vendors[0];
    expect(stripe?.flags).toEqual([
      { id: 'transfer-us-no-dpf', severity: 'info', params: { date: '2023-07-10' } },
      { id: 'stale-list', severity: 'info', params: { updated: '2018-10-08' } },
    ]);
    // The stale decision stays as it was made: the held list had no stale finding and gains none.
    expect(read.record.sources.dovetail?.held?.list.vendors[0]?.flags.map((f) => f.id)).toEqual([
      'transfer-us-no-dpf',
    ]);
  });

  it('stores no sentence, and leaves a damaged list as it was for the schema to report', () => {
    const read = ok(version2);
    const stored = toStorable(read.record, read.raw);
    expect(JSON.stringify(stored)).not.toContain('Located in');
    expect(JSON.stringify(stored)).not.toContain('"message":"The source list');
    expect(read.invalid.map((i) => i.id)).toEqual(['broken']);
    expect((stored as { sources: { broken: { list: unknown } } }).sources.broken.list).toEqual({
      vendors: 'no',
    });
  });

  it('reads the same findings in German after migration', () => {
    const read = ok(version2);
    const flags = read.record.sources.dovetail?.list?.vendors[0]?.flags ?? [];
    expect(flags.map((f) => findingText(f, translation('de')))[1]).toContain('8. Oktober 2018');
  });
});

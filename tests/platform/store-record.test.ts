import { describe, expect, it } from 'vitest';
import { diffLists } from '../../src/core/diff';
import { summarizeDiff } from '../../src/core/diff-summary';
import { historyEntry } from '../../src/core/refresh-history';
import {
  MIGRATIONS,
  readStoreRecord,
  STORE_SCHEMA_VERSION,
  type StoreRecord,
  toStorable,
} from '../../src/platform/store-record';
import { bundled } from '../support/bundled-list';

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
  it('is the only step, and schema 2 is current', () => {
    expect(STORE_SCHEMA_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('keeps every list, fetch time, revision and unknown key, and carries text validators over', () => {
    const read = ok(version1);
    expect(read.record.schemaVersion).toBe(2);
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

  it('writes back as schema 2 with the migrated fields', () => {
    const read = ok(version1);
    const stored = toStorable(read.record, read.raw) as {
      schemaVersion: number;
      sources: Record<string, unknown>;
    };
    expect(stored.schemaVersion).toBe(2);
    expect(ok(stored).record).toEqual(read.record);
  });
});

describe('reading schema 2', () => {
  const base = { schemaVersion: 2, revision: 1 };

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
      at: '2026-11-27T08:00:00.000Z',
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
      at: '2026-11-27T08:00:00.000Z',
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
          lastAttempt: { at: '2026-11-27T08:00:00.000Z', outcome: 'timeout', message: 'slow' },
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
    expect(readStoreRecord({ schemaVersion: 3 })).toEqual({ kind: 'newer', version: 3 });
    expect(readStoreRecord({ schemaVersion: 0, sources: {} })).toEqual({
      kind: 'corrupt',
      reason: 'no migration from schema version 0',
    });
    expect(readStoreRecord({ schemaVersion: 2, revision: -1, sources: {} }).kind).toBe('corrupt');
  });
});

// Applying a list to a source, the rule behind a refresh, a page read, a kept held result and an
// import: the list replaces the source's, a held result and a damage mark go, and the history
// gains an entry when the change is news.
import { describe, expect, it } from 'vitest';
import type { SubprocessorList } from '../../../src/core/list';
import { applyList } from '../../../src/core/refresh/apply-list';
import { diffLists } from '../../../src/core/register/diff';
import type { HistoryEntry } from '../../../src/core/register/history-schema';
import { bundled } from '../../support/bundled-list';

const at = '2026-11-27T08:00:00.000Z';
const withoutHeroku: SubprocessorList = {
  ...bundled,
  vendors: bundled.vendors.filter((v) => v.name !== 'Heroku'),
};
const source = {
  id: 'dovetail',
  title: 'Dovetail',
  list: bundled as SubprocessorList | null,
  held: { list: withoutHeroku } as unknown,
  history: [] as HistoryEntry[],
  damage: ['vendors.0: damaged'] as string[] | undefined,
  etag: 'kept',
};

describe('applyList', () => {
  it('replaces the list, drops the held result and the damage mark, keeps the rest', () => {
    const { next } = applyList(source, withoutHeroku, { at, diff: null });
    expect(next).toEqual({
      id: 'dovetail',
      title: 'Dovetail',
      list: withoutHeroku,
      held: null,
      history: [],
      etag: 'kept',
    });
    expect('damage' in next).toBe(false);
  });

  it('adds a history entry named for the source when the change is news', () => {
    const diff = diffLists(bundled, withoutHeroku);
    const { next, entry, summary } = applyList(source, withoutHeroku, { at, diff, confirmed: true });
    expect(entry).toMatchObject({ at, sourceId: 'dovetail', listTitle: 'Dovetail', confirmed: true });
    expect(entry?.removed.map((v) => v.name)).toEqual(['Heroku']);
    expect(next.history).toEqual([entry]);
    expect(summary).toMatchObject({ listTitle: 'Dovetail', removed: { count: 1 } });
  });

  it('adds no entry without a diff or when it holds no news, and is not confirmed unless said', () => {
    const reordered = { ...bundled, vendors: [...bundled.vendors].reverse() };
    const quiet = applyList({ ...source, history: [] }, reordered, {
      at,
      diff: diffLists(bundled, reordered),
    });
    expect(quiet.entry).toBeNull();
    expect(quiet.summary).toMatchObject({ notable: false });
    const first = applyList({ ...source, list: null }, bundled, {
      at,
      diff: diffLists({ ...bundled, vendors: [] }, bundled),
    });
    expect(first.entry).toMatchObject({ confirmed: false, added: expect.any(Array) });
    expect(first.entry?.added).toHaveLength(bundled.vendors.length);
  });
});

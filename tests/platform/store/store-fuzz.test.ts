// Fuzzing the storage reader: whatever storage.local holds under the store key (arbitrary JSON, a
// record damaged at any point, cut short, or of an old, unknown or newer version), reading never
// throws, the pages always get a valid list (the last valid stored one, or the bundled one), and a
// `problem` sentence says so whenever stored data could not be used. Fixed seed in `npm test`;
// FUZZ_SCALE=30 FUZZ_SEED=random runs more (the convention of the core's property tests).
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type SubprocessorList, validateList } from '../../../src/core/list';
import { nameKeyOf } from '../../../src/core/register/vendor-identity';
import { STORE_KEY } from '../../../src/platform/store/keys';
import { readStoreRecord, STORE_SCHEMA_VERSION } from '../../../src/platform/store/record';
import { loadList } from '../../../src/platform/store/register-read';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser } from '../../support/fake-browser';
import { distinctListArb, FC_SEED } from '../../support/list-arbitraries';
import { saveSource } from '../../support/save-source';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

const scale = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);
const seed =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? FC_SEED) || FC_SEED;
const params = (runs: number) => ({ seed, numRuns: runs * scale, endOnFailure: true });
const TIMEOUT = 60_000 * scale;

const BACKUP_KEY = `${STORE_KEY}.backup`;

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
});

// Ids a record may hold, the default source's and names that are special to JavaScript objects.
const sourceId = fc.oneof(
  fc.constantFrom('dovetail', 'acme', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
  fc.string({ maxLength: 12 }),
);

const entryOf = (id: string, list: unknown) => ({
  id,
  title: 'A list',
  url: 'https://example.com/subprocessors',
  fetchedAt: '2026-11-20T08:00:00.000Z',
  list,
});

/** Version 1 records, as every version of the extension since the first can read (by migration). */
const recordOf = (sources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  revision: 3,
  sources,
  ...extra,
});

const validRecord = fc
  .tuple(distinctListArb, fc.array(fc.tuple(sourceId, distinctListArb), { maxLength: 2 }))
  .map(([list, others]) => {
    const sources: Record<string, unknown> = {};
    for (const [id, other] of others)
      Object.defineProperty(sources, id, {
        value: entryOf(id, other),
        enumerable: true,
        configurable: true,
        writable: true,
      });
    sources.dovetail = entryOf('dovetail', list);
    return recordOf(sources);
  });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (arrays by index, objects by key), the root first. */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((x, i) => pathsOf(x, [...at, i])));
  if (value && typeof value === 'object')
    return here.concat(...Object.entries(value).map(([k, x]) => pathsOf(x, [...at, k])));
  return here;
}

type Damage =
  | { kind: 'delete' }
  | { kind: 'replace'; with: Json }
  | { kind: 'cut'; keep: number } // an array or string cut short, as a partial write would leave it
  | { kind: 'version'; to: Json };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.record({
    kind: fc.constant('replace' as const),
    with: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('cut' as const), keep: fc.nat({ max: 40 }) }),
  fc.record({
    kind: fc.constant('version' as const),
    to: fc.oneof(
      fc.integer({ min: -3, max: STORE_SCHEMA_VERSION + 3 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(null, '1', true, [1], { v: 1 }),
    ) as fc.Arbitrary<Json>,
  }),
);

/** Applies one damage at the path chosen by `pick` (modulo the number of paths); returns a copy. */
function damaged(record: Json, pick: number, damage: Damage): Json {
  const copy = JSON.parse(JSON.stringify(record)) as Json;
  if (damage.kind === 'version') {
    if (copy && typeof copy === 'object' && !Array.isArray(copy)) copy.schemaVersion = damage.to;
    return copy;
  }
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) {
    if (damage.kind === 'delete') return null;
    if (damage.kind === 'replace') return damage.with;
    return JSON.stringify(copy).slice(0, damage.keep); // the whole record cut short, as text
  }
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy);
  const key = path[path.length - 1] as string | number;
  const container = parent as Record<string | number, Json>;
  const target = container[key];
  if (damage.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
  } else if (damage.kind === 'replace') container[key] = damage.with;
  else if (Array.isArray(target)) container[key] = target.slice(0, damage.keep % (target.length + 1));
  else if (typeof target === 'string') container[key] = target.slice(0, damage.keep % (target.length + 1));
  return copy;
}

/** Anything storage might hold: arbitrary JSON, or a valid record with up to three damages. Storage
 * keeps JSON, so each value is what a JSON round trip leaves (-0 is 0, no Infinity). */
const storedValue: fc.Arbitrary<Json> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
    validRecord as fc.Arbitrary<Json>,
    fc
      .tuple(validRecord, fc.array(fc.tuple(fc.nat(), damageArb), { minLength: 1, maxLength: 3 }))
      .map(([record, damages]) =>
        damages.reduce<Json>((value, [pick, damage]) => damaged(value, pick, damage), record as Json),
      ),
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as Json);

const nonNullJson = fc.jsonValue({ maxDepth: 3 }).filter((x) => x !== null);

const nameKeys = (list: SubprocessorList) => new Set(list.vendors.map(nameKeyOf));

/** What the reader's verdict implies for the loaded list: a problem, and whether stored data is used. */
function expectations(raw: unknown) {
  const read = readStoreRecord(raw);
  const usable = read.kind === 'ok' ? Object.values(read.record.sources).filter((s) => s.list !== null) : [];
  const hasProblem =
    read.kind === 'corrupt' || read.kind === 'newer' || (read.kind === 'ok' && read.invalid.length > 0);
  return { read, usable, hasProblem };
}

describe('readStoreRecord on anything storage may hold', () => {
  it(
    'never throws and returns a verdict that holds together',
    () => {
      fc.assert(
        fc.property(storedValue, (raw) => {
          const read = readStoreRecord(raw);
          switch (read.kind) {
            case 'empty':
              expect(raw).toBeNull();
              break;
            case 'newer':
              expect(Number.isInteger(read.version) && read.version > STORE_SCHEMA_VERSION).toBe(true);
              break;
            case 'corrupt':
              expect(read.reason).toMatch(/\S/);
              break;
            case 'ok':
              for (const source of Object.values(read.record.sources))
                if (source.list !== null) expect(validateList(source.list).ok).toBe(true);
              for (const bad of read.invalid) expect(bad.issues.length).toBeGreaterThan(0);
          }
        }),
        params(2000),
      );
    },
    TIMEOUT,
  );
});

describe('loadList over damaged storage', () => {
  it(
    'always gives a valid list, uses stored data only when readable, and says when it is not',
    async () => {
      await fc.assert(
        fc.asyncProperty(storedValue, fc.boolean(), async (raw, failing) => {
          fakeBrowser.reset();
          fakeBrowser.files.set('data/dovetail.json', bundled);
          if (raw !== null) await fakeBrowser.storage.local.set({ [STORE_KEY]: raw });
          if (failing) fakeBrowser.storage.local.failing = new Error('IO error: database corrupted');
          const loaded = await loadList();
          expect(validateList(loaded.list).ok).toBe(true);
          fakeBrowser.storage.local.failing = null;
          // Reading writes nothing: a damaged record stays for a later version or a backup to keep.
          expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(raw === null ? undefined : raw);
          if (failing) {
            expect(loaded.origin).toBe('bundled');
            expect(loaded.problem).toContain('IO error');
            return;
          }
          const { usable, hasProblem } = expectations(raw);
          expect(loaded.problem === null ? false : loaded.problem.length > 0).toBe(hasProblem);
          expect(loaded.origin).toBe(usable.length > 0 ? 'stored' : 'bundled');
          if (usable.length === 0) expect(nameKeys(loaded.list)).toEqual(nameKeys(bundled));
        }),
        params(400),
      );
    },
    TIMEOUT,
  );

  it(
    'keeps using the last valid list when other sources are damaged, and names the damage',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          distinctListArb,
          // Not null: a source without a list yet is not a damaged one.
          fc.array(fc.tuple(fc.constantFrom('acme', 'other', 'x1'), nonNullJson), {
            minLength: 1,
            maxLength: 3,
          }),
          async (list, junk) => {
            fakeBrowser.reset();
            fakeBrowser.files.set('data/dovetail.json', bundled);
            const sources: Record<string, unknown> = { dovetail: entryOf('dovetail', list) };
            for (const [id, value] of junk) sources[id] = entryOf(id, value);
            await fakeBrowser.storage.local.set({ [STORE_KEY]: recordOf(sources) });
            const loaded = await loadList();
            expect(loaded.origin).toBe('stored');
            expect(nameKeys(loaded.list)).toEqual(nameKeys(list));
            const damagedIds = junk.filter(([, value]) => !validateList(value).ok).map(([id]) => id);
            if (damagedIds.length)
              expect(loaded.problem).toMatch(new RegExp(`“(${damagedIds.join('|')})” is damaged`));
          },
        ),
        params(300),
      );
    },
    TIMEOUT,
  );
});

describe('saveSource over damaged storage', () => {
  it(
    'stores a valid list over anything but a newer record, backing up what it could not read',
    async () => {
      await fc.assert(
        fc.asyncProperty(storedValue, distinctListArb, async (raw, list) => {
          fakeBrowser.reset();
          fakeBrowser.files.set('data/dovetail.json', bundled);
          if (raw !== null) await fakeBrowser.storage.local.set({ [STORE_KEY]: raw });
          const before = readStoreRecord(raw);
          const saving = saveSource({ ...entryOf('dovetail', list), list });
          if (before.kind === 'newer') {
            await expect(saving).rejects.toThrow(/newer version/);
            expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(raw);
            return;
          }
          await saving;
          if (before.kind === 'corrupt') expect(fakeBrowser.storage.local.peek(BACKUP_KEY)).toEqual(raw);
          const loaded = await loadList();
          expect(loaded.origin).toBe('stored');
          for (const key of nameKeys(list)) expect(nameKeys(loaded.list)).toContain(key);
        }),
        params(300),
      );
    },
    TIMEOUT,
  );
});

// Search: per-keystroke latency while typing, index build time, index memory and result quality,
// for our index (word filter + fuse.js ranking) and for fuse.js alone over every vendor.
import type { Workload } from './load-workload';
import { median, medianMs, percentile, retainedBytes } from './stats';
import { mb, ms, type Row, times, yesNo } from './table';

export const SIZES = [7, 200, 2_000, 10_000];
/** The popup's result count (src/popup/App.tsx RESULT_LIMIT). */
const LIMIT = 20;
const PASSES = 7;

interface Searcher {
  search(query: string): unknown;
  /** Names of the hits, best first. */
  names(query: string): string[];
}

/** Every prefix of every typed query, in typing order ("s", "st", "str", ...). */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

function typePass(searcher: Searcher, keys: readonly string[]): number[] {
  return keys.map((key) => {
    const start = performance.now();
    searcher.search(key);
    return performance.now() - start;
  });
}

/** p50 and p95 per keystroke: medians over passes of each pass's percentiles. */
function typing(searcher: Searcher, keys: readonly string[], passes: number) {
  const p50: number[] = [];
  const p95: number[] = [];
  for (let i = 0; i < passes; i++) {
    const t = typePass(searcher, keys);
    p50.push(percentile(t, 50));
    p95.push(percentile(t, 95));
  }
  return { p50: median(p50), p95: median(p95) };
}

export function searchFigures(w: Workload, log: (line: string) => void): Row[] {
  const rows: Row[] = [];
  const keys = keystrokes(w.TYPED_QUERIES);
  for (const size of SIZES) {
    const vendors = w.registerOf(size);
    const at = size.toLocaleString('en-US');
    log(`search at ${at} vendors`);
    const ours = (): Searcher => {
      const index = w.buildSearchIndex(vendors);
      return {
        search: (q) => index.search(q, LIMIT),
        names: (q) => index.search(q, LIMIT).map((h) => h.vendor.name),
      };
    };
    // fuse.js as usually configured: the same documents, keys and options, the query as typed.
    const fuseAlone = (): Searcher => {
      const fuse = new w.Fuse(vendors.map(w.searchDocOf), w.FUSE_OPTIONS);
      return {
        search: (q) => fuse.search(q, { limit: LIMIT }),
        names: (q) => fuse.search(q, { limit: LIMIT }).map((r) => vendors[r.refIndex]?.name ?? ''),
      };
    };

    // Cold: a fresh index, the first typing pass (fuse.js records are made for new candidates).
    const coldP95 = median(Array.from({ length: 3 }, () => percentile(typePass(ours(), keys), 95)));
    const index = ours();
    typePass(index, keys); // warm-up
    const warm = typing(index, keys, PASSES);
    // fuse.js alone costs up to half a second a keystroke at 10,000: fewer passes and, at 10,000,
    // every fifth keystroke, so the whole benchmark stays near two minutes.
    const baselineKeys = size >= 10_000 ? keys.filter((_, i) => i % 5 === 0) : keys;
    const baselinePasses = size <= 200 ? PASSES : 1;
    const fuse = fuseAlone();
    typePass(fuse, size <= 200 ? keys : baselineKeys.slice(0, 3)); // warm-up
    const base = typing(fuse, baselineKeys, baselinePasses);
    const budget = size >= 10_000 ? 4 : size <= 200 ? 1 : null;

    rows.push({
      figure: 'search p50 per keystroke',
      at,
      ours: ms(warm.p50),
      budget: '',
      baseline: `${ms(base.p50)} (fuse.js alone)`,
      ratio: times(base.p50 / warm.p50),
      within: '',
    });
    rows.push({
      figure: 'search p95 per keystroke',
      at,
      ours: ms(warm.p95),
      budget: budget === null ? '' : `≤ ${budget} ms`,
      baseline: `${ms(base.p95)} (fuse.js alone)`,
      ratio: times(base.p95 / warm.p95),
      within: budget === null ? '' : yesNo(warm.p95 <= budget),
    });
    rows.push({
      figure: 'search p95, first typing on a fresh index',
      at,
      ours: ms(coldP95),
      budget: '',
      baseline: '',
      ratio: '',
      within: '',
    });

    const buildReps = size >= 10_000 ? 5 : 9;
    const build = medianMs(buildReps, ours);
    const fuseBuild = medianMs(buildReps, fuseAlone);
    rows.push({
      figure: 'search index build',
      at,
      ours: ms(build),
      budget: '',
      baseline: `${ms(fuseBuild)} (fuse.js alone)`,
      ratio: times(fuseBuild / build),
      within: '',
    });

    const memory = retainedBytes(3, ours, (s) => typePass(s, keys));
    const fuseMemory = retainedBytes(3, fuseAlone);
    rows.push({
      figure: 'search index memory (after typing)',
      at,
      ours: mb(memory),
      budget: '',
      baseline: `${mb(fuseMemory)} (fuse.js alone)`,
      ratio: times(fuseMemory / memory),
      within: '',
    });

    const found = (s: Searcher) =>
      w.TOP_3_QUERIES.filter(([, q, expected]) => s.names(q).slice(0, 3).includes(expected)).length;
    const total = w.TOP_3_QUERIES.length;
    const oursFound = found(index);
    rows.push({
      figure: 'intended vendor in top 3 (typo, spacing, acronym, place, cert., purpose)',
      at,
      ours: `${oursFound}/${total}`,
      budget: `${total}/${total}`,
      baseline: `${found(fuse)}/${total} (fuse.js alone)`,
      ratio: '',
      within: yesNo(oursFound === total),
    });
  }
  return rows;
}

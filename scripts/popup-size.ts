// The popup's JavaScript size and its budget (issue 12): what the popup loads before its first
// paint is popup.js alone; the modules it loads by import() (scripts/build-extension.ts, POPUP_LAZY)
// are reported beside it. Gzip at level 9, as the build zips the package. Read by the bench
// (bench/popup-size.ts) and asserted by tests/scripts/popup-size.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { POPUP_LAZY } from './build-extension';

/** popup.js gzipped, at most (bytes): fuse.js, preact and the search code fit; valibot does not. */
export const POPUP_GZIP_BUDGET = 30_000;

export interface ScriptSize {
  file: string;
  raw: number;
  gzipped: number;
}

export function gzippedSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

function sizeOf(dir: string, file: string): ScriptSize {
  const bytes = readFileSync(join(dir, file));
  return { file, raw: bytes.length, gzipped: gzippedSize(bytes) };
}

/** The built popup in `dir` (dist/chrome): popup.js, then each lazily loaded module. */
export function popupSizes(dir: string): { first: ScriptSize; lazy: ScriptSize[] } {
  return {
    first: sizeOf(dir, 'popup.js'),
    lazy: Object.values(POPUP_LAZY).map((name) => sizeOf(dir, `${name}.js`)),
  };
}

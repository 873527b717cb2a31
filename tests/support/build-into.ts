// Runs the real build (as `npm run build` does) into a directory of the test's choosing.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Builds the extension into `out`; returns what the build printed. */
export function buildExtensionInto(
  out: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  return execFileSync(
    process.execPath,
    [TSX, join(ROOT, 'scripts/build.ts'), '--only', 'extension', '--out', out],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      encoding: 'utf8',
    },
  );
}

/** Every file under dir, as sorted paths relative to it with forward slashes. */
export function filesUnder(dir: string): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) =>
      statSync(join(d, name)).isDirectory() ? walk(join(d, name)) : [join(d, name)],
    );
  return walk(dir)
    .map((p) => relative(dir, p).split('\\').join('/'))
    .sort();
}

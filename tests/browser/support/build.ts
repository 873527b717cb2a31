// The browser tests run against the built extension. `npm test` builds first; a test file run on its
// own builds once here if dist/ is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../..');
export const DIST_CHROME = join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = join(ROOT, 'dist/firefox');

export function ensureBuilt(): void {
  if (existsSync(join(DIST_CHROME, 'manifest.json')) && existsSync(join(DIST_FIREFOX, 'manifest.json')))
    return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/build.ts')],
    {
      cwd: ROOT,
      stdio: 'pipe',
    },
  );
}

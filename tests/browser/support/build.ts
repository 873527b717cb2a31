// The browser tests run against the built extension. `npm test` builds first; a test file run on its
// own builds once here if dist/ is missing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * A copy of dist/chrome (or `dist`, e.g. dist/firefox) whose manifest also grants access to every
 * https site: a headless browser cannot click the toolbar button that grants activeTab, so the
 * page-capture tests use this build (ENGINEERING.md); Firefox grants a temporary add-on its manifest
 * host permissions. Returns the copy's folder (under the system's temp folder; the caller removes it).
 */
export function hostGrantedBuild(dist = DIST_CHROME): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'lens-host-granted-'));
  cpSync(dist, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), 'https://*/*'];
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

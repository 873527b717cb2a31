// npm run build: bundled data -> dist/chrome, dist/firefox (and their zips), dist/cli.js.
// Usage: tsx scripts/build.ts [--only cli|extension]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildBundledLists } from './build-data';
import { buildExtension } from './build-extension';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** The commit's date, so two builds of one commit are identical (reproducible zips). */
function buildDay(): string {
  try {
    return (
      execFileSync('git', ['log', '-1', '--format=%cs'], { cwd: root, encoding: 'utf8' }).trim() || today()
    );
  } catch {
    return today();
  }
}
const today = () => new Date().toISOString().slice(0, 10);

async function buildCli(list: unknown): Promise<void> {
  await esbuild.build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(dist, 'cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'bundled-list',
        setup(build) {
          build.onResolve({ filter: /^virtual:bundled-list$/ }, () => ({
            path: 'bundled-list',
            namespace: 'virtual',
          }));
          build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
            contents: JSON.stringify(list),
            loader: 'json',
          }));
        },
      },
    ],
  });
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const started = performance.now();
  const lists = buildBundledLists(root, buildDay());
  const first = lists[0];
  if (!first) throw new Error('assets/data/sources.json names no bundled source');
  mkdirSync(dist, { recursive: true });
  if (only !== 'extension') {
    rmSync(join(dist, 'cli.js'), { force: true });
    await buildCli(first.list);
  }
  const lines = [`dist/cli.js`];
  if (only !== 'cli') lines.push(...(await buildExtension(root, dist, lists)));
  console.log(`built in ${Math.round(performance.now() - started)} ms:\n  ${lines.join('\n  ')}`);
}

main().catch((e: unknown) => {
  console.error(`build failed: ${(e as Error).message}`);
  process.exit(1);
});

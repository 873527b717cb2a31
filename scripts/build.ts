// npm run build: bundled data -> dist/chrome, dist/firefox (and their zips), dist/cli.js.
// Usage: tsx scripts/build.ts [--only cli|extension] [--out DIR]   (DIR defaults to dist/)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildBundledLists } from './build-data';
import { type BuiltExtension, buildExtension } from './build-extension';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | null {
  const at = process.argv.indexOf(name);
  return at < 0 ? null : (process.argv[at + 1] ?? null);
}

const dist = resolve(option('--out') ?? join(root, 'dist'));

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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** A path as short as it can be said: relative to here when inside it, otherwise absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** What was built, its script sizes, and how to load it, for a person reading the terminal. */
function describe(built: BuiltExtension[]): string[] {
  const lines = built.map(
    (b) =>
      `${shown(b.dir)}/ and ${shown(b.zip)}  (${Object.entries(b.scripts)
        .map(([file, bytes]) => `${file} ${kb(bytes)}`)
        .join(', ')})`,
  );
  const chrome = built.find((b) => b.browser === 'chrome');
  const firefox = built.find((b) => b.browser === 'firefox');
  if (chrome)
    lines.push(`Load in Chrome: chrome://extensions → Developer mode → Load unpacked → ${shown(chrome.dir)}`);
  if (firefox) {
    lines.push(
      `Load in Firefox: about:debugging → This Firefox → Load Temporary Add-on → ${shown(join(firefox.dir, 'manifest.json'))}`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const only = option('--only');
  const started = performance.now();
  const lists = buildBundledLists(root, buildDay());
  const first = lists[0];
  if (!first) throw new Error('assets/data/sources.json names no bundled source');
  mkdirSync(dist, { recursive: true });
  if (only !== 'extension') {
    rmSync(join(dist, 'cli.js'), { force: true });
    await buildCli(first.list);
  }
  const lines = only === 'extension' ? [] : [shown(join(dist, 'cli.js'))];
  if (only !== 'cli') lines.push(...describe(await buildExtension(root, dist, lists)));
  console.log(`built in ${Math.round(performance.now() - started)} ms:\n  ${lines.join('\n  ')}`);
}

main().catch((e: unknown) => {
  console.error(`build failed: ${(e as Error).message}`);
  process.exit(1);
});

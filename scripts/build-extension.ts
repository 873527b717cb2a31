// The extension for each browser from the one manifest.json, and a reproducible zip of each.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import type { BundledSource } from './build-data';

export const BROWSERS = ['chrome', 'firefox'] as const;
export type Browser = (typeof BROWSERS)[number];

const ENTRIES: Record<string, string> = {
  background: 'src/background/index.ts',
  options: 'src/options/index.tsx',
  register: 'src/register/index.tsx',
};
// Chrome's service worker leaves the parser out (core/parser-calls.ts says why): it calls the
// parser in an offscreen document, a page of Chrome's build only. Firefox's background page has
// the parser in its own bundle.
const CHROME_ENTRIES: Record<string, string> = { offscreen: 'src/offscreen/index.ts' };
const CHROME_PAGES = ['src/offscreen/offscreen.html'];

/** In Chrome's build, the background's `./parser` is background/parser-offscreen.ts. */
const parserInOffscreen: esbuild.Plugin = {
  name: 'parser-in-offscreen',
  setup(build) {
    build.onResolve({ filter: /^\.\/parser$/ }, (args) =>
      args.importer.includes(join('src', 'background'))
        ? { path: join(args.resolveDir, 'parser-offscreen.ts') }
        : undefined,
    );
  },
};
// The popup is built on its own, and only its first paint is in popup.js (its size is budgeted:
// bench/popup-size.ts). What it loads by import() is bundled apart, whole, under these names: the
// team's reviews (after the first paint), the search code (after the first paint, with the
// register) and the full read of the record (only when the lookup tables cannot answer). Not esbuild's code splitting: it splits by file, so list.ts, which the
// first paint reaches for a constant, would carry the list's whole schema into a shared chunk.
const POPUP_ENTRY = 'src/popup/index.tsx';
export const POPUP_LAZY: Record<string, string> = {
  './my-status': 'popup-my-status',
  './full-read': 'popup-full-read',
  './search-code': 'popup-search-code',
};

/**
 * What keeps the popup's first paint small. The popup's import() of a lazy module loads its bundle
 * (POPUP_LAZY). Our own core and platform modules are declared free of side effects (core is pure by
 * rule; platform modules only define things), so one reached for a constant brings nothing else.
 * And calls of valibot's schema builders are marked pure: valibot declares them free of side effects
 * (@__NO_SIDE_EFFECTS__), which esbuild does not carry across modules (evanw/esbuild#4369), so an
 * unused schema would otherwise stay. parse, safeParse, assert and is stay as written.
 */
const popupPath: esbuild.Plugin = {
  name: 'popup-path',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'popup-path') return undefined;
      const lazy = POPUP_LAZY[args.path];
      if (lazy && args.importer.endsWith(join('src', 'popup', 'index.tsx')))
        return { path: `./${lazy}.js`, external: true };
      const resolved = await build.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: 'popup-path',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      const ours = /[\\/]src[\\/](core|platform)[\\/]/.test(resolved.path);
      return ours ? { ...resolved, sideEffects: false } : resolved;
    });
    build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes("import * as v from 'valibot'")) return undefined;
      return {
        contents: text.replace(/\bv\.(?!(?:parse|safeParse|assert|is)\b)(\w+)\(/g, '/* @__PURE__ */ v.$1('),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

const PAGES = ['src/popup/popup.html', 'src/options/options.html', 'src/register/register.html'];
const MANAGED_SCHEMA = 'managed_schema.json';
// Fixed zip timestamps: the same commit gives the same bytes. Zip stores local date and time fields
// (fflate reads them with getHours() etc.), so the date is built from local fields, not from UTC:
// a build in any time zone then writes 2020-01-01 00:00.
const ZIP_TIME = new Date(2020, 0, 1, 0, 0, 0);

type Manifest = Record<string, unknown> & { background: Record<string, unknown>; version: string };

/** One manifest, tailored: Chrome runs the service worker, Firefox the background script. */
export function manifestFor(browser: Browser, manifest: Manifest): Manifest {
  const out: Manifest = structuredClone(manifest);
  if (browser === 'chrome') {
    delete out.browser_specific_settings;
    // The parser's document (CHROME_ENTRIES); Firefox has no offscreen API.
    out.permissions = [...((out.permissions as string[] | undefined) ?? []), 'offscreen'];
    const { scripts: _scripts, ...background } = out.background;
    out.background = background;
  } else {
    const { service_worker: _worker, ...background } = out.background;
    out.background = background;
    // storage.managed_schema is Chrome's: Firefox reads managed storage from a managed_storage
    // manifest or its enterprise policies, and its linter warns about the key.
    delete out.storage;
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    })
    .sort();
}

function zipDir(dir: string, outFile: string): void {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const path of filesUnder(dir))
    files[relative(dir, path).split('\\').join('/')] = [readFileSync(path), { mtime: ZIP_TIME }];
  writeFileSync(outFile, zipSync(files, { level: 9 }));
}

export interface BuiltExtension {
  browser: Browser;
  dir: string;
  zip: string;
  /** Bytes of each script the build wrote ("background.js" -> 28933). */
  scripts: Record<string, number>;
}

// The icon's SVG source stays out of the package: the manifest names only the PNGs.
const copyFilter = (path: string) => !path.endsWith('.svg');

export async function buildExtension(
  root: string,
  dist: string,
  lists: BundledSource[],
): Promise<BuiltExtension[]> {
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const out: BuiltExtension[] = [];
  for (const browser of BROWSERS) {
    const dir = join(dist, browser);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'data'), { recursive: true });
    const options: esbuild.BuildOptions = {
      outdir: dir,
      bundle: true,
      format: 'esm',
      target: ['chrome120', 'firefox140'],
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      define: { 'process.env.NODE_ENV': '"production"', __BROWSER__: JSON.stringify(browser) },
      metafile: true,
      logLevel: 'warning',
    };
    const results = await Promise.all([
      esbuild.build({
        ...options,
        entryPoints: Object.fromEntries(
          Object.entries({ ...ENTRIES, ...(browser === 'chrome' ? CHROME_ENTRIES : {}) }).map(
            ([name, file]) => [name, join(root, file)],
          ),
        ),
        plugins: browser === 'chrome' ? [parserInOffscreen] : [],
      }),
      esbuild.build({
        ...options,
        entryPoints: {
          popup: join(root, POPUP_ENTRY),
          ...Object.fromEntries(
            Object.entries(POPUP_LAZY).map(([path, name]) => [name, join(root, 'src/popup', `${path}.ts`)]),
          ),
        },
        plugins: [popupPath],
      }),
    ]);
    for (const page of [...PAGES, ...(browser === 'chrome' ? CHROME_PAGES : [])])
      cpSync(join(root, page), join(dir, page.split('/').pop() ?? page));
    // The admin policy's schema (Chrome reads storage.managed only with it; Firefox has its own way).
    if (browser === 'chrome') cpSync(join(root, MANAGED_SCHEMA), join(dir, MANAGED_SCHEMA));
    for (const folder of ['assets/icons', 'assets/_locales', 'src/ui/styles']) {
      if (existsSync(join(root, folder)))
        cpSync(join(root, folder), join(dir, folder.split('/').pop() ?? folder), {
          recursive: true,
          filter: copyFilter,
        });
    }
    for (const { id, list } of lists) writeFileSync(join(dir, 'data', `${id}.json`), JSON.stringify(list));
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, manifest), null, 2)}\n`);
    const zip = join(dist, `subprocessor-lens-${browser}-${manifest.version}.zip`);
    zipDir(dir, zip);
    const scripts = Object.fromEntries(
      results.flatMap((result) =>
        Object.entries(result.metafile?.outputs ?? {}).map(([file, info]) => [
          file.split('/').pop() ?? file,
          info.bytes,
        ]),
      ),
    );
    out.push({ browser, dir, zip, scripts });
  }
  return out;
}

// Bundles bench/workload.ts like the extension build does (esbuild, minified, no name-keeping) into
// dist/bench/ and imports it. dist/bench sits two levels below the root, like tests/support, so the
// generator finds the seed list at the same relative path.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export type Workload = typeof import('./workload');

export async function loadWorkload(root: string): Promise<Workload> {
  const outfile = join(root, 'dist/bench/workload.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'bench/workload.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(outfile).href)) as Workload;
}

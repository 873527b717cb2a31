// The popup's JavaScript gzipped against its budget (issue 12), from the build in dist/chrome. The
// baseline, built in the same run: fuse.js and preact alone, minified and gzipped the same way, the
// libraries the popup cannot do without. Its lazily loaded modules are listed after it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { gzippedSize, POPUP_GZIP_BUDGET, popupSizes } from '../scripts/popup-size';
import { type Row, times, yesNo } from './table';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function librariesAlone(root: string): Promise<number> {
  const result = await esbuild.build({
    stdin: {
      contents:
        "import Fuse from 'fuse.js'; import { render, h } from 'preact'; import { useState } from 'preact/hooks';" +
        'render(h(() => { useState(0); return null; }, null), document.body); new Fuse([]);',
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    target: ['chrome120', 'firefox140'],
    minify: true,
    legalComments: 'none',
    write: false,
  });
  return gzippedSize(result.outputFiles[0]?.contents ?? new Uint8Array());
}

export async function popupSizeFigures(root: string, log: (line: string) => void): Promise<Row[]> {
  const dir = join(root, 'dist', 'chrome');
  if (!existsSync(join(dir, 'popup.js'))) {
    log('size: no dist/chrome/popup.js (npm run build first)');
    return [];
  }
  log('size of the popup');
  const { first, lazy } = popupSizes(dir);
  const baseline = await librariesAlone(root);
  return [
    {
      figure: 'popup JavaScript before the first paint (popup.js), gzipped',
      at: `${kb(first.raw)} raw`,
      ours: kb(first.gzipped),
      budget: `≤ ${kb(POPUP_GZIP_BUDGET)}`,
      baseline: `${kb(baseline)} (fuse.js + preact alone)`,
      ratio: times(first.gzipped / baseline),
      within: yesNo(first.gzipped <= POPUP_GZIP_BUDGET),
    },
    ...lazy.map((script) => ({
      figure: `popup, loaded by import(): ${script.file}, gzipped`,
      at: `${kb(script.raw)} raw`,
      ours: kb(script.gzipped),
      budget: '',
      baseline: '',
      ratio: '',
      within: '',
    })),
  ];
}

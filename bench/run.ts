// npm run bench: one table of figures, each with its budget (issue 5) and its baseline measured in
// the same run. It prints figures and never fails: budgets are not tests.
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumFigures } from './chromium-figures';
import { dataFigures } from './data-figures';
import { followFigures } from './follow-figures';
import { loadWorkload } from './load-workload';
import { matchFigures } from './match-figures';
import { optionsFigures } from './options-figures';
import { parseFigures } from './parse-figures';
import { popupSizeFigures } from './popup-size';
import { readerFigures } from './reader-figures';
import { registerFigures } from './register-figures';
import { searchFigures } from './search-figures';
import { storageFigures } from './storage-figures';
import { formatTable, type Row } from './table';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function main(): Promise<void> {
  const started = performance.now();
  const load = loadavg().map((l) => l.toFixed(2));
  const workload = await loadWorkload(root);
  // `--only search,match` runs some sections (while working on one); the default is all of them.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  const wanted = (section: string) => !only || only.split(',').includes(section);
  // A browser section that fails (a browser that does not start, a page that never opens) leaves
  // its figures out with a note that says why; the other sections still run and print.
  const failed: string[] = [];
  const inBrowser = async (name: string, run: () => Promise<Row[]>): Promise<Row[]> => {
    try {
      return await run();
    } catch (error) {
      const note = `${name} figures not measured: ${error instanceof Error ? error.message : String(error)}`;
      log(note);
      failed.push(note);
      return [];
    }
  };
  let missing: string | null = null; // what this checkout lacks for the browser sections
  const chromium = wanted('chromium')
    ? await inBrowser('Chromium', async () => {
        const result = await chromiumFigures(root, workload, log);
        missing = result.note;
        return result.rows;
      })
    : [];
  const follow = wanted('follow') ? await inBrowser('Follow', () => followFigures(log)) : [];
  // The register page needs the same Chromium; without it (`missing` says why) it is left out.
  const register =
    wanted('register') && !missing
      ? await inBrowser('Register page', () => registerFigures(workload, log))
      : [];
  const options =
    wanted('options') && !missing ? await inBrowser('Options page', () => optionsFigures(workload, log)) : [];
  const size = wanted('size') ? await popupSizeFigures(root, log) : [];
  const rows: Row[] = [
    ...size,
    ...(wanted('search') ? searchFigures(workload, log) : []),
    ...(wanted('match') ? matchFigures(workload, log) : []),
    ...(wanted('data') ? dataFigures(workload, log) : []),
    ...(wanted('storage') ? storageFigures(workload, log) : []),
    ...(wanted('parse') ? parseFigures(workload, log) : []),
    ...(wanted('readers') ? readerFigures(log) : []),
    ...chromium,
    ...follow,
    ...register,
    ...options,
  ];
  const cpu = cpus();
  console.log(
    `Subprocessor Lens benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.versions.node}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${load.join(' ')} at start; ` +
      `${Math.round((performance.now() - started) / 1000)} s.\n`,
  );
  console.log(formatTable(rows));
  console.log(
    '\nMedians of repeated runs. Search: the 11 queries of issue 2 typed one character at a time ' +
      '(every prefix is a keystroke), 20 results as in the popup, after one warm-up pass; ' +
      'fuse.js alone at 10,000 vendors types every fifth keystroke once. Memory: JS heap plus ' +
      'array buffers retained, after a full gc. Chromium: headless Debian Chromium with the built ' +
      'extension (dist/chrome), 9 popup opens and 9 visits per figure; the register is stored as the ' +
      'default source in storage.local. Follow: a host-granted copy of the build, a page with a ' +
      'vendor table served locally, 9 popup opens after a warm-up. ' +
      'Register page: 7 opens per figure; keystrokes are 5 queries ' +
      'typed one character at a time in 3 of them, to the DOM commit of the rows. ' +
      'Options page: 9 opens each way, alternating, after one warm-up each.',
  );
  if (missing) console.log(missing);
  for (const note of failed) console.log(note);
}

main().catch((error: unknown) => {
  // The benchmark reports; it does not fail a run.
  console.error(`bench: stopped early: ${error instanceof Error ? error.stack : String(error)}`);
});

// npm run i18n:missing: what each translation lacks, as JSON on stdout, ready to translate: for each
// locale, the missing keys with their English entry (message, description, placeholders), keys to
// delete, and keys whose placeholders no longer match English. Exit code 1 when anything is listed,
// so CI or a hook can use it; `--locale de` limits it to one locale.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeReports } from './locale-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--locale');
const only = at < 0 ? null : process.argv[at + 1];

const reports = localeReports(root);
const shown = Object.fromEntries(Object.entries(reports).filter(([locale]) => !only || locale === only));
if (only && !shown[only]) {
  console.error(
    `error: no translation ${only} in assets/_locales (there are: ${Object.keys(reports).join(', ')})`,
  );
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
const incomplete = Object.values(shown).some(
  (r) => Object.keys(r.missing).length > 0 || r.extra.length > 0 || r.placeholders.length > 0,
);
process.exitCode = incomplete ? 1 : 0;

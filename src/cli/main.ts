// node dist/cli.js parse|match|search: the same core as the extension, JSON on stdout.
import bundled from 'virtual:bundled-list';
import { listWithMessages, vendorWithMessages } from '../core/export-json';
import type { SubprocessorList } from '../core/list';
import { buildMatchIndex, match } from '../core/match';
import { parse } from '../core/parse';
import { buildSearchIndex } from '../core/search/search';
import type { Translation } from '../core/translate';
import { readInput } from './read-input';
import { CLI_LANGUAGES, cliTranslation } from './translations';

const USAGE = `Usage:
  node dist/cli.js parse <file-or-url|->              the list as a subprocessor-list/v1 document
  node dist/cli.js match <host-or-url> [--list F]     the vendor whose own site this is
  node dist/cli.js search <query> [--list F] [--limit N]
--list takes any supported list (markdown, HTML, JSON, YAML, a page template; a file, a URL or -);
default: the bundled list. parse prints how the list was read: reader and confidence.
--lang en|de|fr writes the findings' messages in that language (default: en).`;

class UsageError extends Error {}

function option(args: string[], name: string): string | null {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const value = args[at + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

async function parseTarget(target: string) {
  const input = await readInput(target);
  const result = parse(input.text, {
    url: input.url,
    contentType: input.contentType,
    fileName: input.fileName,
  });
  if (!result.ok) throw new Error(`${target}: ${result.error.message}`);
  return result;
}

async function loadList(target: string): Promise<SubprocessorList> {
  return (await parseTarget(target)).list;
}

async function run(argv: string[]): Promise<unknown> {
  const args = [...argv];
  const listArg = option(args, '--list');
  const limitArg = option(args, '--limit');
  const lang = option(args, '--lang') ?? 'en';
  const tr: Translation | null = cliTranslation(lang);
  if (!tr) throw new UsageError(`--lang takes one of ${CLI_LANGUAGES.join(', ')}`);
  const [command, target, ...rest] = args;
  if (!command) throw new UsageError('no command given');
  if (!['parse', 'match', 'search'].includes(command)) throw new UsageError(`unknown command: ${command}`);
  if (!target) throw new UsageError(`${command} needs an argument`);
  if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
  const list = async () => (listArg ? await loadList(listArg) : bundled);
  switch (command) {
    case 'parse': {
      // The v1 document, with how it was read: the schema keeps unknown top-level keys, so the
      // output still reads back as a list (--list, import).
      const { list, reader, confidence } = await parseTarget(target);
      const written = listWithMessages(list, tr);
      return { format: written.format, reader, confidence, source: written.source, vendors: written.vendors };
    }
    case 'match': {
      const found = match(buildMatchIndex(await list()), target);
      const vendor = found.vendor && vendorWithMessages(found.vendor, tr);
      return { input: target, relation: found.relation, domain: found.domain, vendor };
    }
    case 'search': {
      const limit = limitArg ? Number(limitArg) : 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit takes a whole number from 1 to 1000');
      const hits = buildSearchIndex((await list()).vendors).search(target, limit);
      return {
        query: target,
        results: hits.map((h) => ({
          score: Number(h.score.toFixed(4)),
          vendor: vendorWithMessages(h.vendor, tr),
        })),
      };
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

/** One line, whatever the message holds: the contract is "one clear line on stderr". */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

// "| head" closes the pipe early: that is the reader's choice, not an error to print a stack for.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const argv = process.argv.slice(2);
if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
  process.stdout.write(`${USAGE}\n`);
} else {
  run(argv).then(
    (out) => process.stdout.write(`${JSON.stringify(out, null, 2)}\n`),
    (e: unknown) => {
      const message = oneLine(e instanceof Error ? e.message : String(e));
      if (e instanceof UsageError) {
        process.stderr.write(`error: ${message} (node dist/cli.js --help shows the usage)\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`error: ${message}\n`);
        process.exitCode = 1;
      }
    },
  );
}

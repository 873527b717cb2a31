// node dist/cli.js parse|match|search: the same core as the extension, JSON on stdout.
import bundled from 'virtual:bundled-list';
import { buildMatchIndex, buildSearchIndex, match, parse, type SubprocessorList } from '../core/index';
import { readInput } from './read-input';

const USAGE = `Usage:
  node dist/cli.js parse <file-or-url|->              the list as a subprocessor-list/v1 document
  node dist/cli.js match <host-or-url> [--list F]     the vendor whose own site this is
  node dist/cli.js search <query> [--list F] [--limit N]
--list takes any supported list (markdown, HTML, JSON; a file, a URL or -); default: the bundled list.`;

class UsageError extends Error {}

function option(args: string[], name: string): string | null {
  const at = args.indexOf(name);
  if (at < 0) return null;
  const value = args[at + 1];
  if (value === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

async function loadList(target: string): Promise<SubprocessorList> {
  const input = await readInput(target);
  const result = parse(input.text, { url: input.url, contentType: input.contentType });
  if (!result.ok) throw new Error(`${target}: ${result.error.message}`);
  return result.list;
}

async function run(argv: string[]): Promise<unknown> {
  const args = [...argv];
  const listArg = option(args, '--list');
  const limitArg = option(args, '--limit');
  const [command, target, ...rest] = args;
  if (!command || command === '--help' || command === 'help') throw new UsageError('');
  if (!target) throw new UsageError(`${command} needs an argument`);
  if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
  const list = listArg ? await loadList(listArg) : bundled;
  switch (command) {
    case 'parse':
      return await loadList(target);
    case 'match': {
      const found = match(buildMatchIndex(list), target);
      return { input: target, relation: found.relation, domain: found.domain, vendor: found.vendor };
    }
    case 'search': {
      const limit = limitArg ? Number(limitArg) : 10;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit takes a whole number from 1 to 1000');
      const hits = buildSearchIndex(list.vendors).search(target, limit);
      return {
        query: target,
        results: hits.map((h) => ({ score: Number(h.score.toFixed(4)), vendor: h.vendor })),
      };
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

run(process.argv.slice(2)).then(
  (out) => process.stdout.write(`${JSON.stringify(out, null, 2)}\n`),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message ? `error: ${e.message}\n` : ''}${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${(e as Error)?.message ?? String(e)}\n`);
      process.exitCode = 1;
    }
  },
);

// The built CLI as a user runs it: node dist/cli.js parse|match|search, JSON on stdout, one line
// on stderr and a non-zero exit for every error. Built once here, so the test stands alone.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubprocessorList, Vendor } from '../../src/core/list';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(root, 'tests/fixtures/lists', name);
const SEED = join(root, 'assets/data/dovetail-subprocessors.md');

let workDir = '';
let cliPath = '';
let server: Server;
let base = '';
let closedPort = 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function json<T>(args: string[], stdin = ''): Promise<T> {
  const run = await cli(args, stdin);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** An error: exit code, nothing on stdout, exactly one line on stderr. */
async function failure(args: string[], stdin = ''): Promise<{ code: number | null; line: string }> {
  const run = await cli(args, stdin);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^error: /);
  return { code: run.code, line: run.stderr.trimEnd() };
}

beforeAll(async () => {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--only', 'cli'],
    {
      cwd: root,
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  // Run a private copy, so another build of dist/ meanwhile cannot pull it away mid-test.
  workDir = mkdtempSync(join(tmpdir(), 'sp-cli-'));
  cliPath = join(workDir, 'cli.js');
  copyFileSync(join(root, 'dist/cli.js'), cliPath);

  const page = readFileSync(fixture('seed-rendered.html'));
  server = createServer((req, res) => {
    if (req.url === '/legal/data-subprocessors') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/legal/data-subprocessors' }).end();
    } else if (req.url === '/list.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(fixture('v1.json')));
    } else if (req.url === '/endless') {
      // No content-length: the limit must hold while reading, not only from the header.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1 << 20, 'a');
      let sent = 0;
      const more = (): void => {
        while (sent < 8 && res.write(chunk)) sent++;
        if (sent < 8) res.once('drain', more);
        else res.end();
      };
      res.on('error', () => {});
      more();
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
}, 180_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const names = (list: SubprocessorList) => list.vendors.map((v) => v.name);
const SEVEN = [
  'Amazon Web Services',
  'ChartMogul',
  'Google Cloud',
  'Heroku',
  'Mixpanel',
  'SendGrid',
  'Stripe',
];

describe('cli parse', () => {
  it('reads a markdown file into a v1 document', async () => {
    const list = await json<SubprocessorList>(['parse', SEED]);
    expect(list.format).toBe('subprocessor-list/v1');
    expect(names(list)).toEqual(SEVEN);
    expect(list.source.updated).toBe('2018-10-08');
  });

  it('reads an HTML file and a JSON file by their extension', async () => {
    expect(names(await json<SubprocessorList>(['parse', fixture('html-table.html')]))).toHaveLength(5);
    const v1 = await json<SubprocessorList>(['parse', fixture('v1.json')]);
    expect(v1.source.title).toBe('Marlin Docs subprocessors');
  });

  it('prints how the list was read, and its output reads back as a list', async () => {
    const out = await json<SubprocessorList & { reader: string; confidence: string }>(['parse', SEED]);
    expect([out.format, out.reader, out.confidence]).toEqual(['subprocessor-list/v1', 'sections', 'high']);
    expect(Object.keys(out)).toEqual(['format', 'reader', 'confidence', 'source', 'vendors']);
    const table = await json<{ reader: string }>(['parse', fixture('html-table.html')]);
    expect(table.reader).toBe('table');
    const again = join(workDir, 'again.json');
    writeFileSync(again, JSON.stringify(out));
    expect(await json(['match', 'stripe.com', '--list', again])).toMatchObject({
      vendor: { name: 'Stripe' },
    });
  });

  it('reads a YAML data file and a page template by their extension', async () => {
    const yaml = await json<SubprocessorList & { reader: string }>(['parse', fixture('jekyll-data.yml')]);
    expect([yaml.reader, yaml.vendors.length]).toEqual(['yaml', 4]);
    const vue = await json<SubprocessorList>(['parse', fixture('component.vue')]);
    expect(names(vue)).toEqual(['DigitalOcean, LLC', 'Paddle.com Market Ltd']);
  });

  it('reads standard input for "-"', async () => {
    expect(names(await json<SubprocessorList>(['parse', '-'], readFileSync(SEED, 'utf8')))).toEqual(SEVEN);
  });

  it('fetches a URL and keeps it as the source', async () => {
    const list = await json<SubprocessorList>(['parse', `${base}/legal/data-subprocessors`]);
    expect(names(list)).toEqual(SEVEN);
    expect(list.source).toEqual({
      title: 'Data Subprocessors | Dovetail',
      url: `${base}/legal/data-subprocessors`,
      updated: '2018-10-08',
    });
  });

  it('follows a redirect and names the final page as the source', async () => {
    const list = await json<SubprocessorList>(['parse', `${base}/moved`]);
    expect(list.source.url).toBe(`${base}/legal/data-subprocessors`);
  });
});

describe('cli match', () => {
  it('finds a vendor’s own site in the bundled list', async () => {
    const out = await json<{ relation: string; domain: string; vendor: Vendor }>([
      'match',
      'https://console.aws.amazon.com/x',
    ]);
    expect(out).toMatchObject({
      relation: 'vendor',
      domain: 'aws.amazon.com',
      vendor: { name: 'Amazon Web Services' },
    });
    expect(out.vendor.flags.map((f) => f.id)).toContain('privacy-shield');
  });

  it('writes each finding’s message in English by default, in German or French with --lang', async () => {
    type Out = { vendor: { flags: { id: string; params?: unknown; message: string }[] } };
    const en = await json<Out>(['match', 'stripe.com']);
    const de = await json<Out>(['match', 'stripe.com', '--lang', 'de']);
    const fr = await json<Out>(['match', 'stripe.com', '--lang', 'fr']);
    const stale = (out: Out) => out.vendor.flags.find((f) => f.id === 'stale-list');
    expect(stale(en)).toEqual({
      id: 'stale-list',
      severity: 'info',
      params: { updated: '2018-10-08' },
      message:
        'The source list was last updated on 8 October 2018, more than 12 months ago: vendors and terms may have changed since. Check the source.',
    });
    expect(stale(de)?.message).toContain('zuletzt am 8. Oktober 2018 aktualisiert');
    expect(stale(fr)?.message).toContain('le 8 octobre 2018');
    const transfer = (out: Out) => out.vendor.flags.find((f) => f.id === 'transfer-us-no-dpf')?.message;
    expect(transfer(de)).toContain('Standardvertragsklauseln (Art. 46 DSGVO)');
    expect(transfer(fr)).toContain('clauses contractuelles types (article 46 du RGPD)');
    expect((await failure(['match', 'stripe.com', '--lang', 'es'])).line).toContain(
      '--lang takes one of en, de, fr',
    );
  });

  it('reads its own output back: the messages are dropped and the findings recomputed', async () => {
    const parsed = await cli(['parse', 'assets/data/dovetail-subprocessors.md', '--lang', 'fr']);
    const tampered = JSON.parse(parsed.stdout) as { vendors: { flags: { message: string }[] }[] };
    for (const vendor of tampered.vendors) for (const flag of vendor.flags) flag.message = 'tampered';
    const back = await json<{ vendors: { flags: { message: string }[] }[] }>(
      ['parse', '-'],
      JSON.stringify(tampered),
    );
    expect(JSON.stringify(back)).not.toContain('tampered');
    expect(back.vendors[0]?.flags[0]?.message).toMatch(/^[A-Z]/);
  });

  it('says hosted-on for a customer site and nothing for a parent domain', async () => {
    expect(await json(['match', 'foo.herokuapp.com'])).toMatchObject({
      relation: 'hosted-on',
      vendor: { name: 'Heroku' },
    });
    expect(await json(['match', 'amazon.com'])).toEqual({
      input: 'amazon.com',
      relation: null,
      domain: null,
      vendor: null,
    });
  });

  it('uses any list given with --list: a file or a URL', async () => {
    expect(await json(['match', 'api.twilio.com', '--list', fixture('html-table.html')])).toMatchObject({
      vendor: { name: 'Twilio Inc.' },
    });
    expect(await json(['match', 'plausible.io', '--list', `${base}/list.json`])).toMatchObject({
      vendor: { name: 'Plausible Insights OÜ' },
    });
    expect(await json(['match', 'stripe.com', '--list', fixture('html-table.html')])).toMatchObject({
      vendor: null,
    });
  });
});

describe('cli search', () => {
  it('puts the right vendor first despite a typo', async () => {
    const out = await json<{ query: string; results: { score: number; vendor: Vendor }[] }>([
      'search',
      'strpe',
    ]);
    expect(out.query).toBe('strpe');
    expect(out.results[0]?.vendor.name).toBe('Stripe');
  });

  it('searches a list given with --list and honours --limit', async () => {
    const out = await json<{ results: { vendor: Vendor }[] }>([
      'search',
      'error monitoring',
      '--list',
      fixture('markdown-table.md'),
      '--limit',
      '1',
    ]);
    expect(out.results.map((r) => r.vendor.name)).toEqual(['Sentry (Functional Software, Inc.)']);
  });
});

describe('cli errors: one line on stderr, non-zero exit', () => {
  it('a missing file', async () => {
    expect(await failure(['parse', 'no/such/list.md'])).toEqual({
      code: 1,
      line: 'error: no such file: no/such/list.md',
    });
  });

  it('a list that is not valid', async () => {
    const bad = await failure(['match', 'stripe.com', '--list', fixture('errors/invalid.json')]);
    expect(bad.code).toBe(1);
    expect(bad.line).toMatch(/invalid\.json: Not valid JSON: .*\(line 6, column 1\)$/);
    const v1 = await failure(['search', 'x', '--list', fixture('errors/v1-bad-field.json')]);
    expect(v1.line).toContain('vendors.0.dpa.status');
    const empty = await failure(['parse', '-'], '   \n');
    expect(empty.line).toBe('error: -: The input is empty.');
    const noVendors = await failure(['parse', fixture('errors/error-page.html')]);
    expect(noVendors.line).toContain('No vendors found in this page');
  });

  it('a trust-centre shell and a PDF, each with its own message', async () => {
    const shell = await failure(['parse', fixture('errors/trust-centre-shell.html')]);
    expect(shell.code).toBe(1);
    expect(shell.line).toMatch(
      /trust-centre-shell\.html: SafeBase builds this page in the browser with script, .* follow it from the Subprocessor Lens popup\.$/,
    );
    const pdf = await failure(['parse', fixture('errors/subprocessors.pdf')]);
    expect(pdf.code).toBe(1);
    expect(pdf.line).toMatch(
      /subprocessors\.pdf: This is a PDF document, which Subprocessor Lens cannot read/,
    );
  });

  it('stops reading a file or standard input at the limit', async () => {
    // /dev/zero never ends: read whole, it would fill memory before any size check.
    expect(await failure(['parse', '/dev/zero'])).toEqual({
      code: 1,
      line: 'error: /dev/zero is over 5000000 bytes',
    });
    const child = spawn(process.execPath, [cliPath, 'parse', '-'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading: the point
    let written = 0;
    const chunk = Buffer.alloc(1 << 20, 'a');
    const pump = (): void => {
      while (written < 300 * chunk.length && !child.stdin.destroyed) {
        written += chunk.length;
        if (!child.stdin.write(chunk)) {
          child.stdin.once('drain', pump);
          return;
        }
      }
      child.stdin.end();
    };
    pump();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([1, 'error: - is over 5000000 bytes\n']);
    expect(written).toBeLessThan(50 * chunk.length);
  });

  it('exits quietly when the reader closes the pipe early (| head)', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| Vendor ${i} | Purpose ${i} | Germany |`);
    const big = join(workDir, 'big.md');
    writeFileSync(big, `| Vendor | Purpose | Location |\n|---|---|---|\n${rows.join('\n')}\n`);
    const err = join(workDir, 'err.txt');
    const head = execFileSync(
      'sh',
      ['-c', `"${process.execPath}" "${cliPath}" parse "${big}" 2>"${err}" | head -c 10`],
      { cwd: root, encoding: 'utf8' },
    );
    expect(head).toBe('{\n  "forma');
    expect(readFileSync(err, 'utf8')).toBe('');
  });

  it('an unknown command, a missing argument, a bad option', async () => {
    expect(await failure(['frobnicate', 'x'])).toEqual({
      code: 2,
      line: 'error: unknown command: frobnicate (node dist/cli.js --help shows the usage)',
    });
    expect((await failure([])).line).toContain('no command given');
    expect((await failure(['match'])).line).toContain('match needs an argument');
    expect((await failure(['search', 'x', '--limit', 'lots'])).line).toContain(
      '--limit takes a whole number',
    );
    expect((await failure(['match', 'a', 'b'])).line).toContain('unexpected argument: b');
    expect((await failure(['match', 'a', '--list'])).code).toBe(2);
  });

  it('a URL that answers 404, refuses the connection, or sends too much', async () => {
    expect(await failure(['parse', `${base}/missing`])).toEqual({
      code: 1,
      line: `error: ${base}/missing answered HTTP 404 Not Found`,
    });
    const refused = await failure(['parse', `http://127.0.0.1:${closedPort}/list`]);
    expect(refused.line).toBe(`error: cannot fetch http://127.0.0.1:${closedPort}/list: ECONNREFUSED`);
    expect((await failure(['parse', `${base}/endless`])).line).toBe(
      `error: ${base}/endless is over 5000000 bytes`,
    );
  });

  it('prints the usage on stdout for --help', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage:\n {2}node dist\/cli\.js parse/);
  });
});

// Mozilla's linter (web-ext lint, offline) on the Firefox build: no errors, and no warnings from our
// code. The only warnings allowed are Preact's own innerHTML assignment (its dangerouslySetInnerHTML
// support, which our code never uses: Biome forbids it), recognised by the code around the warning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionInto, ROOT } from './support';

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
  metadata: { manifestVersion: number; id: string };
}

let out = '';
let report: LintReport;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'lens-lint-'));
  buildExtensionInto(out);
  const webExt = join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
  // web-ext exits non-zero when it finds errors; the report is on stdout either way.
  let stdout: string;
  try {
    stdout = execFileSync(
      process.execPath,
      [webExt, 'lint', '--source-dir', join(out, 'firefox'), '--output', 'json', '--boring'],
      {
        encoding: 'utf8',
        env: { ...process.env, WEB_EXT_NO_CONFIG_DISCOVERY: 'true' },
      },
    );
  } catch (error) {
    stdout = (error as { stdout: string }).stdout;
  }
  report = JSON.parse(stdout) as LintReport;
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

/** A warning raised by Preact's innerHTML line, not by our code. */
function isPreactInnerHtml(warning: LintMessage): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || warning.line !== 1) return false;
  const source = readFileSync(join(out, 'firefox', warning.file), 'utf8');
  const at = (warning.column ?? 0) - 1;
  return /\.innerHTML=\w+\.__html/.test(source.slice(at - 80, at + 80));
}

describe('web-ext lint on dist/firefox', () => {
  it('reads the manifest as Manifest V3 with our add-on id', () => {
    expect(report.metadata.manifestVersion).toBe(3);
    expect(report.metadata.id).toBe('subprocessor-lens@subprocessorlens.dev');
  });

  it('reports no errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('packs every locale into both builds, as the source holds them', () => {
    for (const browser of ['chrome', 'firefox']) {
      for (const locale of ['en', 'de', 'fr']) {
        const packed = readFileSync(join(out, browser, '_locales', locale, 'messages.json'), 'utf8');
        expect(packed, `${browser} ${locale}`).toBe(
          readFileSync(join(ROOT, 'assets/_locales', locale, 'messages.json'), 'utf8'),
        );
      }
    }
  });

  it('reports no warnings or notices from our code', () => {
    expect(report.warnings.filter((w) => !isPreactInnerHtml(w))).toEqual([]);
    expect(report.notices).toEqual([]);
  });
});

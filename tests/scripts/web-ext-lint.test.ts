// Mozilla's linter (web-ext lint, offline) on the Firefox build: no errors, and no warnings from our
// code. The only warnings allowed are Preact's own innerHTML assignment (its dangerouslySetInnerHTML
// support, which our code never uses: Biome forbids it), recognised by the code around the warning.
// Then the store zip: exactly the linted directory, manifest at its root, with what AMO requires of a
// new add-on (a gecko id and data_collection_permissions, which needs strict_min_version 140).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionInto, filesUnder, ROOT } from '../support/build-into';

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

interface GeckoManifest {
  background: { scripts?: string[]; service_worker?: string };
  browser_specific_settings: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions?: { required?: string[] } };
  };
}

// The categories Firefox accepts (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/).
const DATA_TYPES = [
  'none',
  'authenticationInfo',
  'bookmarksInfo',
  'browsingActivity',
  'financialAndPaymentInfo',
  'healthInfo',
  'locationInfo',
  'personalCommunications',
  'personallyIdentifyingInfo',
  'searchTerms',
  'websiteActivity',
  'websiteContent',
];

describe('the Firefox zip for addons.mozilla.org', () => {
  const zipOf = () => {
    const name = readdirSync(out).find((f) => /^subprocessor-lens-firefox-.+\.zip$/.test(f));
    if (!name) throw new Error('no Firefox zip');
    return unzipSync(readFileSync(join(out, name)));
  };

  it('holds exactly the linted directory, byte for byte, with the manifest at its root', () => {
    const zip = zipOf();
    expect(Object.keys(zip).sort()).toEqual(filesUnder(join(out, 'firefox')));
    for (const [path, bytes] of Object.entries(zip))
      expect(Buffer.from(bytes).equals(readFileSync(join(out, 'firefox', path))), path).toBe(true);
  });

  it('declares the gecko id, data collection (none) and a background Firefox can run', () => {
    const entry = zipOf()['manifest.json'];
    if (!entry) throw new Error('no manifest.json at the root of the zip');
    const manifest = JSON.parse(Buffer.from(entry).toString('utf8')) as GeckoManifest;
    const gecko = manifest.browser_specific_settings.gecko;
    expect(gecko.id).toBe(report.metadata.id);
    const required = gecko.data_collection_permissions?.required ?? [];
    expect(required.length).toBeGreaterThan(0);
    for (const type of required) expect(DATA_TYPES).toContain(type);
    // "none" stands alone: it cannot be combined with a category.
    if (required.includes('none')) expect(required).toEqual(['none']);
    expect(Number.parseInt(gecko.strict_min_version, 10)).toBeGreaterThanOrEqual(140);
    // Firefox runs background.scripts as an event page; a manifest with only service_worker fails lint.
    expect(manifest.background.scripts?.length).toBeGreaterThan(0);
    for (const script of manifest.background.scripts ?? []) expect(Object.keys(zipOf())).toContain(script);
  });
});

// The store zips are byte-for-byte reproducible from the same commit: two builds at different times,
// from different directories and in different time zones give identical files.
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionInto, filesUnder, ROOT } from '../support/build-into';

const version = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string })
  .version;
const dirs: string[] = [];
let first = '';
let second = '';

beforeAll(() => {
  first = mkdtempSync(join(tmpdir(), 'lens-build-a-'));
  second = mkdtempSync(join(tmpdir(), 'lens-build-b-'));
  dirs.push(first, second);
  buildExtensionInto(first, { env: { TZ: 'UTC' } });
  // Different inputs' timestamps, working directory and time zone must not show in the output.
  const later = new Date(Date.now() + 3_600_000);
  utimesSync(join(ROOT, 'manifest.json'), later, later);
  buildExtensionInto(second, { cwd: tmpdir(), env: { TZ: 'Pacific/Kiritimati' } });
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('reproducible zips', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`builds the same ${browser} zip twice, byte for byte`, () => {
      const name = `subprocessor-lens-${browser}-${version}.zip`;
      const a = readFileSync(join(first, name));
      const b = readFileSync(join(second, name));
      expect(a.length).toBeGreaterThan(10_000);
      expect(a.equals(b)).toBe(true);
    });

    it(`zips exactly the ${browser} build directory`, () => {
      const zip = unzipSync(readFileSync(join(first, `subprocessor-lens-${browser}-${version}.zip`)));
      const listed = Object.keys(zip).sort();
      expect(listed).toEqual(filesUnder(join(first, browser)));
      expect(listed).toContain('manifest.json');
      expect(listed).toContain('background.js');
      const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json'])) as { version: string };
      expect(manifest.version).toBe(version);
    });
  }
});

// Chrome's service worker, which every navigation may wake, carries no parser (issue 12): the
// parser and its libraries are built into the offscreen document it calls (core/parser-calls.ts),
// and Firefox's background page, which has no offscreen API, parses itself. Checked on a fresh build.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtensionInto } from '../support/build-into';

// Text each part carries once minified: the parser's own message for a PDF, and a rule of the
// Public Suffix List (tldts), the largest library the parser uses.
const PARSER = 'Subprocessor Lens cannot read';
const SUFFIX_LIST = 'blogspot';
/** Chrome's worker today is about 77 KB; with the parser it was 490 KB. */
const WORKER_BUDGET = 120_000;

let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'lens-worker-bundle-'));
  buildExtensionInto(out);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const text = (file: string) => readFileSync(join(out, file), 'utf8');

describe('the background bundles', () => {
  it("keep the parser out of Chrome's worker and put it in its offscreen document", () => {
    expect(statSync(join(out, 'chrome/background.js')).size).toBeLessThanOrEqual(WORKER_BUDGET);
    for (const marker of [PARSER, SUFFIX_LIST]) {
      expect(text('chrome/background.js'), marker).not.toContain(marker);
      expect(text('chrome/offscreen.js'), marker).toContain(marker);
    }
    const manifest = JSON.parse(text('chrome/manifest.json')) as { permissions: string[] };
    expect(manifest.permissions).toContain('offscreen');
  });

  it("keep the parser in Firefox's background page, which has no offscreen document", () => {
    for (const marker of [PARSER, SUFFIX_LIST])
      expect(text('firefox/background.js'), marker).toContain(marker);
    const manifest = JSON.parse(text('firefox/manifest.json')) as { permissions: string[] };
    expect(manifest.permissions).not.toContain('offscreen');
    expect(() => statSync(join(out, 'firefox/offscreen.js'))).toThrow();
  });
});

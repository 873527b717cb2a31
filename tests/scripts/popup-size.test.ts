// The popup's first-paint JavaScript stays within its budget (issue 12), measured on a fresh build:
// popup.js gzipped, without the schema library (valibot) or the browser polyfill, and the modules it
// loads by import() built beside it, where the schema code went.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_GZIP_BUDGET, popupSizes } from '../../scripts/popup-size';
import { buildExtensionInto } from '../support/build-into';

// Text that each library's code carries once minified: valibot's issue message, the polyfill's guard,
// fuse.js's limit on a pattern.
const VALIBOT = 'Invalid ${';
const POLYFILL = 'only be loaded in a browser extension';
const FUSE = 'Pattern length exceeds max of';
/** The lazy modules that read stored data, validating it; the third is the search code. */
const VALIDATING = ['popup-my-status.js', 'popup-full-read.js'];

let out: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'lens-popup-size-'));
  buildExtensionInto(out);
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(['chrome', 'firefox'])('the %s popup', (browser) => {
  const dir = () => join(out, browser);
  const text = (file: string) => readFileSync(join(dir(), file), 'utf8');

  it(`loads at most ${POPUP_GZIP_BUDGET} bytes of gzipped JavaScript before its first paint`, () => {
    const { first } = popupSizes(dir());
    expect(first.gzipped).toBeGreaterThan(0);
    expect(first.gzipped).toBeLessThanOrEqual(POPUP_GZIP_BUDGET);
  });

  it('keeps the schema library and the polyfill out of popup.js', () => {
    expect(text('popup.js')).not.toContain(VALIBOT);
    for (const file of ['popup.js', 'background.js', 'options.js', 'register.js'])
      expect(text(file)).not.toContain(POLYFILL);
  });

  it('builds the modules popup.js imports, with the validation they do', () => {
    const { lazy } = popupSizes(dir());
    for (const script of lazy) expect(text('popup.js')).toContain(`import("./${script.file}")`);
    expect(lazy.map((script) => script.file)).toEqual(expect.arrayContaining(VALIDATING));
    for (const file of VALIDATING) expect(text(file)).toContain(VALIBOT);
  });

  it('keeps fuse.js out of popup.js, in the search code it loads after the first paint', () => {
    expect(text('popup.js')).not.toContain(FUSE);
    expect(text('popup-search-code.js')).toContain(FUSE);
  });
});

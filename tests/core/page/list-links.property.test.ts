// listLinksIn on hostile and random pages: never throws, never hangs, answers only http(s) links,
// at most a few, none of them the page itself. Fixed seed in `npm test`; `npm run fuzz` runs more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listLinksIn } from '../../../src/core/page/list-links';
import { FUZZ_TIMEOUT_MS, fuzzParams, timed } from '../../support/fuzz';

const PAGE = 'https://acme.test/legal';

const fragment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<a href="/subprocessors">',
    '<a href="javascript:alert(1)">Subprocessors</a>',
    '<a href="https://trust.acme.test/">Trust Center</a>',
    '<a href="%E0%A4%A">Sub-processors</a>',
    '<a href="//evil.test/sub-processors">x</a>',
    '</a>',
    '<div>',
    '<script>',
    '<!--',
    'Unterauftragsverarbeiter',
    '\u202e',
  ),
);

describe('listLinksIn on arbitrary pages', () => {
  it(
    'never throws, stays bounded, and answers only http(s) links other than the page',
    () => {
      fc.assert(
        fc.property(fc.array(fragment, { maxLength: 200 }), (parts) => {
          const html = parts.join('');
          const links = timed(html.length, () => listLinksIn(html, PAGE));
          expect(links.length).toBeLessThanOrEqual(5);
          for (const link of links) {
            expect(link.url).toMatch(/^https?:\/\//);
            expect(link.url).not.toBe(PAGE);
          }
        }),
        fuzzParams(200),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('reads 5 MB of unclosed links in linear time', () => {
    const html = '<a href="/sub-processors/x">Subprocessors'.repeat(120_000).slice(0, 5_000_000);
    const links = timed(html.length, () => listLinksIn(html, PAGE));
    expect(links.length).toBeLessThanOrEqual(5);
  });
});

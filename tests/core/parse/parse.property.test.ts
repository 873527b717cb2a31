// Property tests (fast-check, fixed seed): parse never throws, never hangs, and every success is
// a schema-valid document with vendors and safe websites, whatever the input.
// `npm run fuzz` runs the same properties with many more inputs.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateList } from '../../../src/core/list';
import { parse } from '../../../src/core/parse';
import { PARSE_ERROR_CODES, type ParseResult } from '../../../src/core/result';
import { GOOD_FIXTURES, REAL_SHAPES, readFixture, SEED_PATH } from '../../support/fixture-lists';
import { FUZZ_SCALE, FUZZ_TIMEOUT_MS, fuzzParams, timed } from '../../support/fuzz';
import { TODAY } from '../../support/test-date';

// Text a reader sees must carry no control or bidi characters (hardening, issue 6).
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\p{Default_Ignorable_Code_Point}]/u;

function check(result: ParseResult): void {
  if (!result.ok) {
    expect(PARSE_ERROR_CODES).toContain(result.error.code);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message).not.toContain('\n');
    // The catch-all that turns our own exceptions into an error must never be needed.
    expect(result.error.message).not.toMatch(/^This input could not be read/);
    return;
  }
  const checked = validateList(result.list);
  expect(checked.ok ? [] : checked.issues).toEqual([]);
  expect(result.list.vendors.length).toBeGreaterThan(0);
  for (const vendor of result.list.vendors) {
    expect(vendor.name.trim()).not.toBe('');
    if (vendor.website !== null) expect(['https:', 'http:']).toContain(new URL(vendor.website).protocol);
    const texts = [
      vendor.name,
      vendor.location.text,
      vendor.dpa.text,
      ...vendor.use,
      ...vendor.dataProcessed,
      ...vendor.certifications.flatMap((c) => [c.label, c.text]),
    ];
    for (const text of texts) expect(text).not.toMatch(UNSAFE);
  }
  expect(result.list.source.title).not.toMatch(UNSAFE);
}

function parseChecked(text: string, contentType?: string): void {
  const result = timed(text.length, () => parse(text, { today: TODAY, contentType: contentType ?? null }));
  check(result);
}

// The real shapes (bullets, link lists, prose, labelled cards, other languages) reach every reader.
const FIXTURES = [
  readFileSync(SEED_PATH, 'utf8'),
  ...GOOD_FIXTURES.map(readFixture),
  ...REAL_SHAPES.map(readFixture),
];

// Pieces of markdown, HTML and JSON syntax, so random input reaches deep into the parsers.
const TOKENS = [
  '\n',
  '\n\n',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u202e',
  '\u{E0073}',
  '\ufe0f',
  '\u3164',
  '\u0000',
  '<',
  '>',
  '</',
  '/>',
  '"',
  "'",
  '=',
  '<table>',
  '</table>',
  '<tr>',
  '<td>',
  '</td>',
  '<th>',
  '<ul>',
  '<li>',
  '<p>',
  '<div>',
  '<h2>',
  '</h2>',
  '<strong>',
  '</strong>',
  '<a href="',
  '<br>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '<form>',
  '<footer>',
  '|',
  '| --- |',
  '-',
  '*',
  '**',
  '_',
  '#',
  '## ',
  '> ',
  '1. ',
  '- ',
  '---\n',
  '[',
  ']',
  '(',
  ')',
  '`',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"name":',
  '"format":"subprocessor-list/v1"',
  'null',
  '0',
  'Vendor',
  'Subprocessor',
  'Location:',
  '**Location:**',
  'Purpose',
  'DPA',
  'Yes',
  'No',
  'Certifications',
  'Website',
  'https://',
  'http://',
  'javascript:alert(1)',
  'data:text/html,x',
  'stripe.com',
  'www.',
  '.com',
  'Berlin, Germany',
  'United States',
  'EU',
  'ISO 27001',
  'SOC 2 Type ',
  'Privacy Shield',
  'None.',
  '8 October 2018',
  'Last updated',
  '2024-01-01',
  'Stripe',
  'Inc.',
  '&amp;',
  '&#x202e;',
  '😀',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 300 }).map((t) => t.join(''));

// Mutations of real fixtures: insert, delete, duplicate and move chunks, shuffle lines.
type Mutation = (text: string) => string;
const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, fc.oneof(fc.string(), tokenText)).map(([at, piece]) => (t: string) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + piece + t.slice(i);
  }),
  fc.tuple(position, fc.nat(400)).map(([at, n]) => (t: string) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.tuple(position, fc.nat(2000), fc.integer({ min: 1, max: 20 })).map(([at, n, times]) => (t: string) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + t.slice(i, i + n).repeat(times) + t.slice(i);
  }),
  fc.tuple(position, position, fc.nat(1000)).map(([from, to, n]) => (t: string) => {
    const i = Math.floor(from * t.length);
    const chunk = t.slice(i, i + n);
    const rest = t.slice(0, i) + t.slice(i + n);
    const j = Math.floor(to * rest.length);
    return rest.slice(0, j) + chunk + rest.slice(j);
  }),
  fc.integer().map((salt) => (t: string) => {
    const lines = t.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.abs((salt * (i + 7)) % (i + 1));
      [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
    }
    return lines.join('\n');
  }),
);

describe('parse, property tests', () => {
  it(
    'never throws on arbitrary strings',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => parseChecked(text)),
        fuzzParams(300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on random sequences of markup, table, JSON and list syntax',
    () => {
      fc.assert(
        fc.property(tokenText, fc.constantFrom(undefined, 'text/html', 'application/json'), (text, type) =>
          parseChecked(text, type),
        ),
        fuzzParams(300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'holds on mutated versions of every fixture (insert, delete, duplicate, move, shuffle)',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...FIXTURES),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          (text, ops) => parseChecked(ops.reduce((t, op) => op(t), text)),
        ),
        fuzzParams(120),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('reads every fixture unchanged (the mutations start from valid lists)', () => {
    for (const text of FIXTURES) {
      const result = parse(text, { today: TODAY });
      expect(result.ok).toBe(true);
      check(result);
    }
  });

  it(
    'holds on JSON values of any shape, and on v1 documents with a field replaced',
    () => {
      const v1 = JSON.parse(readFixture('v1.json'));
      const paths = [
        ['format'],
        ['source'],
        ['source', 'url'],
        ['source', 'updated'],
        ['vendors'],
        ['vendors', 0],
        ['vendors', 0, 'name'],
        ['vendors', 0, 'website'],
        ['vendors', 0, 'domains'],
        ['vendors', 0, 'location'],
        ['vendors', 1, 'certifications'],
        ['vendors', 1, 'dpa', 'status'],
        ['vendors', 2, 'flags'],
        ['vendors', 2, 'hostingDomains'],
        ['vendors', 2, 'use'],
      ] as const;
      fc.assert(
        fc.property(fc.jsonValue(), fc.constantFrom(...paths), fc.boolean(), (value, path, wrap) => {
          const doc = structuredClone(v1);
          let at = doc;
          for (const key of path.slice(0, -1)) at = at[key];
          at[path.at(-1) as string | number] = value;
          parseChecked(JSON.stringify(doc));
          parseChecked(JSON.stringify(wrap ? { vendors: [value] } : value));
        }),
        fuzzParams(300),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never overflows the stack or hangs on deeply nested markup',
    () => {
      const opener = fc.constantFrom(
        '<div>',
        '<ul><li>',
        '<table><tr><td>',
        '<b>',
        '<a href="https://x.com">',
        '<blockquote>',
        '<details>',
        '> ',
        '- ',
        '1. ',
        '* ',
        '[',
        '**',
        '<h2>',
        '<p>',
        '{"vendors":[',
        '[[',
      );
      const payload = fc.constantFrom(
        '',
        'x',
        '## Stripe\n[stripe.com](https://stripe.com)\n- **Use:** Payments\n- **Location:** US',
        '<table><tr><th>Vendor</th><th>Location</th></tr><tr><td>Deep Co</td><td>Norway</td></tr></table>',
      );
      fc.assert(
        fc.property(
          opener,
          fc.integer({ min: 50, max: 20_000 }),
          payload,
          fc.boolean(),
          (open, depth, inner, lines) =>
            parseChecked(
              open
                .repeat(depth)
                .split(lines ? '' : '\u0000')
                .join(lines ? '\n' : '') + inner,
            ),
        ),
        fuzzParams(12),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never hangs on 100 KB lines of repeated characters without the closing token',
    () => {
      const unit = fc.constantFrom(
        ' ',
        '\t',
        '1',
        'a',
        '.',
        ':',
        '*',
        '_',
        '_a_',
        '**a',
        'a*b_',
        '<',
        '<a',
        '[a',
        '![',
        '`',
        '|',
        '#',
        '~',
        '&#',
        '\\',
        'x:',
        '- ',
        '> ',
        '1.',
        'a.',
        'http://a.',
        'SOC ',
        'ISO/IEC ',
        'EU-US ',
        'Privacy ',
        '12 ',
        'January ',
        'updated ',
        'Inc ',
        '(',
        ')',
        ',',
        ';',
        ' and ',
        'www.a',
        '@',
        'é',
        '😀',
      );
      const context = fc.constantFrom(
        (run: string) => run,
        (run: string) => `## Vendor\n- **Certifications:** ${run}\n- **Location:** ${run}\n- **DPA:** ${run}`,
        (run: string) => `| Vendor | Location | DPA |\n|---|---|---|\n| ${run} | ${run} | ${run} |`,
        // The same 100 KB as a hundred rows of 1 KB cells: per-cell work must be linear too.
        (run: string) =>
          `| Vendor | Certifications | Location | DPA |\n|---|---|---|---|\n${Array.from({ length: 100 }, (_, i) => `| V${i} | ${run.slice(0, 1000)} | ${run.slice(0, 1000)} | ${run.slice(0, 1000)} |`).join('\n')}`,
        (run: string) =>
          `<!doctype html><table><tr><th>Vendor</th><th>Website</th></tr><tr><td>${run}</td><td>${run}</td></tr></table>`,
        (run: string) =>
          `[{"name": ${JSON.stringify(run)}, "website": ${JSON.stringify(run)}, "country": ${JSON.stringify(run)}}]`,
        (run: string) => `---\ntitle: ${run}\ndate: ${run}\n---\nLast updated ${run}`,
        (run: string) =>
          `- name: ${JSON.stringify(run)}\n  purpose: ${JSON.stringify(run)}\n  location: [${JSON.stringify(run)}]\n- name: ${run}\n  website: ${run}\n`,
        // The readers of bullets, link lists, prose, vendor <dl>s and labelled paragraphs.
        (run: string) =>
          `<h2>Subprocessors</h2><ul><li><strong>${run}</strong> – ${run} – ${run}</li><li><a href="https://a.com">${run}</a> for ${run}</li></ul>`,
        (run: string) =>
          `* [${run}](https://trust.${run}.com/gdpr) for ${run} d/b/a ${run}\n* **A** – ${run}`,
        (run: string) =>
          `<ul><li><a href="https://a.com/dpa">${run} data processing agreement</a></li><li><a href="https://b.com">${run} DPA</a></li></ul>`,
        (run: string) =>
          `<h2>${run}</h2><p>We use <strong>${run}</strong> (${run}). See <a href="https://a.com">${run} Terms</a></p>`,
        (run: string) => `<dl><dt>${run}<dd>Zweck: ${run}<br>Sitz: ${run}<dt>B<dd>${run}</dl>`,
        (run: string) =>
          `<h3>${run}</h3><p><strong>Finalité :</strong>${run}<br><b>所在地：</b>${run}<br>${run}</p>`,
      );
      fc.assert(
        fc.property(unit, context, (u, wrap) => parseChecked(wrap(u.repeat(Math.ceil(100_000 / u.length))))),
        fuzzParams(30),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  // Each reader on its own shape, repeated to 200 KB in npm test and to 5 MB in npm run fuzz
  // (FUZZ_SCALE 30): the time bound grows linearly with the input, so a quadratic reader trips it.
  const SIZE = Math.min(5_000_000, 200_000 * FUZZ_SCALE);
  const fill = (unit: string, head: string, tail = '') =>
    head + unit.repeat(Math.max(1, Math.floor((SIZE - head.length - tail.length) / unit.length))) + tail;
  it.each([
    [
      'bullets',
      fill('<li><strong>Acme Ltd</strong> – Hosting – Germany</li>\n', '<!doctype html><ul>', '</ul>'),
    ],
    [
      'markdown bullets',
      fill('* [Acme Inc.](https://trust.acme.com/gdpr) for\n  hosting d/b/a Acme.\n', '# List\n\n'),
    ],
    [
      'one bullet of separators',
      fill('– d/b/a (x ', '<!doctype html><ul><li><strong>A</strong> ', '</li></ul>'),
    ],
    [
      'link lists',
      fill(
        '<li><a href="https://acme.com/dpa">Acme data processing agreement</a></li>',
        '<!doctype html><ul>',
      ),
    ],
    [
      'prose',
      fill(
        '<p>We use <strong>Acme Cloud</strong>. See <a href="https://a.com/t">Acme Cloud Terms</a></p>',
        '<!doctype html><h2>Hosting</h2>',
      ),
    ],
    [
      'one paragraph of bold names and links',
      fill('<b>Acme</b> <a href="https://a.com/x">Acme T</a> ', '<!doctype html><p>', '</p>'),
    ],
    [
      'vendor definition lists',
      fill('<dt>Acme Inc.<dd>Zweck: Hosting<br>Sitz: Berlin\n', '<!doctype html><dl>', '</dl>'),
    ],
    [
      'labelled lines in one paragraph',
      fill('<strong>所在地：</strong>東京<br>\n', '<!doctype html><h3>Acme</h3><p>', '</p>'),
    ],
  ])(
    'reads %s in time linear in the input',
    (_shape, text) => {
      parseChecked(text);
    },
    FUZZ_TIMEOUT_MS,
  );
});

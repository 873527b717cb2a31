// A list that is only re-formatted (moved from a table to bullets, a column renamed, whitespace and
// markup changed) reads to the same vendors: the diff shows nothing added, removed or changed.
import { describe, expect, it } from 'vitest';
import { diffLists } from '../../../src/core/register/diff';
import { names, parseFixture } from '../../support/fixture-lists';

const PAIRS: [string, string][] = [
  ['table.html', 'bullets.html'],
  ['table.html', 'columns-renamed.html'],
  ['table.html', 'markup-changed.html'],
  ['table.md', 'bullets.md'],
  ['table.md', 'sections.html'],
  ['sections.html', 'cards.html'],
];

describe('re-formatted lists (tests/fixtures/lists/reformatted)', () => {
  it.each(PAIRS)('%s and %s differ in no vendor', (before, after) => {
    const a = parseFixture(`reformatted/${before}`);
    const b = parseFixture(`reformatted/${after}`);
    expect(names(b)).toEqual(names(a));
    expect(a.vendors.length).toBe(4);
    const diff = diffLists(a, b);
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('still reports a real change of a vendor fact between two shapes', () => {
    const a = parseFixture('reformatted/table.md');
    const b = parseFixture('reformatted/bullets.md');
    b.vendors[2] = {
      ...(b.vendors[2] as (typeof b.vendors)[number]),
      location: { text: 'Finland', country: 'FI' },
    };
    expect(diffLists(a, b).changed.map((c) => [c.name, c.changes.map((x) => x.field)])).toEqual([
      ['Hetzner Online GmbH', ['location']],
    ]);
  });
});

// docs/storage.md is the table of every storage key: a key added to store/keys.ts without a row
// there, or a row left behind for a key that is gone, fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as keys from '../../src/platform/store/keys';

const doc = readFileSync(join(import.meta.dirname, '../../docs/storage.md'), 'utf8');
// The table's first column: `lens.…` in backticks at the start of a row.
const documented = [...doc.matchAll(/^\| `(lens\.[^`]+)` \|/gm)].map((m) => m[1]);

// Every key keys.ts names, with the per-shard and per-chunk keys written as the doc writes them.
const declared = Object.values(keys).map((key) =>
  typeof key === 'function'
    ? (key as (n: number) => string)(0).replace(/\.0$/, key === keys.siteShardKey ? '.N' : '.K')
    : key,
);

describe('docs/storage.md', () => {
  it('has a row for every storage key', () => {
    expect(declared.length).toBeGreaterThan(5);
    for (const key of declared) expect(documented).toContain(key);
  });

  it('has no row for a key the code does not declare', () => {
    for (const key of documented) expect(declared).toContain(key);
  });
});

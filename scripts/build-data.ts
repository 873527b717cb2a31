// Build step: the bundled sources' markdown -> v1 documents, through the same core parse().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sources from '../assets/data/sources.json';
import type { SubprocessorList } from '../src/core/list';
import { parse } from '../src/core/parse';

export interface BundledSource {
  id: string;
  list: SubprocessorList;
}

/** Parses every bundled source; a source that fails to parse fails the build with its reason. */
export function buildBundledLists(root: string, today: string): BundledSource[] {
  return sources.sources.map((source) => {
    const text = readFileSync(join(root, 'assets/data', source.file), 'utf8');
    const result = parse(text, { url: source.url, title: source.title, today });
    if (!result.ok) throw new Error(`assets/data/${source.file}: ${result.error.message}`);
    return { id: source.id, list: result.list };
  });
}

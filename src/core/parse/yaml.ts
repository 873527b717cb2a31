// YAML data files: the `_data/subprocessors.yml` of Jekyll and Hugo sites, a list of objects
// (name, purpose, country, website), read like a JSON array (parse/data-items.ts).
import { load } from 'js-yaml';
import { cleanText } from '../normalize/text';
import type { ParseError } from '../result';
import { type DataItems, itemsOf } from './data-items';

// js-yaml's default schema (YAML 1.2 core) builds plain data only: no functions, no custom tags,
// no "<<" merges. An alias is the same object again, so a "billion laughs" document stays small
// in memory, and the readers walk values with a budget (data-items.ts); a data file needs few.
const MAX_ALIASES = 100;
const MAX_DEPTH = 32;

export type YamlRead = { kind: 'items'; items: DataItems } | { kind: 'error'; error: ParseError };

export function readYaml(text: string): YamlRead {
  let value: unknown;
  try {
    value = load(text, { maxAliases: MAX_ALIASES, maxDepth: MAX_DEPTH });
  } catch (e) {
    // js-yaml adds a snippet of the source after the first line: the line and column are enough.
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    const message = cleanText(first, 300);
    return { kind: 'error', error: { code: 'invalid-yaml', message: `Not valid YAML: ${message}` } };
  }
  const items = itemsOf(value);
  if (!items)
    return {
      kind: 'error',
      error: {
        code: 'unsupported',
        message: 'The YAML holds no list of vendors (expected a list of entries with a name).',
      },
    };
  return { kind: 'items', items };
}

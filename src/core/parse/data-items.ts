// Vendors in data files (JSON, YAML): an array of objects with name-like keys, or an object
// wrapping one. One home for both readers, so a YAML file and its JSON twin read the same.
import { elements, parseHtml, textOf } from './dom';
import { classifyLabel, type RawVendor } from './fields';

// Fields in the wild nest a level or two ({"location": {"text": …}}, lists of strings). Deeper
// values are not a vendor's facts, and walking them would let a hostile file blow the stack.
const MAX_DEPTH = 4;
// A fragment is read only this far: a field is a line or two, never a page.
const MAX_FRAGMENT = 20_000;

// Content management systems export rich-text fields as HTML fragments: a location given as
// "<div>USA</div><div>Ireland</div>", a contact with "<br />". A tag-like start or a closing tag
// marks one, and so does an entity ("R&amp;D"); "R&D < 5 people" does not.
const HTML_FRAGMENT = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i;

/** A fragment's text through the HTML reader's own tree: its lines joined by ", ". */
function fragmentText(html: string): string {
  return textOf(parseHtml(html.slice(0, MAX_FRAGMENT)), MAX_FRAGMENT)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
}

/** The first link of a fragment ("<a href=…>Acme</a>"), for a website field. */
function fragmentLink(html: string): string | null {
  const link = elements(parseHtml(html.slice(0, MAX_FRAGMENT))).find(
    (el) => el.name === 'a' && el.attribs.href,
  );
  return link?.attribs.href ?? null;
}

// A field's value is walked with a budget of nodes and characters: YAML aliases let a small file
// name one list many times over ("billion laughs"), which a plain walk would visit billions of
// times. A field is cut to MAX_TEXT when it is cleaned anyway.
const MAX_NODES = 2000;
const MAX_CHARS = 20_000;

interface Budget {
  nodes: number;
  chars: number;
}

function textIn(value: unknown, depth: number, budget: Budget): string | null {
  if (depth > MAX_DEPTH || --budget.nodes < 0 || budget.chars <= 0) return null;
  if (typeof value === 'string') {
    const raw = value.slice(0, budget.chars);
    const text = HTML_FRAGMENT.test(raw) ? fragmentText(raw) : raw;
    budget.chars -= text.length;
    return text;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const x of value) {
      if (budget.nodes <= 0 || budget.chars <= 0) break;
      const text = textIn(x, depth + 1, budget);
      if (text) parts.push(text);
    }
    return parts.join(', ');
  }
  if (value && typeof value === 'object' && 'text' in value) return textIn(value.text, depth + 1, budget);
  return null;
}

/** A field's value as text: strings, numbers, lists of them, {"text": …}; HTML fragments read. */
export function scalarText(value: unknown): string | null {
  return textIn(value, 0, { nodes: MAX_NODES, chars: MAX_CHARS });
}

function websiteText(value: unknown): string | null {
  if (typeof value === 'string' && HTML_FRAGMENT.test(value))
    return fragmentLink(value) ?? fragmentText(value);
  return scalarText(value);
}

function rawOf(item: unknown): RawVendor | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return null;
  const raw: RawVendor = { name: '', website: null, fields: {} };
  for (const [key, value] of Object.entries(item)) {
    // Only a key we read is looked into: an ignored key may hold anything, however deep.
    const field = classifyLabel(key);
    if (!field) continue;
    const text = field === 'website' ? websiteText(value) : scalarText(value);
    if (text === null) continue;
    if (field === 'name') raw.name ||= text;
    else if (field === 'website') raw.website ??= text;
    else raw.fields[field] ??= text;
  }
  return raw.name ? raw : null;
}

const WRAPPERS = ['vendors', 'subprocessors', 'subProcessors', 'sub_processors', 'items', 'data', 'entries'];

export function arrayIn(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!value || typeof value !== 'object') return null;
  for (const key of WRAPPERS) {
    const found = (value as Record<string, unknown>)[key];
    if (Array.isArray(found)) return found;
  }
  return null;
}

export interface DataItems {
  raws: RawVendor[];
  title: string | null;
  updated: string | null;
}

/** The vendors of a data file's value, with the wrapper's title and date; null: no list in it. */
export function itemsOf(value: unknown): DataItems | null {
  const items = arrayIn(value);
  if (!items) return null;
  const meta =
    !Array.isArray(value) && value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const raws: RawVendor[] = [];
  for (const item of items) {
    const raw = rawOf(item);
    if (raw) raws.push(raw);
  }
  return {
    raws,
    title: scalarText(meta.title ?? meta.name),
    updated: scalarText(meta.updated ?? meta.lastUpdated ?? meta.date),
  };
}

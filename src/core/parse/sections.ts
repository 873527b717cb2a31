// Lists written as one heading per vendor followed by labelled lines ("**Location:** Berlin").
// This is the shape of the seed (markdown rendered to HTML) and of many static legal pages.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { isElement, isPageChrome, isSkipped, links, textOf } from './dom';
import { classifyLabel, type RawVendor } from './fields';

interface Block {
  label: string | null;
  value: string;
  links: { href: string; text: string }[];
}

interface Section {
  name: string;
  level: number;
  blocks: Block[];
}

// Headings that introduce or close a list rather than name a vendor.
const NOT_A_VENDOR =
  /^(how|what|why|when|where|who|about|key|legend|definitions?|glossary|overview|introduction|intro|changes?|updates?|history|contact|questions|notes?|contents|table of contents|summary|subscribe|related)\b|\b(this (list|page)|sub-?processors?( list)?|list of)\b|\?$/i;

const BLOCKS = new Set(['li', 'p', 'dd', 'dt']);
const HEADING = /^h([1-6])$/;

/** A block's label: a leading <strong>/<b>, or "Label: value" text. */
function readBlock(el: Element): Block {
  const text = textOf(el);
  const blockLinks = links(el);
  const first = el.children.find((c) => c.type !== 'text' || (c as { data: string }).data.trim() !== '');
  if (first && isElement(first) && (first.name === 'strong' || first.name === 'b')) {
    const label = cleanText(textOf(first)).replace(/:$/, '').trim();
    const rest = text.slice(text.indexOf(textOf(first)) + textOf(first).length);
    if (classifyLabel(label))
      return { label, value: cleanText(rest.replace(/^\s*:/, '')), links: blockLinks };
  }
  const m = /^\s*([^:\n]{2,60}):\s*([\s\S]+)$/.exec(text);
  if (m?.[1] && classifyLabel(m[1]))
    return { label: cleanText(m[1]), value: cleanText(m[2] ?? ''), links: blockLinks };
  return { label: null, value: cleanText(text), links: blockLinks };
}

/** A paragraph that is only bold text reads as a heading: "<p><strong>Stripe</strong></p>". */
function boldOnlyName(el: Element): string | null {
  if (el.name !== 'p') return null;
  const kids = el.children.filter((c) => c.type !== 'text' || (c as { data: string }).data.trim() !== '');
  const only = kids[0];
  if (kids.length !== 1 || !only || !isElement(only) || (only.name !== 'strong' && only.name !== 'b'))
    return null;
  const text = cleanText(textOf(only));
  return text.length > 0 && text.length <= 80 && !text.endsWith(':') ? text : null;
}

function collectSections(doc: Document): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let pendingDt: string | null = null;
  const walk = (node: Element | Document): void => {
    for (const child of node.children) {
      if (!isElement(child) || isSkipped(child) || isPageChrome(child) || child.name === 'table') continue;
      const heading = HEADING.exec(child.name);
      const boldName = heading ? null : boldOnlyName(child);
      if (heading || boldName) {
        current = {
          name: boldName ?? cleanText(textOf(child), 300),
          level: heading ? Number(heading[1]) : 7,
          blocks: [],
        };
        sections.push(current);
        continue;
      }
      if (BLOCKS.has(child.name)) {
        if (child.name === 'dt') {
          pendingDt = cleanText(textOf(child));
          continue;
        }
        const block = readBlock(child);
        if (child.name === 'dd' && pendingDt && classifyLabel(pendingDt)) block.label = pendingDt;
        pendingDt = null;
        current?.blocks.push(block);
        continue;
      }
      walk(child);
    }
  };
  walk(doc);
  return sections;
}

function vendorOf(section: Section): RawVendor | null {
  if (!section.name || NOT_A_VENDOR.test(section.name)) return null;
  const raw: RawVendor = { name: section.name, website: null, fields: {} };
  let count = 0;
  for (const block of section.blocks) {
    const key = block.label ? classifyLabel(block.label) : null;
    if (key === 'website') raw.website ??= block.links[0]?.href ?? block.value;
    else if (key && key !== 'name') {
      if (!raw.fields[key]) count++;
      raw.fields[key] = raw.fields[key] ? `${raw.fields[key]}, ${block.value}` : block.value;
    } else if (!key && !raw.website && block.links[0]) raw.website = block.links[0].href;
  }
  // One labelled fact plus a link, or two facts, make a vendor; a lone paragraph does not.
  return count >= 2 || (count >= 1 && raw.website) ? raw : null;
}

/**
 * A heading whose own sub-headings are vendors is a title or a group ("# Our partners", then
 * "## Stripe"): its labelled lines describe the list ("Location: where the partner stores
 * data"), so it is not a vendor itself, whatever it is called.
 */
function containers(sections: Section[], candidates: (RawVendor | null)[]): Set<number> {
  const out = new Set<number>();
  const open: number[] = []; // indices of enclosing sections, shallowest first
  sections.forEach((section, i) => {
    while (open.length && (sections[open.at(-1) ?? 0]?.level ?? 0) >= section.level) open.pop();
    if (candidates[i]) for (const parent of open) out.add(parent);
    open.push(i);
  });
  return out;
}

export function vendorsFromSections(doc: Document): RawVendor[] {
  const sections = collectSections(doc);
  const candidates = sections.map(vendorOf);
  const skip = containers(sections, candidates);
  return candidates.filter((v, i): v is RawVendor => v !== null && !skip.has(i));
}

/** The page's own title: <title>, else the first <h1>. */
export function titleOf(doc: Document): string | null {
  for (const name of ['title', 'h1']) {
    const el = findFirst(doc, name);
    const text = el ? cleanText(textOf(el), 200) : '';
    if (text) return text;
  }
  return null;
}

function findFirst(node: Element | Document, name: string): Element | null {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.name === name) return child;
    const found = findFirst(child, name);
    if (found) return found;
  }
  return null;
}

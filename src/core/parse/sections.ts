// Lists written as one heading per vendor followed by labelled lines ("**Location:** Berlin").
// This is the shape of the seed (markdown rendered to HTML) and of many static legal pages.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { BLOCK, isElement, isPageChrome, isSkipped, links, textOf } from './dom';
import { classifyLabel, type RawVendor } from './fields';
import { isListHeading } from './labels';

interface Block {
  label: string | null;
  value: string;
  links: { href: string; text: string }[];
}

interface Section {
  name: string;
  level: number;
  blocks: Block[];
  /** A term of a definition list of vendors: its list says it is a vendor, one fact is enough. */
  term?: boolean;
}

// Headings that introduce or close a list rather than name a vendor.
const NOT_A_VENDOR =
  /^(how|what|why|when|where|who|about|key|legend|definitions?|glossary|overview|introduction|intro|changes?|updates?|history|contact|questions|notes?|contents|table of contents|summary|subscribe|related)\b|\b(this (list|page)|sub-?processors?( list)?|list of)\b|\?$/i;

const BLOCKS = new Set(['li', 'p', 'dd', 'dt']);
const HEADING = /^h([1-6])$/;

// "Label: value", with or without a space after the colon; full-width colons in Japanese.
const LABELLED = /^\s*([^:：\n]{2,60})[:：]\s*([\s\S]*)$/;

/** A block's label: a leading <strong>/<b>, or "Label: value" text. */
function readBlock(el: Element): Block {
  const text = textOf(el);
  const blockLinks = links(el);
  const first = el.children.find((c) => c.type !== 'text' || (c as { data: string }).data.trim() !== '');
  if (first && isElement(first) && (first.name === 'strong' || first.name === 'b')) {
    const label = cleanText(textOf(first))
      .replace(/[:：]$/, '')
      .trim();
    const rest = text.slice(text.indexOf(textOf(first)) + textOf(first).length);
    if (classifyLabel(label))
      return { label, value: cleanText(rest.replace(/^\s*[:：]/, '')), links: blockLinks };
  }
  const m = LABELLED.exec(text);
  if (m?.[1] && classifyLabel(m[1]))
    return { label: cleanText(m[1]), value: cleanText(m[2] ?? ''), links: blockLinks };
  return { label: null, value: cleanText(text), links: blockLinks };
}

/**
 * One <p> or card can hold several "<strong>Label:</strong> value<br>" lines: each labelled line
 * is a block, and the unlabelled lines after it continue its value (a postal address).
 */
function readBlocks(el: Element): Block[] {
  const lines = textOf(el)
    .split('\n')
    .map((l) => cleanText(l))
    .filter(Boolean);
  if (lines.length < 2) return [readBlock(el)];
  const elLinks = links(el);
  const out: Block[] = [];
  let labelled = false;
  for (const line of lines) {
    const m = LABELLED.exec(line);
    const lineLinks = elLinks.filter((l) => l.text && line.includes(l.text));
    const current = out.at(-1);
    if (m?.[1] && classifyLabel(m[1])) {
      labelled = true;
      out.push({ label: cleanText(m[1]), value: cleanText(m[2] ?? ''), links: lineLinks });
    } else if (current?.label) {
      current.value = current.value ? `${current.value}, ${line}` : line;
      current.links.push(...lineLinks);
    } else out.push({ label: null, value: line, links: lineLinks });
  }
  return labelled ? out : [readBlock(el)];
}

/** A <div> that holds only inline content is a block too (cards lay out their lines in divs). */
function isLeafDiv(el: Element): boolean {
  return (
    el.name === 'div' && !el.children.some((c) => isElement(c) && (BLOCK.has(c.name) || HEADING.test(c.name)))
  );
}

/** A paragraph that is only bold text reads as a heading: "<p><strong>Stripe</strong></p>". */
function boldOnlyName(el: Element): string | null {
  if (el.name !== 'p' && !isLeafDiv(el)) return null;
  const kids = el.children.filter((c) => c.type !== 'text' || (c as { data: string }).data.trim() !== '');
  const only = kids[0];
  if (kids.length !== 1 || !only || !isElement(only) || (only.name !== 'strong' && only.name !== 'b'))
    return null;
  const text = cleanText(textOf(only));
  return text.length > 0 && text.length <= 80 && !text.endsWith(':') ? text : null;
}

const NAME_LIKE = (text: string) => text.length > 0 && text.length <= 80 && !/[?!:：]$/.test(text);
// A glossary is a definition list too: its descriptions define ("means", "refers to").
const DEFINITION = /^(means|refers|is|are|shall|has the meaning)\b/i;

function termsOf(dl: Element): Element[] {
  const out: Element[] = [];
  for (const c of dl.children) {
    if (!isElement(c)) continue;
    if (c.name === 'dt' || c.name === 'dd') out.push(c);
    else if (c.name === 'div') out.push(...termsOf(c)); // HTML allows <div> around each pair
  }
  return out;
}

/** A <dl> whose terms are names, not labels: each <dt> is a vendor, its <dd>s describe it. */
function vendorTerms(dl: Element): Section[] | null {
  const items = termsOf(dl);
  const dts = items.filter((e) => e.name === 'dt').map((e) => cleanText(textOf(e)));
  const labels = dts.filter((t) => classifyLabel(t)).length;
  if (dts.length < 2 || labels * 2 >= dts.length || !dts.every(NAME_LIKE)) return null;
  const out: Section[] = [];
  for (const el of items) {
    if (el.name === 'dt') out.push({ name: cleanText(textOf(el), 300), level: 7, blocks: [], term: true });
    else out.at(-1)?.blocks.push(...readBlocks(el));
  }
  return out.some((t) => t.blocks.some((b) => DEFINITION.test(b.value))) ? null : out;
}

function collectSections(doc: Document): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  // A label on its own line ("<dt>Location</dt>", "<div class=label>Location</div>") labels the next.
  let pendingLabel: string | null = null;
  const add = (block: Block): void => {
    if (!block.label && pendingLabel) block.label = pendingLabel;
    pendingLabel = null;
    current?.blocks.push(block);
  };
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
        pendingLabel = null;
        continue;
      }
      const terms = child.name === 'dl' ? vendorTerms(child) : null;
      if (terms) {
        sections.push(...terms);
        current = null; // text after the list belongs to no term
        continue;
      }
      if (BLOCKS.has(child.name) || isLeafDiv(child)) {
        const text = cleanText(textOf(child));
        const alone = text.replace(/[:：]$/, '').trim();
        const onlyLabel = !/[:：]/.test(alone) && alone.split(' ').length <= 5 && classifyLabel(alone);
        if ((child.name === 'dt' || child.name === 'div' || /[:：]$/.test(text)) && onlyLabel) {
          pendingLabel = alone;
          continue;
        }
        if (child.name === 'dt') {
          pendingLabel = null;
          continue;
        }
        for (const block of readBlocks(child)) add(block);
        continue;
      }
      walk(child);
    }
  };
  walk(doc);
  return sections;
}

function vendorOf(section: Section): RawVendor | null {
  if (!section.name || NOT_A_VENDOR.test(section.name) || isListHeading(section.name)) return null;
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
  // One labelled fact plus a link, or two facts, make a vendor; a lone paragraph does not. A term
  // of a list of vendors is one already: a link, one fact, or a short description will do.
  if (section.term) {
    const described = section.blocks.find((b) => !b.label && b.value.length <= 200);
    if (!raw.fields.use && count === 0 && described) raw.fields.use = described.value;
    return count >= 1 || raw.website || raw.fields.use ? raw : null;
  }
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

// Lists written as bullets, one vendor per item: "[Acme Inc.](https://acme.com) for hosting.",
// "**Acme** – Hosting – Germany", "Acme GmbH – Payments – Berlin, Germany".
import type { ChildNode, Document, Element } from 'domhandler';
import { normalizeLocation } from '../normalize/location';
import { cleanText } from '../normalize/text';
import { isElement, isSkipped, textOf, walkContent } from './dom';
import { classifyLabel, type RawVendor } from './fields';
import { isListHeading } from './labels';
import { isPlace, looksLikeName } from './name-cues';
import { isOwnLink, siteOf } from './vendor-site';

interface Item {
  raw: RawVendor;
  linked: boolean;
  located: boolean;
}

const LISTS = new Set(['ul', 'ol']);
// A list's heading that says it lists vendors makes its plain items believable.
const VENDOR_HEADING = /sub-?processors?|vendors?|service providers?|third[- ]part|partners?|suppliers?/i;
// Headings of lists that look like vendors but are the publisher's own: offices, features, plans.
const OWN_HEADING =
  /\b(offices?|locations|team|teams|features?|benefits|why|pricing|plans?|faq|careers|jobs|events)\b/i;
// "Acme Holdings, Inc. d/b/a Widgetly": the trade name belongs to the name as written.
const DBA_WORDS = '(?:d\\/b\\/a|d\\.b\\.a\\.?|dba|doing business as|t\\/a|trading as)';
const DBA = new RegExp(
  `^\\s*,?\\s*(\\(\\s*${DBA_WORDS}\\s+[^)]{1,80}\\)|${DBA_WORDS}\\s+[^–—;:,()]{1,80}?(?=\\s+for\\s|\\s*[–—;:,(]|\\s+-\\s|$))`,
  'i',
);
const BEFORE_DBA = new RegExp(`[\\s,(]+${DBA_WORDS}\\s.*$`, 'i');
const PARTS = /\s+[–—-]\s+|\s+\|\s+|\s*;\s*/;

function meaningful(nodes: ChildNode[]): ChildNode[] {
  return nodes.filter((c) => (c.type === 'text' ? (c as { data: string }).data.trim() !== '' : isElement(c)));
}

/** The item's own nodes: a loose list wraps them in <p>; a nested list is not the item's text. */
function ownNodes(li: Element): ChildNode[] {
  const kids = meaningful(li.children).filter((c) => !(isElement(c) && (LISTS.has(c.name) || isSkipped(c))));
  const first = kids[0];
  return kids.length === 1 && first && isElement(first) && first.name === 'p'
    ? meaningful(first.children)
    : kids;
}

function textOfNodes(nodes: ChildNode[]): string {
  return cleanText(nodes.map((n) => textOf(n, 4000)).join(''));
}

/** The vendor's name and link at the start of an item, and the text after them. */
function leadOf(nodes: ChildNode[]): { name: string; href: string | null; rest: string } | null {
  const first = nodes[0];
  if (!first) return null;
  if (isElement(first) && (first.name === 'a' || first.name === 'strong' || first.name === 'b')) {
    const link =
      first.name === 'a' ? first : meaningful(first.children).find((c) => isElement(c) && c.name === 'a');
    const href = link && isElement(link) ? (link.attribs.href ?? null) : null;
    const name = cleanText(textOf(first));
    let rest = textOfNodes(nodes.slice(1));
    // "**Acme:** hosting" and "[Acme](…): hosting" put the separator inside or after the name.
    if (/[:：]$/.test(name))
      return classifyLabel(name.slice(0, -1)) ? null : { name: name.slice(0, -1), href, rest };
    if (/^[:：]/.test(rest) && classifyLabel(name)) return null; // "**Location**: Germany" is a label
    rest = rest.replace(/^[:：]\s*/, '');
    return { name, href, rest };
  }
  // Plain text: "Acme GmbH – Payments – Germany" and "Acme GmbH: payments" name the vendor first.
  const text = textOfNodes(nodes);
  const parts = text.split(/\s+[–—-]\s+/);
  if (parts.length >= 2) return { name: parts[0] ?? '', href: null, rest: parts.slice(1).join(' – ') };
  const colon = /^([^:：]{2,80})[:：]\s*(.+)$/.exec(text);
  if (!colon?.[1] || classifyLabel(colon[1])) return null;
  return { name: colon[1], href: null, rest: colon[2] ?? '' };
}

function itemOf(li: Element): Item | null {
  const lead = leadOf(ownNodes(li));
  if (!lead || (lead.href && isOwnLink(lead.href))) return null;
  if (lead.name.length > 200) return null;
  let name = lead.name;
  let rest = lead.rest;
  const dba = DBA.exec(rest);
  if (dba?.[1]) {
    name = `${name}${dba[0].startsWith(',') ? ',' : ''} ${dba[1]}`;
    rest = rest.slice(dba[0].length);
  }
  name = cleanText(name);
  if (!looksLikeName(name.replace(BEFORE_DBA, ''))) return null;
  rest = rest
    .replace(/^[\s,:–—-]+/, '')
    .replace(/^(?:for|provides|which provides|used for|to provide)\s+/i, '');
  const fields: RawVendor['fields'] = {};
  const add = (key: keyof RawVendor['fields'], value: string) => {
    const v = value.replace(/[.\s]+$/, '').trim();
    const unwrapped = /^\(([^()]*)\)$/.exec(v)?.[1] ?? v; // "**Postmark** (email)"
    if (unwrapped) fields[key] = fields[key] ? `${fields[key]}, ${unwrapped}` : unwrapped;
  };
  // "(United States)" right after the name is where the vendor is.
  const paren = /^\(([^)]{2,80})\)\s*/.exec(rest);
  if (paren?.[1] && isPlace(paren[1])) {
    add('location', paren[1]);
    rest = rest.slice(paren[0].length).replace(/^[\s,:–—-]+/, '');
  }
  for (const whole of rest.split(PARTS)) {
    // "hosting and databases (Belgium)": a place in closing brackets is where the vendor is.
    const place = /^(.*\S)\s*\(([^()]{2,80})\)[.\s]*$/.exec(whole);
    const placed = place?.[1] && place[2] && isPlace(place[2]);
    if (placed) add('location', place[2] ?? '');
    const part = placed ? (place[1] ?? '') : whole;
    const labelled = /^([^:]{2,40}):\s*(.+)$/.exec(part);
    const key = labelled?.[1] ? classifyLabel(labelled[1]) : null;
    if (labelled?.[2] && key && key !== 'name' && key !== 'website') add(key, labelled[2]);
    else if (part.length <= 120 && normalizeLocation(part.replace(/[.\s]+$/, '')).country)
      add('location', part);
    else add('use', part);
  }
  const website = lead.href ? siteOf(lead.href) : null;
  if (!website && Object.keys(fields).length === 0) return null; // a bare word is not a vendor
  return { raw: { name, website, fields }, linked: website !== null, located: Boolean(fields.location) };
}

/** Vendors of the page's bullet lists: a list counts when most of its items read as vendors. */
export function vendorsFromBullets(doc: Document): RawVendor[] {
  const out: RawVendor[] = [];
  walkContent(doc, (el, heading) => {
    if (!LISTS.has(el.name)) return true;
    const lis = el.children.filter((c): c is Element => isElement(c) && c.name === 'li');
    const items = lis.map(itemOf).filter((i): i is Item => i !== null);
    const described = items.filter((i) => Object.keys(i.raw.fields).length > 0);
    const believable =
      items.filter((i) => i.linked).length * 2 >= items.length ||
      (items.filter((i) => i.located).length * 2 >= items.length && !OWN_HEADING.test(heading)) ||
      VENDOR_HEADING.test(heading) ||
      isListHeading(heading);
    if (
      items.length >= 2 &&
      items.length * 5 >= lis.length * 3 &&
      described.length * 2 >= items.length &&
      believable
    ) {
      out.push(...items.map((i) => i.raw));
    }
    return true; // nested lists are lists too
  });
  return out;
}

// Lists written as prose: one section per purpose, vendors in bold inside its sentences ("our
// platform runs on **Acme Cloud** (AC)"), with "See [Acme Cloud Terms](…)" links. Read from cues,
// so its result is a low-confidence one the user confirms.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { vendorKey } from '../register/vendor-identity';
import { elements, isElement, links, textOf, walkContent } from './dom';
import type { RawVendor } from './fields';
import { isListHeading } from './labels';
import { looksLikeName } from './name-cues';
import { isOwnLink, siteOf } from './vendor-site';

const PARAGRAPHS = new Set(['p', 'li', 'dd', 'blockquote']);
const BOLD = new Set(['strong', 'b']);
// Bounds the work per paragraph on hostile pages; a real paragraph names a handful of vendors.
const MAX_PER_PARAGRAPH = 50;
// A heading that names no purpose: the page's title or the list's own name.
const NO_PURPOSE = /sub-?processors?|vendors?|overview|introduction|contact|changes|updates|questions/i;

/** The bold names of one paragraph, with the link that names each one, if any. */
function boldNames(p: Element): { name: string; href: string | null }[] {
  const text = cleanText(textOf(p));
  const out: { name: string; href: string | null }[] = [];
  for (const el of elements(p)) {
    if (out.length >= MAX_PER_PARAGRAPH) break;
    if (!BOLD.has(el.name)) continue;
    const name = cleanText(textOf(el));
    // A bold label that opens the paragraph ("**Note:** …", "**Hosting**: …") is not a name.
    const at = text.indexOf(name);
    const after = text.slice(at + name.length);
    if (/^\s*[:：]/.test(after) || !looksLikeName(name)) continue;
    // "your **Insights Dashboard**" is the publisher's; a list item led by a bold term is a bullet.
    if (/\b(our|your|its|their|my)\s*$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
    if (p.name === 'li' && at === 0) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(name) && !/[^\p{Script=Latin}\s\p{P}]/u.test(name)) continue; // "**not**"
    const inner = el.children.find((c) => isElement(c) && c.name === 'a');
    const href = inner && isElement(inner) ? (inner.attribs.href ?? null) : null;
    out.push({ name, href: href && !isOwnLink(href) ? href : null });
  }
  return out;
}

export function vendorsFromProse(doc: Document): RawVendor[] {
  const byKey = new Map<string, RawVendor>();
  const out: RawVendor[] = [];
  walkContent(doc, (el, heading) => {
    if (!PARAGRAPHS.has(el.name)) return true;
    const purpose = heading && !NO_PURPOSE.test(heading) && !isListHeading(heading) ? heading : '';
    const paragraphLinks = links(el)
      .filter((l) => !isOwnLink(l.href))
      .slice(0, MAX_PER_PARAGRAPH);
    for (const { name, href } of boldNames(el)) {
      const key = vendorKey(name) || name.toLowerCase();
      // "See [Acme Cloud Terms](…)": a link whose text starts with the name is the vendor's.
      const named = paragraphLinks.find((l) => l.text.toLowerCase().startsWith(name.toLowerCase()));
      const website = siteOf(href ?? named?.href ?? '');
      const known = byKey.get(key);
      if (known) {
        known.website ??= website;
        if (purpose && !known.fields.use?.includes(purpose))
          known.fields.use = known.fields.use ? `${known.fields.use}, ${purpose}` : purpose;
        continue;
      }
      const raw: RawVendor = { name, website, fields: purpose ? { use: purpose } : {} };
      byKey.set(key, raw);
      out.push(raw);
    }
    return false;
  });
  // "See [Acme Cloud Terms](…)" in the paragraph after the one that names Acme Cloud. Vendors are
  // found by their first word, so each link costs one look-up.
  const byFirstWord = new Map<string, RawVendor[]>();
  for (const raw of out) {
    const first = raw.name.toLowerCase().split(/\s+/)[0] ?? '';
    const same = byFirstWord.get(first);
    if (same) same.push(raw);
    else byFirstWord.set(first, [raw]);
  }
  walkContent(doc, (el) => {
    if (el.name !== 'a' || !el.attribs.href || isOwnLink(el.attribs.href)) return true;
    const text = cleanText(textOf(el, 300)).toLowerCase();
    for (const raw of byFirstWord.get(text.split(/\s+/)[0] ?? '') ?? []) {
      if (!raw.website && text.startsWith(raw.name.toLowerCase())) raw.website = siteOf(el.attribs.href);
    }
    return false;
  });
  return out;
}

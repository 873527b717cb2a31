// The publisher's own name, as its page states it (og:site_name, the title's brand part, the
// copyright line): its products and affiliates ("Initech Analytics", "Initech GmbH") are not its vendors.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { vendorKey } from '../register/vendor-identity';
import { isElement, textOf } from './dom';
import { isListHeading } from './labels';

// Title parts that name the page, not the company: "Subprocessors | Initech".
const PAGE_WORDS =
  /sub-?processors?|vendors?|providers?|third[- ]part|privacy|legal|trust|security|gdpr|list|policy|terms|partners/i;
const COPYRIGHT = /(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|\n©]{2,60})/i;

function find(node: Element | Document, test: (el: Element) => boolean, out: Element[]): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) out.push(child);
    if (out.length < 20) find(child, test, out);
  }
  return out;
}

/** Identity keys (vendor-identity) of the names the publisher goes by on its page; at least 3 letters. */
export function publisherKeys(doc: Document): Set<string> {
  const names: string[] = [];
  for (const meta of find(doc, (el) => el.name === 'meta', [])) {
    const prop = meta.attribs.property ?? meta.attribs.name ?? '';
    if (/^(og:site_name|application-name|author)$/i.test(prop)) names.push(meta.attribs.content ?? '');
  }
  const title = find(doc, (el) => el.name === 'title', [])[0];
  if (title) {
    const parts = cleanText(textOf(title)).split(/\s+[|–—·:-]\s+/);
    if (parts.length > 1) names.push(...parts.filter((p) => !PAGE_WORDS.test(p) && !isListHeading(p)));
  }
  for (const footer of find(doc, (el) => el.name === 'footer', [])) {
    const m = COPYRIGHT.exec(cleanText(textOf(footer, 5000)));
    if (m?.[1]) names.push(m[1].replace(/\s+all rights reserved.*$/i, ''));
  }
  return new Set(names.map((n) => vendorKey(cleanText(n))).filter((k) => k.length >= 3));
}

/** A name that starts with the publisher's: its product, its affiliate or its own page. */
export function isPublisherName(name: string, keys: Set<string>): boolean {
  const key = vendorKey(name);
  for (const own of keys) if (key.startsWith(own)) return true;
  return false;
}

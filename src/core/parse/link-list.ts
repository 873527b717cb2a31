// Lists of vendors' documents: "<li><a>Acme data processing agreement</a></li>", "Acme compliance
// information". The vendor is the link text before the document words; its links are grouped.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { vendorKey } from '../register/vendor-identity';
import { isElement, links, textOf, walkContent } from './dom';
import type { RawVendor } from './fields';
import { FOREIGN_DOCUMENT_WORDS } from './labels';
import { looksLikeName } from './name-cues';
import { isOwnLink, siteOf } from './vendor-site';

const ENGLISH_DOCUMENT_WORDS = [
  'data processing agreement',
  'data processing addendum',
  'data processing terms',
  'data protection agreement',
  'data protection addendum',
  'dpa',
  'privacy policy',
  'privacy notice',
  'privacy statement',
  'privacy',
  'terms of service',
  'terms of use',
  'terms',
  'security overview',
  'security information',
  'security page',
  'security',
  'compliance information',
  'compliance page',
  'compliance',
  'trust center',
  'trust centre',
  'trust portal',
  'trust page',
  'gdpr information',
  'gdpr commitment',
  'gdpr compliance',
  'gdpr page',
  'gdpr',
  'subprocessor list',
  'subprocessors',
  'standard contractual clauses',
  'sccs',
  'certifications',
  'soc 2 report',
  'legal terms',
];

// Longest first, so "data processing agreement" wins over "terms".
const WORDS = [...ENGLISH_DOCUMENT_WORDS, ...FOREIGN_DOCUMENT_WORDS].sort((a, b) => b.length - a.length);

/** "Acme Inc. data processing agreement (PDF)" -> "Acme Inc."; null when no document words end it. */
export function vendorOfDocumentLink(text: string): string | null {
  const lower = cleanText(text)
    .replace(/\s*\((pdf|html|link|en|de|fr)\)\s*$/i, '')
    .replace(/[\s.:]+$/, '');
  const folded = lower.toLowerCase();
  for (const word of WORDS) {
    if (!folded.endsWith(word)) continue;
    const before = lower.slice(0, lower.length - word.length);
    if (before && /[\p{L}\p{N}]$/u.test(before)) continue; // "...Xdpa" is not "dpa"
    const name = before
      .replace(/(?:['’]s)?[\s:–—-]*$/u, '')
      .replace(/[\s,]+(?:and|&)$/i, '')
      .trim();
    return name && looksLikeName(name) ? name : null;
  }
  return null;
}

export function vendorsFromLinkLists(doc: Document): RawVendor[] {
  const byKey = new Map<string, RawVendor>();
  const out: RawVendor[] = [];
  walkContent(doc, (el) => {
    if (el.name !== 'ul' && el.name !== 'ol') return true;
    const lis = el.children.filter((c): c is Element => isElement(c) && c.name === 'li');
    const found: { name: string; href: string }[] = [];
    for (const li of lis) {
      const only = links(li);
      const link = only[0];
      // An item is the link: nothing else of substance around it.
      if (only.length !== 1 || !link || isOwnLink(link.href)) continue;
      if (cleanText(textOf(li)).length > cleanText(link.text).length + 12) continue;
      const name = vendorOfDocumentLink(link.text);
      if (name) found.push({ name, href: link.href });
    }
    if (found.length < 2 || found.length * 2 < lis.length) return true;
    for (const { name, href } of found) {
      const key = vendorKey(name) || name.toLowerCase();
      const known = byKey.get(key);
      if (known) known.website ??= siteOf(href);
      else {
        const raw: RawVendor = { name, website: siteOf(href), fields: {} };
        byKey.set(key, raw);
        out.push(raw);
      }
    }
    return false;
  });
  return out;
}

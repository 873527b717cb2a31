// HTML pages (and markdown rendered to HTML). Tables and labelled sections state their vendors;
// bullet lists name one per item; link lists and prose are read from cues, with less confidence.
import { findDate } from '../normalize/date';
import type { Confidence, Reader } from '../result';
import { vendorsFromBullets } from './bullets';
import { parseHtml, textOf } from './dom';
import type { RawVendor } from './fields';
import { vendorsFromLinkLists } from './link-list';
import { vendorsFromProse } from './prose';
import { isPublisherName, publisherKeys } from './publisher';
import { titleOf, vendorsFromSections } from './sections';
import { vendorsFromTables } from './tables';

export interface HtmlRead {
  raws: RawVendor[];
  title: string | null;
  updated: string | null;
  /** The reader that found the vendors, and how sure it is (see core/result.ts). */
  reader: Reader;
  confidence: Confidence;
}

// "Last updated: 3 March 2024", "Updated on March 3, 2024" name the list's date. "Effective" and
// "as of" are weaker: they also date a vendor's DPA ("signed, effective 1 May 2021") in a table,
// so they count only when no stronger line gives a date.
const UPDATED = /\b(?:last\s+)?(?:updated|modified|revised|reviewed)\b[^\n]{0,60}/gi;
const EFFECTIVE = /\b(?:effective(?:\s+date)?|as\s+of)\b[^\n]{0,60}/gi;

export function updatedIn(text: string): string | null {
  const sample = text.slice(0, 200_000);
  for (const pattern of [UPDATED, EFFECTIVE]) {
    for (const m of sample.matchAll(pattern)) {
      const date = findDate(m[0], { monthOnly: true });
      if (date) return date;
    }
  }
  return null;
}

type Found = Pick<HtmlRead, 'raws' | 'reader' | 'confidence'>;

/** The readers in order of how plainly their shape states vendors; the first that finds any wins. */
function readVendors(doc: ReturnType<typeof parseHtml>): Found {
  const tables = vendorsFromTables(doc);
  const sections = vendorsFromSections(doc);
  const stated = tables.length + sections.length;
  // The publisher's products and affiliates ("Initech Analytics") are highlighted like vendors.
  const own = publisherKeys(doc);
  const notOwn = (raws: RawVendor[]) => raws.filter((r) => !isPublisherName(r.name, own));
  const bullets = notOwn(vendorsFromBullets(doc));
  if (bullets.length > stated) return { raws: bullets, reader: 'bullets', confidence: 'high' };
  if (stated > 0) {
    // The reader that found most of the vendors names the result.
    const reader = tables.length >= sections.length ? 'table' : 'sections';
    return { raws: [...tables, ...sections], reader, confidence: 'high' };
  }
  const linked = notOwn(vendorsFromLinkLists(doc));
  if (linked.length > 0) return { raws: linked, reader: 'links', confidence: 'medium' };
  return { raws: notOwn(vendorsFromProse(doc)), reader: 'prose', confidence: 'low' };
}

export function readHtml(html: string): HtmlRead {
  const doc = parseHtml(html);
  return {
    ...readVendors(doc),
    title: titleOf(doc),
    updated: updatedIn(textOf(doc, 200_000)),
  };
}

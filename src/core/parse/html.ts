// HTML pages (and markdown rendered to HTML): tables first, then heading sections.
import { findDate } from '../normalize/date';
import type { Confidence, Reader } from '../result';
import { parseHtml, textOf } from './dom';
import type { RawVendor } from './fields';
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

export function readHtml(html: string): HtmlRead {
  const doc = parseHtml(html);
  const tables = vendorsFromTables(doc);
  const sections = vendorsFromSections(doc);
  return {
    raws: [...tables, ...sections],
    title: titleOf(doc),
    updated: updatedIn(textOf(doc, 200_000)),
    // The reader that found most of the vendors names the result.
    reader: tables.length >= sections.length && tables.length > 0 ? 'table' : 'sections',
    confidence: 'high',
  };
}

// Lists published as tables, in HTML or markdown: columns recognised by their header cells.
import type { Document, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { normalizeWebsite } from '../normalize/url';
import { isElement, isPageChrome, isSkipped, links, textOf } from './dom';
import { classifyLabel, type FieldKey, type RawVendor } from './fields';

function childElements(el: Element): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && !isSkipped(c));
}

function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element): void => {
    for (const child of childElements(el)) {
      if (child.name === 'tr')
        rows.push(childElements(child).filter((c) => c.name === 'td' || c.name === 'th'));
      else if (child.name !== 'table') visit(child); // thead, tbody, tfoot; never a nested table
    }
  };
  visit(table);
  return rows;
}

function lines(cell: Element): string[] {
  return textOf(cell)
    .split('\n')
    .map((l) => cleanText(l))
    .filter(Boolean);
}

/** Maps column index to field, from the first row (of the first three) that reads as a header. */
// A cookie table (Cookie | Provider | Purpose | Expiry) on the same page names trackers, not the
// list's subprocessors: its provider column would read as vendors.
const COOKIE_HEADER = /^(cookies?|cookie name|name of (the )?cookie)$/i;

function headerOf(rows: Element[][]): { at: number; columns: (FieldKey | null)[] } | null {
  for (let at = 0; at < Math.min(rows.length, 3); at++) {
    const texts = (rows[at] ?? []).map((cell) => cleanText(textOf(cell)));
    if (texts.some((text) => COOKIE_HEADER.test(text))) return null;
    const columns = texts.map((text) => classifyLabel(text));
    const known = columns.filter(Boolean).length;
    if (known < 2 && !(known === 1 && columns.includes('name'))) continue;
    // No column says "name": the first unlabelled column holds the vendor.
    if (!columns.includes('name')) {
      const free = columns.indexOf(null);
      if (free < 0) continue;
      columns[free] = 'name';
    }
    return { at, columns };
  }
  return null;
}

const NAME_LIKE = (text: string) => text.length <= 80 && !/\d/.test(text);

/** One name cell can hold several vendors (two links, or names on separate lines or after ";"). */
function namesOf(cell: Element): { name: string; website: string | null; address: string }[] {
  const cellLinks = links(cell).filter((l) => normalizeWebsite(l.href));
  const cellLines = lines(cell);
  const hosts = new Set(cellLinks.map((l) => new URL(normalizeWebsite(l.href) ?? '').hostname));
  if (hosts.size >= 2) {
    return cellLinks.map((l) => ({ name: cleanText(l.text) || l.href, website: l.href, address: '' }));
  }
  const parts = cellLines.flatMap((l) => l.split(/\s*;\s*/)).filter(Boolean);
  const website = cellLinks[0]?.href ?? null;
  if (!website && parts.length > 1 && parts.every(NAME_LIKE)) {
    return parts.map((name) => ({ name, website: null, address: '' }));
  }
  const name = cellLinks[0] && parts[0] === undefined ? cleanText(cellLinks[0].text) : (parts[0] ?? '');
  return name ? [{ name, website, address: parts.slice(1).join(', ') }] : [];
}

function vendorsOfTable(table: Element): RawVendor[] {
  const rows = rowsOf(table);
  const header = headerOf(rows);
  if (!header) return [];
  const out: RawVendor[] = [];
  const nameAt = header.columns.indexOf('name');
  const headerText = (rows[header.at] ?? []).map((c) => cleanText(textOf(c))).join('|');
  for (const row of rows.slice(header.at + 1)) {
    const nameCell = row[nameAt];
    if (!nameCell || row.length < 2) continue; // a one-cell row is a group heading ("EU")
    if (row.map((c) => cleanText(textOf(c))).join('|') === headerText) continue; // header repeated
    const fields: RawVendor['fields'] = {};
    let website: string | null = null;
    row.forEach((cell, i) => {
      const key = header.columns[i];
      if (!key || key === 'name') return;
      if (key === 'website') website = links(cell)[0]?.href ?? cleanText(textOf(cell));
      else fields[key] = lines(cell).join(', ');
    });
    for (const found of namesOf(nameCell)) {
      const own = { ...fields };
      if (found.address && !own.location) own.location = found.address;
      out.push({ name: found.name, website: found.website ?? website, fields: own });
    }
  }
  return out;
}

export function vendorsFromTables(doc: Document): RawVendor[] {
  const out: RawVendor[] = [];
  const visit = (node: Element | Document): void => {
    for (const child of node.children) {
      if (!isElement(child) || isSkipped(child) || isPageChrome(child)) continue;
      // Old pages lay out the whole page in a table: the vendors' table can sit inside a cell.
      // A loop, not push(...rows): spreading 130,000 rows into one call overflows the stack.
      if (child.name === 'table') for (const row of vendorsOfTable(child)) out.push(row);
      visit(child);
    }
  };
  visit(doc);
  return out;
}

// parse(text, {url?, contentType?, fileName?}): detect the input's shape and return the v1 document, or a
// typed error. It never throws and never answers an empty success.
import type { VendorFacts } from '../assess';
import { LIST_FORMAT, type ListSource, type SubprocessorList, validateList } from '../list';
import { findDate } from '../normalize/date';
import { cleanText } from '../normalize/text';
import { hostOf, normalizeWebsite } from '../normalize/url';
import { type Confidence, type InputFormat, type ParseResult, parseError, type Reader } from '../result';
import { browserShell } from './browser-shell';
import { buildVendors, factsOf } from './build-vendors';
import { componentMarkup } from './component';
import { declaredFormat, detectFormat } from './detect-format';
import type { RawVendor } from './fields';
import { readHtml } from './html';
import { readJson } from './json';
import { readMarkdown } from './markdown';
import { readYaml } from './yaml';

export { detectFormat } from './detect-format';

export const MAX_INPUT_CHARS = 5_000_000;

export interface ParseOptions {
  /** Where the text came from: names the source and keeps the publisher's own links out. */
  url?: string | null;
  contentType?: string | null;
  /** A title for the source that beats what the page calls itself ("Dovetail"). */
  title?: string | null;
  /** The file's name, when the text comes from a file: its extension names the format. */
  fileName?: string | null;
  /** Today as YYYY-MM-DD, for the stale-list finding; defaults to the clock. */
  today?: string;
}

interface Found {
  format: InputFormat;
  reader: Reader;
  confidence: Confidence;
}

function finish(found: Found, facts: VendorFacts[], source: ListSource, today: string): ParseResult {
  const { format } = found;
  const { vendors, dropped, truncated } = buildVendors(facts, source, today);
  if (vendors.length === 0) {
    return parseError(
      'no-vendors',
      `No vendors found in this ${format === 'html' ? 'page' : format === 'markdown' ? 'markdown' : format === 'yaml' ? 'YAML' : 'JSON'}: expected a table with a vendor column, one heading per vendor with labelled lines, or a JSON list.`,
    );
  }
  const list: SubprocessorList = { format: LIST_FORMAT, source, vendors };
  const checked = validateList(list);
  if (!checked.ok)
    return parseError(
      'invalid-document',
      `The list read does not fit ${LIST_FORMAT}: ${checked.issues.join('; ')}`,
    );
  const warnings: string[] = [];
  if (dropped > 0)
    warnings.push(`${dropped} duplicate or publisher entr${dropped === 1 ? 'y' : 'ies'} merged or left out.`);
  if (truncated) warnings.push(`Only the first ${vendors.length} vendors were kept.`);
  return { ok: true, list: checked.list, ...found, warnings };
}

function sourceOf(options: ParseOptions, title: string | null, updated: string | null): ListSource {
  const url = normalizeWebsite(options.url ?? null);
  const fallback = url ? (hostOf(url) ?? 'Untitled list') : 'Untitled list';
  return {
    title: cleanText(options.title || title || fallback, 200),
    url,
    updated: updated ? findDate(updated, { monthOnly: true }) : null,
  };
}

const PDF_MESSAGE =
  'This is a PDF document, which Subprocessor Lens cannot read: it reads web pages, markdown, JSON and YAML. Look for the list’s web page (most companies publish one beside the PDF).';

/** Why a page that a browser builds with script holds no list, and how to get it. */
function renderedInBrowser(platform: string | null): ParseResult {
  const who = platform ? `${platform} builds this page` : 'This page is built';
  return parseError(
    'rendered-in-browser',
    `${who} in the browser with script, so the list is not in what a plain fetch receives. Open the page in your browser and follow it from the Subprocessor Lens popup.`,
  );
}

function parseUnsafe(text: string, options: ParseOptions): ParseResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!text.trim()) return parseError('empty', 'The input is empty.');
  if (text.length > MAX_INPUT_CHARS) {
    return parseError(
      'too-large',
      `The input is ${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_INPUT_CHARS / 1e6} million.`,
    );
  }
  const hints = { contentType: options.contentType, url: options.url, fileName: options.fileName };
  const format = detectFormat(text, hints);
  if (format === 'pdf') return parseError('pdf', PDF_MESSAGE);
  if (format === 'json') return readJsonInput(text, options, today);
  if (format === 'yaml') return readYamlInput(text, options, today);
  if (format === 'component') return readPage(componentMarkup(text), 'html', options, today);
  return readPage(text, format, options, today);
}

function readJsonInput(text: string, options: ParseOptions, today: string): ParseResult {
  const read = readJson(text);
  if (read.kind === 'error') {
    // "[Stripe](https://stripe.com)" starts like JSON too: unless the server said JSON, text
    // that is not JSON gets read as a page before the JSON error is reported.
    const declared = (options.contentType ?? '').toLowerCase().includes('json');
    if (read.error.code !== 'invalid-json' || declared) return { ok: false, error: read.error };
    const asPage = readPage(text, pageFormat(text), options, today);
    return asPage.ok ? asPage : { ok: false, error: read.error };
  }
  if (read.kind === 'v1') {
    const source = { ...read.source, ...(options.url ? { url: normalizeWebsite(options.url) } : {}) };
    return finish({ format: 'v1-json', reader: 'json', confidence: 'high' }, read.facts, source, today);
  }
  return finish(
    { format: 'json-array', reader: 'json', confidence: 'high' },
    factsFrom(read.raws),
    sourceOf(options, read.title, read.updated),
    today,
  );
}

function readYamlInput(text: string, options: ParseOptions, today: string): ParseResult {
  const read = readYaml(text);
  const declared = declaredFormat(options) === 'yaml';
  // Text that only opens like YAML ("Last updated: 2024" above a table) is read as markdown,
  // unless the server or the file name said YAML.
  const stated =
    read.kind === 'items' && read.items.raws.some((r) => r.website || Object.keys(r.fields).length);
  if (!declared && !stated) return readPage(text, 'markdown', options, today);
  if (read.kind === 'error') return { ok: false, error: read.error };
  return finish(
    { format: 'yaml', reader: 'yaml', confidence: 'high' },
    factsFrom(read.items.raws),
    sourceOf(options, read.items.title, read.items.updated),
    today,
  );
}

function pageFormat(text: string): 'html' | 'markdown' {
  return detectFormat(text) === 'html' ? 'html' : 'markdown';
}

function readPage(
  text: string,
  format: 'html' | 'markdown',
  options: ParseOptions,
  today: string,
): ParseResult {
  const read = format === 'html' ? readHtml(text) : readMarkdown(text);
  const result = finish(
    { format, reader: read.reader, confidence: read.confidence },
    factsFrom(read.raws),
    sourceOf(options, read.title, read.updated),
    today,
  );
  if (result.ok || result.error.code !== 'no-vendors' || !/<script\b/i.test(text)) return result;
  const shell = browserShell(text, options.url ?? null);
  return shell ? renderedInBrowser(shell.platform) : result;
}

function factsFrom(raws: RawVendor[]): VendorFacts[] {
  return raws.map(factsOf).filter((f): f is VendorFacts => f !== null);
}

export function parse(text: string, options: ParseOptions = {}): ParseResult {
  try {
    if (typeof text !== 'string') return parseError('unsupported', 'The input is not text.');
    return parseUnsafe(text, options);
  } catch (e) {
    // A bug of ours must still reach the user as one clear line, not a stack.
    return parseError('unsupported', `This input could not be read: ${(e as Error)?.message ?? String(e)}`);
  }
}

// JSON input: the v1 document itself, or a plain array of vendor objects with name-like keys.
import type { VendorFacts } from '../assess';
import { LIST_FORMAT, type ListSource, type Vendor, validateList } from '../list';
import { CERTIFICATION_LABELS } from '../normalize/certifications';
import { domainsFor } from '../normalize/domains';
import { cleanText, MAX_NAME } from '../normalize/text';
import { hostOf, normalizeWebsite } from '../normalize/url';
import { type ParseError, type ParseResult, parseError } from '../result';
import { itemsOf } from './data-items';
import type { RawVendor } from './fields';

export type JsonInput =
  | { kind: 'v1'; source: ListSource; facts: VendorFacts[] }
  | { kind: 'array'; raws: RawVendor[]; title: string | null; updated: string | null }
  | { kind: 'error'; error: ParseError };

function fail(result: ParseResult): JsonInput {
  return { kind: 'error', error: result.ok ? { code: 'unsupported', message: '' } : result.error };
}

/** A stored or imported v1 vendor is re-cleaned like any other untrusted input. */
function factsOfV1(v: Vendor): VendorFacts {
  const website = normalizeWebsite(v.website);
  // What the document claims is weighed again: only the website's own subtree (and curated aliases)
  // is the vendor's; the rest is kept as unverified, capped.
  const own = domainsFor(
    website ? hostOf(website) : null,
    [...v.domains, ...(v.unverifiedDomains ?? [])],
    v.hostingDomains,
  );
  const items = (xs: string[]) =>
    xs
      .map((x) => cleanText(x))
      .filter(Boolean)
      .slice(0, 100);
  return {
    name: cleanText(v.name, MAX_NAME),
    website,
    domains: own.domains,
    ...(own.hostingDomains.length ? { hostingDomains: own.hostingDomains } : {}),
    ...(own.unverifiedDomains.length ? { unverifiedDomains: own.unverifiedDomains } : {}),
    location: { text: cleanText(v.location.text, 300), country: v.location.country },
    certifications: v.certifications.slice(0, 100).map((c) => ({
      id: c.id,
      label: c.id === 'other' ? cleanText(c.label, 200) : (CERTIFICATION_LABELS.get(c.id) ?? c.label),
      text: cleanText(c.text, 200),
    })),
    dataProcessed: items(v.dataProcessed),
    use: items(v.use),
    dpa: { ...v.dpa, text: cleanText(v.dpa.text, 500) },
  };
}

/** JSON.parse's message, with the line and column when it names only a character position. */
function jsonErrorText(text: string, e: unknown): string {
  // One line: V8 quotes the offending input, newlines and all.
  const message = cleanText(e instanceof Error ? e.message : String(e), 300);
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

export function readJson(text: string): JsonInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(parseError('invalid-json', `Not valid JSON: ${jsonErrorText(text, e)}`));
  }
  if (value && typeof value === 'object' && 'format' in value) {
    const format = (value as { format: unknown }).format;
    if (format !== LIST_FORMAT) {
      return fail(
        parseError(
          'unsupported',
          `Unknown list format ${JSON.stringify(format).slice(0, 60)}; this version reads ${LIST_FORMAT}.`,
        ),
      );
    }
    const checked = validateList(value);
    if (!checked.ok)
      return fail(
        parseError('invalid-document', `Not a valid ${LIST_FORMAT} document: ${checked.issues.join('; ')}`),
      );
    const source = checked.list.source;
    return {
      kind: 'v1',
      source: {
        title: cleanText(source.title, 200),
        url: normalizeWebsite(source.url),
        updated: source.updated,
      },
      facts: checked.list.vendors.map(factsOfV1),
    };
  }
  const items = itemsOf(value);
  if (!items)
    return fail(
      parseError(
        'unsupported',
        'JSON holds no list of vendors (expected an array of objects, or a subprocessor-list/v1 document).',
      ),
    );
  return { kind: 'array', ...items };
}

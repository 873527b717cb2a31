// From what a page states to the document's vendors: normalise, merge duplicates, drop the
// publisher's own pages, and assess.
import { assessVendor, type VendorFacts } from '../assess';
import type { ListSource, Vendor } from '../list';
import { parseCertifications } from '../normalize/certifications';
import { domainsFor } from '../normalize/domains';
import { parseDpa } from '../normalize/dpa';
import { normalizeLocation } from '../normalize/location';
import { cleanText, MAX_NAME, splitList, trimSet } from '../normalize/text';
import { hostOf, normalizeWebsite } from '../normalize/url';
import { hostKeyOf, nameKeyOf } from '../register/vendor-identity';
import type { RawVendor } from './fields';

export const MAX_VENDORS = 20_000;
const MAX_ITEMS = 100;

export function factsOf(raw: RawVendor): VendorFacts | null {
  const name = trimSet(cleanText(raw.name, MAX_NAME), '-–—*•:', ':');
  if (!name) return null;
  const website = normalizeWebsite(raw.website);
  const { domains, hostingDomains } = domainsFor(website ? hostOf(website) : null);
  return {
    name,
    website,
    domains,
    ...(hostingDomains.length ? { hostingDomains } : {}),
    location: normalizeLocation(raw.fields.location ?? ''),
    certifications: parseCertifications(raw.fields.certifications ?? '').slice(0, MAX_ITEMS),
    dataProcessed: splitList(raw.fields.data ?? '').slice(0, MAX_ITEMS),
    use: splitList(raw.fields.use ?? '').slice(0, MAX_ITEMS),
    dpa: parseDpa(raw.fields.dpa),
  };
}

// Merging keeps, for each vendor kept, the keys of what it already holds, so a row adds in time
// proportional to its own facts: a list naming one vendor in 100,000 rows stays linear (issue 14).
// Every field is capped after merging too, not only per row.
interface Merging {
  facts: VendorFacts;
  seen: Map<string, Set<string>>;
  /** The raw location texts joined so far; read once at the end. */
  locations: string[];
  locationChars: number;
}

const MAX_LOCATION = 300;

function addItems<T>(m: Merging, field: string, into: T[], items: readonly T[], key: (x: T) => string): void {
  let seen = m.seen.get(field);
  if (!seen) {
    seen = new Set(into.map(key));
    m.seen.set(field, seen);
  }
  for (const item of items) {
    if (into.length >= MAX_ITEMS) return;
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    into.push(item);
  }
}

const folded = (x: string) => x.toLowerCase();
const certKey = (c: VendorFacts['certifications'][number]) => `${c.id}:${c.label}`;

function startMerging(facts: VendorFacts): Merging {
  const m: Merging = { facts, seen: new Map(), locations: [], locationChars: 0 };
  if (facts.location.text) {
    m.locations.push(facts.location.text);
    m.locationChars = facts.location.text.length;
  }
  return m;
}

function mergeInto(m: Merging, b: VendorFacts): void {
  const a = m.facts;
  a.website ??= b.website;
  addItems(m, 'domains', a.domains, b.domains, folded);
  if (b.hostingDomains) {
    a.hostingDomains ??= [];
    addItems(m, 'hosting', a.hostingDomains, b.hostingDomains, folded);
  }
  const place = b.location.text;
  if (place && m.locationChars < MAX_LOCATION) {
    let seen = m.seen.get('location');
    if (!seen) {
      seen = new Set(m.locations.map(folded));
      m.seen.set('location', seen);
    }
    if (!seen.has(folded(place))) {
      seen.add(folded(place));
      if (m.locations.length === 0) a.location = b.location;
      m.locations.push(place);
      m.locationChars += place.length + 2;
    }
  }
  addItems(m, 'certifications', a.certifications, b.certifications, certKey);
  addItems(m, 'data', a.dataProcessed, b.dataProcessed, folded);
  addItems(m, 'use', a.use, b.use, folded);
  if (a.dpa.status === 'unknown' && b.dpa.status !== 'unknown') a.dpa = b.dpa;
}

function finishMerging(m: Merging): VendorFacts {
  const a = m.facts;
  // A location stated once keeps its own reading; several are read together ("EU; United States").
  if (m.locations.length > 1) {
    const joined = [m.locations[0] ?? ''];
    for (const place of m.locations.slice(1)) {
      // The seed's old rule: a place already named inside the text adds nothing.
      if (!joined.join('; ').toLowerCase().includes(place.toLowerCase())) joined.push(place);
    }
    a.location = normalizeLocation(joined.join('; '));
  }
  a.certifications = a.certifications.slice(0, MAX_ITEMS);
  a.domains = a.domains.slice(0, MAX_ITEMS);
  if (a.hostingDomains) a.hostingDomains = a.hostingDomains.slice(0, MAX_ITEMS);
  a.dataProcessed = a.dataProcessed.slice(0, MAX_ITEMS);
  a.use = a.use.slice(0, MAX_ITEMS);
  return a;
}

/** One vendor per identity (core/register/vendor-identity.ts: the same name up to legal form, or the same
 * website host), facts combined. */
export function mergeDuplicates(vendors: VendorFacts[]): VendorFacts[] {
  const byKey = new Map<string, Merging>();
  const out: Merging[] = [];
  for (const vendor of vendors) {
    const nameKey = `n:${nameKeyOf(vendor)}`;
    const host = hostKeyOf(vendor);
    const hostKey = host ? `h:${host}` : null;
    const existing = byKey.get(nameKey) ?? (hostKey ? byKey.get(hostKey) : undefined);
    let kept = existing;
    if (kept) mergeInto(kept, vendor);
    else {
      kept = startMerging(vendor);
      out.push(kept);
    }
    byKey.set(nameKey, kept);
    if (hostKey) byKey.set(hostKey, kept);
  }
  return out.map(finishMerging);
}

/** A vendor whose website is on the publisher's own site is a link to its pages, not a vendor. */
export function isPublisher(vendor: VendorFacts, publisherHost: string | null): boolean {
  if (!publisherHost || !vendor.website) return false;
  const host = hostOf(vendor.website);
  return host !== null && (host === publisherHost || host.endsWith(`.${publisherHost}`));
}

export function buildVendors(
  facts: VendorFacts[],
  source: ListSource,
  today: string,
): { vendors: Vendor[]; dropped: number; truncated: boolean } {
  const publisherHost = source.url ? hostOf(source.url) : null;
  const kept = mergeDuplicates(facts).filter((v) => !isPublisher(v, publisherHost));
  const truncated = kept.length > MAX_VENDORS;
  const vendors = kept
    .slice(0, MAX_VENDORS)
    .map((v) => ({ ...v, flags: assessVendor(v, source, { today }) }));
  return { vendors, dropped: facts.length - kept.length, truncated };
}

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
import { vendorKey } from '../vendor-identity';
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

function union(a: string[], b: string[]): string[] {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()))].slice(0, MAX_ITEMS);
}

function mergeInto(a: VendorFacts, b: VendorFacts): void {
  a.website ??= b.website;
  a.domains = union(a.domains, b.domains);
  if (b.hostingDomains) a.hostingDomains = union(a.hostingDomains ?? [], b.hostingDomains);
  if (b.location.text && !a.location.text.toLowerCase().includes(b.location.text.toLowerCase())) {
    a.location = a.location.text ? normalizeLocation(`${a.location.text}; ${b.location.text}`) : b.location;
  }
  const certIds = new Set(a.certifications.map((c) => `${c.id}:${c.label}`));
  a.certifications.push(...b.certifications.filter((c) => !certIds.has(`${c.id}:${c.label}`)));
  a.dataProcessed = union(a.dataProcessed, b.dataProcessed);
  a.use = union(a.use, b.use);
  if (a.dpa.status === 'unknown' && b.dpa.status !== 'unknown') a.dpa = b.dpa;
}

/** Same name (up to legal form) or same website host: one vendor, facts combined. */
export function mergeDuplicates(vendors: VendorFacts[]): VendorFacts[] {
  const byKey = new Map<string, VendorFacts>();
  const out: VendorFacts[] = [];
  for (const vendor of vendors) {
    const nameKey = `n:${vendorKey(vendor.name)}`;
    const hostKey = vendor.domains[0] ? `h:${vendor.domains[0]}` : null;
    const existing = byKey.get(nameKey) ?? (hostKey ? byKey.get(hostKey) : undefined);
    if (existing) mergeInto(existing, vendor);
    else {
      out.push(vendor);
      byKey.set(nameKey, vendor);
    }
    const kept = existing ?? vendor;
    byKey.set(nameKey, kept);
    if (hostKey) byKey.set(hostKey, kept);
  }
  return out;
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

// Fuzzy search over a list's vendors with fuse.js. Build the index once per list; each keystroke
// only runs search().
import Fuse, { type IFuseOptions } from 'fuse.js';
import type { Vendor } from './list';
import { countryName } from './normalize/location';

export interface SearchDoc {
  index: number;
  name: string;
  /** The name without spaces or punctuation, so "send grid" finds "SendGrid". */
  compact: string;
  domains: string[];
  location: string;
  certifications: string[];
  use: string[];
  data: string[];
}

export interface SearchHit {
  vendor: Vendor;
  index: number;
  score: number;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchHit[];
  size: number;
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export function searchDocOf(vendor: Vendor, index: number): SearchDoc {
  const country = vendor.location.country ? countryName(vendor.location.country) : null;
  return {
    index,
    name: vendor.name,
    compact: squash(vendor.name),
    // "aws.amazon.com" -> also "aws amazon": acronyms and brands live in domain labels.
    domains: vendor.domains.flatMap((d) => [d, d.split('.').slice(0, -1).join(' ')]),
    location: [vendor.location.text, country, vendor.location.country].filter(Boolean).join(' '),
    certifications: vendor.certifications.flatMap((c) => [c.label, c.text]),
    use: vendor.use,
    data: vendor.dataProcessed,
  };
}

export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'name', weight: 3 },
    { name: 'compact', weight: 2 },
    { name: 'domains', weight: 2 },
    { name: 'location', weight: 1 },
    { name: 'certifications', weight: 1 },
    { name: 'use', weight: 1 },
    { name: 'data', weight: 0.5 },
  ],
  threshold: 0.4,
  ignoreLocation: true,
  includeScore: true,
  minMatchCharLength: 2,
};

export function buildSearchIndex(vendors: readonly Vendor[]): SearchIndex {
  const docs = vendors.map(searchDocOf);
  const fuse = new Fuse(docs, FUSE_OPTIONS);
  return {
    size: vendors.length,
    search(query: string, limit = 20): SearchHit[] {
      const q = query.trim().slice(0, 100);
      if (!q) return [];
      const hits = fuse.search(q, { limit: limit * 2 });
      // Spaces typed between parts of one name ("send grid") also try the squashed form.
      const squashed = squash(q);
      const extra =
        squashed !== q.toLowerCase() && squashed.length >= 2
          ? fuse.search({ compact: squashed }, { limit })
          : [];
      const best = new Map<number, number>();
      for (const h of [...hits, ...extra]) {
        const s = h.score ?? 1;
        if (!best.has(h.refIndex) || s < (best.get(h.refIndex) ?? 1)) best.set(h.refIndex, s);
      }
      return [...best.entries()]
        .sort((a, b) => a[1] - b[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([i, score]) => ({ vendor: vendors[i] as Vendor, index: i, score }));
    },
  };
}

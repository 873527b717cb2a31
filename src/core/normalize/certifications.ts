// Certification text ("Privacy Shield, ISO27001, 27017, 27018 SOC2 Type 1.") to canonical ids.
import data from '../../../assets/data/certifications.json';
import type { Certification, CertificationId } from '../list';
import { cleanText, stripTrailingStop, trimSet } from './text';

interface Known {
  id: CertificationId;
  label: string;
  pattern: RegExp;
}

const KNOWN: Known[] = data.certifications.map((c) => ({
  id: c.id as CertificationId,
  label: c.label,
  pattern: new RegExp(c.pattern, 'gi'),
}));

export const CERTIFICATION_LABELS: ReadonlyMap<string, string> = new Map(KNOWN.map((c) => [c.id, c.label]));

// Words that are left over between certifications and name none of their own.
const FILLER = /^(and|or|&|certified|certification|compliant|compliance|iso|type|none|n\/a|yes|no|-|—)$/i;

/** Finds every certification in the text; what no pattern names is kept as id "other". */
export function parseCertifications(raw: string): Certification[] {
  const text = stripTrailingStop(cleanText(raw, 1000));
  if (!text || /^(none|n\/a|no|-|—)$/i.test(text)) return [];
  const found: { start: number; end: number; cert: Certification }[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  for (const known of KNOWN) {
    known.pattern.lastIndex = 0;
    for (const m of text.matchAll(known.pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      taken.fill(true, start, end);
      found.push({ start, end, cert: { id: known.id, label: known.label, text: m[0].trim() } });
    }
  }
  // Leftover text between matches, split on separators, becomes "other" certifications.
  let rest = '';
  for (let i = 0; i < text.length; i++) rest += taken[i] ? ',' : text[i];
  for (const piece of rest.split(/[,;/]|\s+(?:and|&)\s+/i)) {
    const label = stripTrailingStop(trimSet(piece, '-–—:.()', '-–—:()'));
    if (label.length < 2 || FILLER.test(label) || !/[a-z]/i.test(label)) continue;
    found.push({ start: text.indexOf(label), end: 0, cert: { id: 'other', label, text: label } });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => f.cert)
    .filter((c) => {
      const key = c.id === 'other' ? `other:${c.label.toLowerCase()}` : c.id;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

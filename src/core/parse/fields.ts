// The fields a list can label, and which header or label text names which field.
import { foreignLabel } from './labels';

export type FieldKey = 'name' | 'website' | 'location' | 'certifications' | 'data' | 'use' | 'dpa';

/** A vendor as a page states it, before normalising: labelled texts and the links seen. */
export interface RawVendor {
  name: string;
  website: string | null;
  fields: Partial<Record<Exclude<FieldKey, 'name' | 'website'>, string>>;
}

// Ordered: the first rule that matches wins ("Data location" is a location, "Subprocessor
// location" too; "Data processed" is data; "Nature of processing" is use).
const RULES: [FieldKey, RegExp][] = [
  ['dpa', /\bdpa\b|data processing (agreement|addendum|terms)|\bagreement\b|\bcontract\b/],
  ['certifications', /certif|accredit|attestation|compliance|security standards?|audits?\b/],
  ['location', /locat|country|countries|region|headquarter|\bhq\b|jurisdiction|address|based in|where/],
  ['data', /\bdata\b|personal information|information processed|categor/],
  ['website', /website|\burl\b|\blinks?\b|domain|homepage|web ?site|\bsite\b/],
  [
    'name',
    /^(the )?(sub-?processors?|vendors?|service providers?|providers?|suppliers?|third[- ]part(y|ies)|entity|entities|legal entity|company|companies|organi[sz]ations?|name)\b/,
  ],
  ['use', /purpose|\buses?\b|usage|services?\b|function|role|activit|description|processing|provided|nature/],
  ['name', /sub-?processor|vendor|provider|supplier|entity|company|name/],
];

/** The field that a header cell or a bullet's label names, or null. */
export function classifyLabel(label: string): FieldKey | null {
  const text = label
    .toLowerCase()
    .replace(/[*:_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > 60) return null;
  for (const [key, rule] of RULES) if (rule.test(text)) return key;
  return foreignLabel(text);
}

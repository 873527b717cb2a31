// The list document, format "subprocessor-list/v1": one shape for the bundled data, storage,
// import/export and the CLI. Types are inferred from this schema so there is no second copy.
import * as v from 'valibot';

export const LIST_FORMAT = 'subprocessor-list/v1';

export const CERTIFICATION_IDS = [
  'iso27001',
  'iso27017',
  'iso27018',
  'iso27701',
  'soc1',
  'soc2',
  'soc2-type1',
  'soc2-type2',
  'soc3',
  'pci-dss',
  'privacy-shield',
  'dpf',
  'hipaa',
  'csa-star',
  'fedramp',
  'tisax',
  'c5',
  'other',
] as const;

export const DPA_STATUSES = ['signed', 'incorporated', 'not-signed', 'unknown'] as const;
export const SEVERITIES = ['info', 'warning', 'risk'] as const;

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date'));
const HttpUrl = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/i, 'expected an http(s) URL'));

export const CertificationSchema = v.object({
  id: v.picklist(CERTIFICATION_IDS),
  label: v.string(),
  text: v.string(),
});

// A finding is stored as its id and the facts its sentence needs (dates, country codes): the sentence
// is written when shown, in the reader's language (core/finding-text.ts). An input's `message` (an
// exported document has one) is dropped like any unknown key: findings are always recomputed.
export const FlagParamsSchema = v.record(v.string(), v.union([v.string(), v.number()]));

export const FlagSchema = v.object({
  id: v.string(),
  severity: v.picklist(SEVERITIES),
  params: v.optional(FlagParamsSchema),
});

export const LocationSchema = v.object({
  text: v.string(),
  country: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'))),
});

export const DpaSchema = v.object({
  status: v.picklist(DPA_STATUSES),
  date: v.nullable(IsoDate),
  text: v.string(),
});

// In a register merged from several lists: one list that names the vendor, with that list's own
// location and DPA status for it (each company signs its own DPA).
export const ListingSchema = v.object({
  sourceId: v.string(),
  title: v.string(),
  location: LocationSchema,
  dpa: DpaSchema,
});

// Unknown vendor keys are accepted and dropped: only fields we understand reach storage and UI.
export const VendorSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1, 'a vendor needs a name')),
  website: v.nullable(HttpUrl),
  domains: v.array(v.string()),
  // Suffixes under which the vendor hosts its customers' sites (foo.herokuapp.com): "hosted-on".
  hostingDomains: v.optional(v.array(v.string())),
  // Domains a list named beyond the vendor's own site (normalize/domains.ts): kept, never badged.
  unverifiedDomains: v.optional(v.array(v.string())),
  location: LocationSchema,
  certifications: v.array(CertificationSchema),
  dataProcessed: v.array(v.string()),
  use: v.array(v.string()),
  dpa: DpaSchema,
  flags: v.array(FlagSchema),
  // Only in a merged register (core/merge.ts): the lists that name this vendor.
  listedBy: v.optional(v.array(ListingSchema)),
});

export const SourceSchema = v.looseObject({
  title: v.string(),
  url: v.nullable(v.string()),
  updated: v.nullable(IsoDate),
});

export const ListSchema = v.looseObject({
  format: v.literal(LIST_FORMAT),
  source: SourceSchema,
  vendors: v.array(VendorSchema),
});

export type CertificationId = (typeof CERTIFICATION_IDS)[number];
export type DpaStatus = (typeof DPA_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Certification = v.InferOutput<typeof CertificationSchema>;
export type Flag = v.InferOutput<typeof FlagSchema>;
export type FlagParams = v.InferOutput<typeof FlagParamsSchema>;
export type VendorLocation = v.InferOutput<typeof LocationSchema>;
export type Dpa = v.InferOutput<typeof DpaSchema>;
export type Listing = v.InferOutput<typeof ListingSchema>;
export type Vendor = v.InferOutput<typeof VendorSchema>;
export type ListSource = v.InferOutput<typeof SourceSchema>;
export type SubprocessorList = v.InferOutput<typeof ListSchema>;

export type Validation = { ok: true; list: SubprocessorList } | { ok: false; issues: string[] };

/** Checks an unknown value against the v1 schema; issues name the path that failed. */
export function validateList(value: unknown): Validation {
  const result = v.safeParse(ListSchema, value);
  if (result.success) return { ok: true, list: result.output };
  return {
    ok: false,
    issues: result.issues.slice(0, 10).map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  };
}

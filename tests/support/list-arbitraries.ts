// fast-check generators of valid v1 lists. Names and hosts come from small pools so that lists
// share vendors, rename them and collide on purpose: that is where diff and merge can go wrong.
import fc from 'fast-check';
import {
  CERTIFICATION_IDS,
  DPA_STATUSES,
  LIST_FORMAT,
  type SubprocessorList,
  type Vendor,
  validateList,
} from '../../src/core/list';
import { hostKeyOf, nameKeyOf } from '../../src/core/register/vendor-identity';

export const FC_SEED = 20_261_127;

const NAMES = [
  'Stripe',
  'Stripe, Inc.',
  'Heroku',
  'Mixpanel',
  'SendGrid',
  'Twilio SendGrid',
  'Rev.ai',
  'AWS',
  'Co.',
];
const HOSTS = ['stripe.com', 'heroku.com', 'mixpanel.com', 'sendgrid.com', 'rev.ai', 'aws.amazon.com'];
const WORDS = ['email', 'Email', 'IP address', 'name', 'billing', 'hosting', 'analytics'];

const date = fc
  .tuple(
    fc.integer({ min: 2015, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 3 });

export const vendorArb: fc.Arbitrary<Vendor> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    host: fc.option(fc.constantFrom(...HOSTS), { nil: null }),
    hostingDomains: fc.option(fc.array(fc.constantFrom('herokuapp.com', 'netlify.app'), { maxLength: 2 }), {
      nil: undefined,
    }),
    location: fc.record({
      text: fc.constantFrom('', 'Dublin, Ireland', 'San Francisco, United States', 'Berlin'),
      country: fc.constantFrom(null, 'IE', 'US', 'DE'),
    }),
    certifications: fc.array(
      fc.constantFrom(...CERTIFICATION_IDS).map((id) => ({ id, label: id.toUpperCase(), text: id })),
      { maxLength: 3 },
    ),
    dataProcessed: words,
    use: words,
    dpa: fc.record({
      status: fc.constantFrom(...DPA_STATUSES),
      date: fc.option(date, { nil: null }),
      text: fc.constantFrom('', 'Yes', 'Signed'),
    }),
    flags: fc.array(
      fc.record({
        id: fc.constantFrom('dpa-unknown', 'stale-list'),
        severity: fc.constantFrom('info' as const, 'warning' as const),
        message: fc.constantFrom('a', 'b'),
      }),
      { maxLength: 2 },
    ),
  })
  .map(({ host, hostingDomains, ...rest }) => ({
    ...rest,
    website: host ? `https://${host}` : null,
    domains: host ? [host] : [],
    ...(hostingDomains ? { hostingDomains } : {}),
  }));

export const listOf = (vendors: Vendor[], updated: string | null = '2026-01-01'): SubprocessorList => ({
  format: LIST_FORMAT,
  source: { title: 'Test list', url: 'https://example.com/subprocessors', updated },
  vendors,
});

export const listArb: fc.Arbitrary<SubprocessorList> = fc
  .tuple(fc.array(vendorArb, { maxLength: 8 }), fc.option(date, { nil: null }))
  .map(([vendors, updated]) => listOf(vendors, updated));

/** Keeps the first of vendors that are one vendor (same name key or host), as parse output does. */
export function distinct(vendors: Vendor[]): Vendor[] {
  const seen = new Set<string>();
  return vendors.filter((v) => {
    const keys = [`n:${nameKeyOf(v)}`, ...(hostKeyOf(v) ? [`h:${hostKeyOf(v)}`] : [])];
    if (keys.some((k) => seen.has(k))) return false;
    for (const k of keys) seen.add(k);
    return true;
  });
}

export const distinctListArb = listArb.map((list) => ({ ...list, vendors: distinct(list.vendors) }));

/** A later version of a list: some vendors dropped, some edited, some added, order shuffled. */
export const evolvedPairArb: fc.Arbitrary<[SubprocessorList, SubprocessorList]> = listArb.chain((before) =>
  fc
    .tuple(
      fc.array(fc.oneof(fc.constant('keep'), fc.constant('drop'), fc.tuple(vendorArb, fc.boolean())), {
        minLength: before.vendors.length,
        maxLength: before.vendors.length,
      }),
      fc.array(vendorArb, { maxLength: 3 }),
      fc.option(date, { nil: null }),
    )
    .chain(([fates, added, updated]) => {
      const kept = before.vendors.flatMap((v, i): Vendor[] => {
        const fate = fates[i];
        if (fate === 'drop') return [];
        if (fate === 'keep' || fate === undefined) return [v];
        // An edit keeps the vendor's name, or its website (a rename), so it pairs as "changed".
        const [edit, keepName] = fate;
        return [keepName ? { ...edit, name: v.name } : { ...edit, website: v.website, domains: v.domains }];
      });
      return fc
        .shuffledSubarray([...kept, ...added], { minLength: kept.length + added.length })
        .map((vendors): [SubprocessorList, SubprocessorList] => [before, listOf(vendors, updated)]);
    }),
);

/** Vendors in a canonical order with canonical key order: compares lists as sets of vendors. */
export function canonicalVendors(vendors: readonly Vendor[]): string[] {
  const canon = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canon);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, x]) => [k, canon(x)]),
      );
    }
    return value;
  };
  return vendors.map((v) => JSON.stringify(canon(v))).sort();
}

/** Generated lists must be valid documents, or the properties prove nothing about real data. */
export function assertValid(list: SubprocessorList): SubprocessorList {
  const checked = validateList(list);
  if (!checked.ok) throw new Error(`generator made an invalid list: ${checked.issues.join('; ')}`);
  return list;
}

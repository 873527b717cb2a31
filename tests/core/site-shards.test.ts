// The register cut into shards by site: a host matched within its shard finds exactly what it finds
// within the whole register, and the shards together hold every vendor.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { buildMatchIndex, hostOfInput, match } from '../../src/core/match';
import { MAX_SHARDS, shardCountFor, shardMembers, shardOf } from '../../src/core/site-shards';
import { registerList } from '../fixtures/generate-vendors';
import { fuzzParams } from './support/fuzz';

function vendor(name: string, domains: string[], hostingDomains?: string[]): Vendor {
  return {
    name,
    website: null,
    domains,
    ...(hostingDomains ? { hostingDomains } : {}),
    location: { text: '', country: null },
    certifications: [],
    dataProcessed: [],
    use: [],
    dpa: { status: 'unknown', date: null, text: '' },
    flags: [],
  };
}

const listOf = (vendors: Vendor[]): SubprocessorList => ({
  format: 'subprocessor-list/v1',
  source: { title: 't', url: null, updated: null },
  vendors,
});

/** Matches hosts through their shard and through the whole register, as register indices. */
function matchers(list: SubprocessorList, count: number) {
  const members = shardMembers(list, count);
  const shardIndices = members.map((m) =>
    buildMatchIndex({ vendors: m.map((i) => list.vendors[i] as Vendor) }),
  );
  const whole = buildMatchIndex(list);
  const described = (found: ReturnType<typeof match>) => ({
    at: found.vendor ? list.vendors.indexOf(found.vendor) : null,
    relation: found.relation,
    domain: found.domain,
  });
  return {
    viaShard: (host: string) => described(match(shardIndices[shardOf(host, count)] ?? whole, host)),
    viaRegister: (host: string) => described(match(whole, host)),
  };
}

describe('shardCountFor', () => {
  it('gives one shard to a short list and a power of two that grows with the register, up to a cap', () => {
    expect([0, 7, 32].map(shardCountFor)).toEqual([1, 1, 1]);
    expect(shardCountFor(33)).toBe(2);
    expect(shardCountFor(200)).toBe(8);
    expect(shardCountFor(10_000)).toBe(512);
    expect(shardCountFor(10_000_000)).toBe(MAX_SHARDS);
  });
});

describe('shardOf', () => {
  it('puts a host with the domains ending in its last two labels, and stays in range', () => {
    for (const count of [1, 2, 64, 1024]) {
      const shard = shardOf('stripe.com', count);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(count);
      expect(shardOf('dashboard.stripe.com', count)).toBe(shard);
      expect(shardOf('a.b.c.stripe.com', count)).toBe(shard);
    }
    // Different tails spread out: 200 of them land in more than a few of 64 shards.
    const used = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`vendor${i}.com`, 64)));
    expect(used.size).toBeGreaterThan(40);
  });
});

describe('shardMembers', () => {
  it('holds every vendor at least once, in register order, in the shard of each of its domains', () => {
    const list = listOf([
      vendor('Stripe', ['stripe.com', 'stripe.network']),
      vendor('Heroku', ['heroku.com'], ['herokuapp.com']),
      vendor('No domain', []),
      vendor('Single label', ['localhost']),
    ]);
    const count = 8;
    const members = shardMembers(list, count);
    expect(members).toHaveLength(count);
    for (const shard of members) expect(shard).toEqual([...shard].sort((a, b) => a - b));
    expect(members[shardOf('stripe.com', count)]).toContain(0);
    expect(members[shardOf('stripe.network', count)]).toContain(0);
    expect(members[shardOf('herokuapp.com', count)]).toContain(1);
    // Vendors nothing can match still have a shard, so the shards give the register back.
    expect(members[2 % count]).toContain(2);
    expect(members[3 % count]).toContain(3);
    expect(new Set(members.flat())).toEqual(new Set([0, 1, 2, 3]));
  });

  it('matches every host of a generated 2,000-vendor register as the whole register does', () => {
    const list = registerList(2000, 7);
    const count = shardCountFor(list.vendors.length);
    const hosts = list.vendors.flatMap((v) => [
      ...v.domains.flatMap((d) => [d, `www.${d}`, `a.b.${d}`]),
      ...(v.hostingDomains ?? []).map((d) => `customer.${d}`),
    ]);
    hosts.push('example.org', 'unlisted.co.uk', 'co.uk');
    const { viaShard, viaRegister } = matchers(list, count);
    for (const host of hosts) expect(viaShard(host)).toEqual(viaRegister(host));
  });

  it('matches as the whole register does, whatever the domains, also when vendors claim the same ones', () => {
    // Few labels, so that vendors share domains and tails (first claim wins), nest (aws.amazon.com
    // under amazon.com) and host customers (herokuapp.com).
    const label = fc.constantFrom('a', 'b', 'amazon', 'aws', 'co', 'uk', 'com', 'herokuapp');
    const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    const vendorArb = fc
      .tuple(
        fc.array(domain, { maxLength: 3 }),
        fc.option(fc.array(domain, { maxLength: 2 }), { nil: undefined }),
      )
      .map(([domains, hosting]) => vendor('v', domains, hosting));
    fc.assert(
      fc.property(
        fc.array(vendorArb, { maxLength: 12 }),
        fc.constantFrom(1, 2, 4, 16),
        fc.array(domain, { minLength: 1, maxLength: 8 }),
        (vendors, count, hosts) => {
          const { viaShard, viaRegister } = matchers(listOf(vendors), count);
          for (const raw of hosts) {
            const host = hostOfInput(raw);
            if (host) expect(viaShard(host)).toEqual(viaRegister(host));
          }
        },
      ),
      fuzzParams(300),
    );
  });
});

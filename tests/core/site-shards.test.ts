// The register laid out by site: a host matched within its shard finds exactly what it finds within
// the whole register, and every matchable domain is in exactly one shard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SubprocessorList, Vendor } from '../../src/core/list';
import { buildMatchIndex, hostOfInput, match } from '../../src/core/match';
import {
  chunkOf,
  MAX_SHARDS,
  matchInShard,
  shardCountFor,
  shardEntries,
  shardIndexOf,
  shardOf,
} from '../../src/core/site-shards';
import { blankVendor } from '../support/blank-vendor';
import { fuzzParams } from '../support/fuzz';
import { registerList } from '../support/generate-vendors';

function vendor(name: string, domains: string[], hostingDomains?: string[]): Vendor {
  return blankVendor(name, { domains, ...(hostingDomains ? { hostingDomains } : {}) });
}

const listOf = (vendors: Vendor[]): SubprocessorList => ({
  format: 'subprocessor-list/v1',
  source: { title: 't', url: null, updated: null },
  vendors,
});

/** Matches hosts through their shard and through the whole register, as register indices. */
function matchers(list: SubprocessorList, count: number) {
  const shards = shardEntries(list, count).map(shardIndexOf);
  const whole = buildMatchIndex(list);
  return {
    viaShard: (host: string) => matchInShard(shards[shardOf(host, count)] ?? shardIndexOf([]), host),
    viaRegister: (host: string) => {
      const found = match(whole, host);
      const at = found.vendor ? list.vendors.indexOf(found.vendor) : null;
      return { at, relation: found.relation, domain: found.domain };
    },
  };
}

describe('shardCountFor', () => {
  it('gives one shard to a short list and a power of two that grows with the register, up to a cap', () => {
    expect([0, 7, 64].map(shardCountFor)).toEqual([1, 1, 1]);
    expect(shardCountFor(65)).toBe(2);
    expect(shardCountFor(200)).toBe(4);
    expect(shardCountFor(10_000)).toBe(256);
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

describe('shardEntries', () => {
  it('puts every dotted domain in the shard of its last two labels, once, in register order', () => {
    const list = listOf([
      vendor('Stripe', ['stripe.com', 'stripe.network']),
      vendor('Heroku', ['heroku.com'], ['herokuapp.com']),
      vendor('No domain', []),
      vendor('Single label', ['localhost']),
    ]);
    const count = 8;
    const shards = shardEntries(list, count);
    expect(shards).toHaveLength(count);
    expect(shards[shardOf('stripe.com', count)]).toContainEqual(['stripe.com', 0, 0]);
    expect(shards[shardOf('stripe.network', count)]).toContainEqual(['stripe.network', 0, 0]);
    expect(shards[shardOf('herokuapp.com', count)]).toContainEqual(['herokuapp.com', 1, 1]);
    expect(
      shards
        .flat()
        .map(([d]) => d)
        .sort(),
    ).toEqual(['heroku.com', 'herokuapp.com', 'stripe.com', 'stripe.network'].sort());
    for (const shard of shards) expect(shard.map(([, at]) => at)).toEqual(shard.map(([, at]) => at).sort());
  });

  it('gives each register index its chunk', () => {
    expect([0, 63, 64, 9_999].map((i) => chunkOf(i))).toEqual([0, 0, 1, 156]);
    expect(chunkOf(10, 4)).toBe(2);
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
    // Few labels, so that vendors share domains and tails (the first claim wins), nest (a.b.co under
    // b.co) and host customers; hosts are every vendor domain, bare and under a subdomain, and others.
    const label = fc.constantFrom('a', 'b', 'co', 'uk', 'com', 'herokuapp');
    const domain = fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'));
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
        fc.array(domain, { maxLength: 4 }),
        (vendors, count, others) => {
          const { viaShard, viaRegister } = matchers(listOf(vendors), count);
          const named = vendors.flatMap((v) => [...v.domains, ...(v.hostingDomains ?? [])]);
          for (const raw of [...named, ...named.map((d) => `x.${d}`), ...others]) {
            const host = hostOfInput(raw);
            if (host) expect(viaShard(host)).toEqual(viaRegister(host));
          }
        },
      ),
      fuzzParams(300),
    );
  });
});

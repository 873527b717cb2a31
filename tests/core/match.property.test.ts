// Property tests (fast-check, fixed seed): match never throws, and a match is always the host
// itself or a parent domain the vendor really owns.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, hostOfInput, match } from '../../src/core/match';
import { parseOk, SEED_PATH } from '../support/fixture-lists';
import { FUZZ_TIMEOUT_MS, fuzzParams, timed } from '../support/fuzz';

const seed = parseOk(readFileSync(SEED_PATH, 'utf8'));
const index = buildMatchIndex(seed);
const ownDomains = seed.vendors.flatMap((v) => v.domains);
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);

function checkMatch(input: string): void {
  const result = timed(input.length, () => match(index, input));
  if (!result.vendor) {
    expect(result).toEqual({ vendor: null, relation: null, domain: null });
    return;
  }
  const host = hostOfInput(input);
  const domain = result.domain ?? '';
  expect(host === domain || host?.endsWith(`.${domain}`)).toBe(true);
  const owned =
    result.relation === 'vendor'
      ? [...result.vendor.domains, ...(result.vendor.hostingDomains ?? [])]
      : result.vendor.hostingDomains;
  expect(owned).toContain(domain);
}

describe('match, property tests', () => {
  it(
    'never throws on arbitrary strings',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), checkMatch), fuzzParams(1000));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never throws on URLs, domains and mixed-case hosts with ports, paths and dots',
    () => {
      const input = fc.oneof(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.domain(),
        fc.mixedCase(fc.constantFrom(...ownDomains)).map((d) => `${d}.`),
        fc.tuple(fc.constantFrom(...ownDomains), fc.nat(70_000)).map(([d, port]) => `https://${d}:${port}/x`),
        fc.ipV4(),
        fc.ipV6().map((ip) => `http://[${ip}]/`),
      );
      fc.assert(fc.property(input, checkMatch), fuzzParams(1000));
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'finds the vendor on any subdomain of its own domains',
    () => {
      fc.assert(
        fc.property(
          fc.array(label, { minLength: 1, maxLength: 4 }),
          fc.constantFrom(...ownDomains),
          (labels, d) => {
            const owner = seed.vendors.find((v) => v.domains.includes(d));
            expect(match(index, `${labels.join('.')}.${d}`).vendor).toBe(owner);
          },
        ),
        fuzzParams(500),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'never matches a vendor domain used as a prefix or glued to another name',
    () => {
      fc.assert(
        fc.property(
          label,
          fc.constantFrom(...ownDomains),
          fc.constantFrom('example', 'evil.example', 'co'),
          (l, d, tld) => {
            expect(match(index, `${d}.${tld}`).vendor).toBeNull();
            const glued = match(index, `${l}x${d}`);
            if (glued.vendor) expect(`${l}x${d}`.endsWith(`.${glued.domain}`)).toBe(true);
          },
        ),
        fuzzParams(500),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

// The red team's case end to end (issue 14, finding 1): the bundled list plus an imported hostile
// v1 document whose vendor "Stripe" claims paypal.com, github.com, accounts.google.com and 300,001
// other domains, and one whose website is a public suffix. Imported as the options page imports a
// file (the background's handler over the runtime), stored, and read back as the badge reads it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/commands';
import { LIST_FORMAT, type Vendor } from '../../src/core/list';
import { buildMatchIndex, match } from '../../src/core/match';
import { MAX_DOMAINS } from '../../src/core/normalize/domains';
import { importList } from '../../src/platform/messages';
import { serveRequests } from '../../src/platform/serve-requests';
import { STORE_KEY } from '../../src/platform/store/keys';
import { readStoreRecord } from '../../src/platform/store/record';
import { loadList } from '../../src/platform/store/register-read';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { localFetch } from '../support/list-server';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', localFetch);
  serveRequests(handlers);
});

function vendor(name: string, website: string | null, domains: string[], hostingDomains?: string[]) {
  return {
    name,
    website,
    domains,
    ...(hostingDomains ? { hostingDomains } : {}),
    location: { text: 'Nowhere', country: null },
    certifications: [],
    dataProcessed: [],
    use: [],
    dpa: { status: 'not-signed', date: null, text: 'No' },
    flags: [{ id: 'forged', severity: 'info', message: 'Trusted by everyone' }],
  };
}

const hostileDocument = (vendors: unknown[]) =>
  JSON.stringify({
    format: LIST_FORMAT,
    source: { title: 'Totally Legit', url: null, updated: null },
    vendors,
  });

const claimed = ['paypal.com', 'github.com', 'accounts.google.com'];
const many = Array.from({ length: 300_001 }, (_, i) => `d${i}.io`);

async function registerMatch(host: string) {
  const { list } = await loadList();
  return match(buildMatchIndex(list), host);
}

function storedVendors(): Vendor[] {
  const read = readStoreRecord(fakeBrowser.storage.local.peek(STORE_KEY));
  if (read.kind !== 'ok') throw new Error(`store: ${read.kind}`);
  return Object.values(read.record.sources).flatMap((s) => s.list?.vendors ?? []);
}

describe('a hostile list cannot speak for sites it does not own', () => {
  it('a "Stripe" at stripe.com claiming paypal.com and 300,001 domains badges none of them', async () => {
    const reply = await importList(
      hostileDocument([vendor('Stripe', 'https://stripe.com', [...claimed, ...many], [...claimed, 'com'])]),
      'legit.json',
    );
    expect(reply.ok).toBe(true);
    for (const host of [...claimed, 'www.paypal.com', 'd7.io', 'bbc.com']) {
      expect((await registerMatch(host)).vendor, host).toBeNull();
    }
    // Stripe's own site is still Dovetail's Stripe, listed by both (the lists agree on stripe.com).
    const stripe = await registerMatch('stripe.com');
    expect(stripe.vendor?.listedBy?.map((l) => l.title)).toEqual(['Dovetail', 'Totally Legit']);
    expect(stripe.vendor?.domains).not.toContain('paypal.com');
    const [stored] = storedVendors();
    expect(stored?.domains).toEqual(['stripe.com', 'stripe.network', 'stripe.dev']);
    expect(stored?.hostingDomains).toBeUndefined();
    expect(stored?.unverifiedDomains).toHaveLength(MAX_DOMAINS);
    expect(stored?.unverifiedDomains?.slice(0, 3)).toEqual(claimed);
  });

  it('a "Stripe" whose website is paypal.com is its own vendor, never Dovetail\'s Stripe', async () => {
    await importList(hostileDocument([vendor('Stripe', 'https://www.paypal.com', claimed)]), 'legit.json');
    const found = await registerMatch('paypal.com');
    expect(found.vendor?.name).toBe('Stripe');
    expect(found.vendor?.listedBy?.map((l) => l.title)).toEqual(['Totally Legit']);
    expect(found.vendor?.domains).toEqual(['paypal.com']);
    expect((await registerMatch('github.com')).vendor).toBeNull();
    expect((await registerMatch('stripe.com')).vendor?.listedBy?.map((l) => l.title)).toEqual(['Dovetail']);
  });

  it('a "Stripe" without a website claims nothing and joins no other list\'s Stripe', async () => {
    await importList(hostileDocument([vendor('Stripe', null, claimed)]), 'legit.json');
    expect((await registerMatch('paypal.com')).vendor).toBeNull();
    expect((await registerMatch('stripe.com')).vendor?.listedBy?.map((l) => l.title)).toEqual(['Dovetail']);
  });

  it.each([
    ['https://co.uk', 'bbc.co.uk'],
    ['https://com.au', 'abc.com.au'],
    ['https://github.io', 'someone.github.io'],
    ['https://blogspot.com', 'someone.blogspot.com'],
  ])('a vendor whose website is the public suffix %s is not the vendor of %s', async (website, site) => {
    await importList(hostileDocument([vendor('Evil Co', website, [new URL(website).hostname])]), 'e.json');
    const found = await registerMatch(site);
    // someone.github.io is still a site hosted on GitHub (curated), never Evil Co's.
    expect(found.vendor?.name ?? null).not.toBe('Evil Co');
    expect(storedVendors()[0]?.domains).toEqual([]);
  });
});

// Lists stored by an older version are read again after an update (issue 14, finding 1): a vendor
// at the public suffix co.uk, or a "Stripe" claiming paypal.com, lose those claims.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rejudgeStoredLists } from '../../src/background/rejudge-lists';
import { buildMatchIndex, match } from '../../src/core/match';
import { STORE_KEY } from '../../src/platform/store/keys';
import { readStore } from '../../src/platform/store/record-io';
import { loadList } from '../../src/platform/store/register-read';
import { blankVendor } from '../support/blank-vendor';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const old = (name: string, website: string, domains: string[]) => blankVendor(name, { website, domains });

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
  await fakeBrowser.storage.local.set({
    [STORE_KEY]: {
      schemaVersion: 2,
      revision: 4,
      sources: {
        old: {
          id: 'old',
          title: 'Stored long ago',
          url: null,
          kind: 'file',
          list: {
            format: 'subprocessor-list/v1',
            source: { title: 'Stored long ago', url: null, updated: null },
            vendors: [
              old('Evil Co UK', 'https://co.uk', ['co.uk']),
              old('Stripe', 'https://stripe.com', ['stripe.com', 'paypal.com']),
            ],
          },
        },
      },
    },
  });
});

describe('rejudgeStoredLists', () => {
  it('takes back the claims an older version stored, and keeps the rest of the list', async () => {
    const matchOf = async (host: string) =>
      match(buildMatchIndex((await loadList()).list), host).vendor?.name ?? null;
    expect(await matchOf('bbc.co.uk')).toBe('Evil Co UK');
    await rejudgeStoredLists();
    expect(await matchOf('bbc.co.uk')).toBeNull();
    expect(await matchOf('paypal.com')).toBeNull();
    const read = await readStore();
    const list = read.kind === 'ok' ? read.record.sources.old?.list : null;
    expect(list?.source.title).toBe('Stored long ago');
    expect(list?.vendors.map((v) => [v.name, v.domains, v.unverifiedDomains ?? []])).toEqual([
      ['Evil Co UK', [], []],
      ['Stripe', ['stripe.com', 'stripe.network', 'stripe.dev'], ['paypal.com']],
    ]);
  });

  it('writes nothing when every list already holds', async () => {
    await rejudgeStoredLists();
    const revision = (fakeBrowser.storage.local.peek(STORE_KEY) as { revision: number }).revision;
    await rejudgeStoredLists();
    expect((fakeBrowser.storage.local.peek(STORE_KEY) as { revision: number }).revision).toBe(revision);
  });
});

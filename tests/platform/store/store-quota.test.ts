// Storage quota (issue 14, finding 4): the largest list the parser keeps (20,000 vendors) is stored
// with its read views, in a storage.local that counts bytes as Chrome does (key plus JSON value) and
// holds 10 MB unless the manifest asks for unlimitedStorage. A write the browser refuses says so in
// plain words and changes nothing: the lists stored before stay in use.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../../src/background/commands';
import { LIST_FORMAT } from '../../../src/core/list';
import { MAX_VENDORS } from '../../../src/core/parse/build-vendors';
import { importList } from '../../../src/platform/messages';
import { serveRequests } from '../../../src/platform/serve-requests';
import { STORE_KEY } from '../../../src/platform/store/keys';
import { StoreWriteError } from '../../../src/platform/store/record-io';
import { loadList } from '../../../src/platform/store/register-read';
import { bundled } from '../../support/bundled-list';
import { fakeBrowser } from '../../support/fake-browser';
import { registerList } from '../../support/generate-vendors';
import { saveSource } from '../../support/save-source';

vi.mock('../../../src/platform/browser', async () => ({
  browser: (await import('../../support/fake-browser')).fakeBrowser,
}));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  vi.stubGlobal('fetch', fakeBrowser.fetch);
  serveRequests(handlers);
});

const CHROME_LOCAL_QUOTA = 10_485_760;

describe('storing the largest list', () => {
  it(`stores ${MAX_VENDORS.toLocaleString('en')} vendors with their views (more than storage.local's 10 MB)`, async () => {
    const list = registerList(MAX_VENDORS);
    await saveSource({ id: 'big', title: 'Big', url: null, fetchedAt: null, list, kind: 'file' });
    const bytes = fakeBrowser.storage.local.bytesInUse();
    const record = JSON.stringify(fakeBrowser.storage.local.peek(STORE_KEY)).length;
    console.log(
      `storage: ${MAX_VENDORS} generated vendors take ${(bytes / 1e6).toFixed(1)} MB in storage.local ` +
        `(${Math.round(bytes / MAX_VENDORS)} bytes per vendor; the record ${Math.round(record / MAX_VENDORS)}, ` +
        `the read views the rest)`,
    );
    // Past Chrome's 10 MB: only unlimitedStorage (manifest.json) lets it be stored at all.
    expect(bytes).toBeGreaterThan(CHROME_LOCAL_QUOTA);
    expect((await loadList()).list.vendors.length).toBeGreaterThanOrEqual(MAX_VENDORS);
  }, 60_000);
});

describe('a full storage', () => {
  const oneVendor = (name: string) =>
    JSON.stringify({
      format: LIST_FORMAT,
      source: { title: name, url: null, updated: null },
      vendors: [
        {
          name,
          website: `https://${name.toLowerCase()}.example`,
          domains: [],
          location: { text: 'Berlin, Germany', country: 'DE' },
          certifications: [],
          dataProcessed: [],
          use: [],
          dpa: { status: 'signed', date: null, text: 'Yes' },
          flags: [],
        },
      ],
    });

  it('refuses an import in plain words and keeps the lists stored before', async () => {
    expect((await importList(oneVendor('Acme'), 'acme.json')).ok).toBe(true);
    const before = structuredClone(fakeBrowser.storage.local.peek(STORE_KEY));
    // Full even for the record alone: without its read views (which a write drops first to make
    // room) the new record still does not fit.
    fakeBrowser.storage.local.quotaBytes = STORE_KEY.length + JSON.stringify(before).length + 100;
    const reply = await importList(oneVendor('Globex'), 'globex.json');
    expect(reply).toMatchObject({
      ok: false,
      message:
        "This list could not be stored: the browser's storage is full. The lists stored before stay in use; remove a list you no longer need and try again.",
    });
    expect(reply.message).not.toMatch(/kQuotaBytes/);
    expect(fakeBrowser.storage.local.peek(STORE_KEY)).toEqual(before);
    const names = (await loadList()).list.vendors.map((v) => v.name);
    expect(names).toContain('Acme');
    expect(names).not.toContain('Globex');
  });

  it('names another write failure plainly, with the browser reason as detail', async () => {
    const write = saveSource({ id: 'x', title: 'X', url: null, fetchedAt: null, list: bundled });
    const set = vi
      .spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValue(new Error('IO error: disk\nfailed'));
    await expect(write).rejects.toThrow(StoreWriteError);
    await expect(
      saveSource({ id: 'x', title: 'X', url: null, fetchedAt: null, list: bundled }),
    ).rejects.toThrow(
      'This list could not be stored (Error: IO error: disk failed). The lists stored before stay in use.',
    );
    set.mockRestore();
  });
});

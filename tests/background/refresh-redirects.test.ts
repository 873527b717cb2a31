// Redirects through the refresh (issue 14, finding 3): an https source that lands on plain http
// keeps its last good list and says why; a redirect to another origin is shown on the source, and is
// read only with that origin's permission, like any source.

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshOne } from '../../src/background/refresh-runner';
import { STORE_KEY } from '../../src/platform/store/keys';
import { loadList } from '../../src/platform/store/register-read';
import { loadSources } from '../../src/platform/store/source-summaries';
import { bundled } from '../support/bundled-list';
import { fakeBrowser } from '../support/fake-browser';
import { redirectingFetch } from '../support/redirecting-fetch';
import { visible } from '../support/visible';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

const refreshed = readFileSync('tests/fixtures/refresh/dovetail-refreshed.md', 'utf8');
const SOURCE = 'https://lists.acme.example/dovetail';

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.files.set('data/dovetail.json', bundled);
  await fakeBrowser.permissions.request({ origins: ['https://lists.acme.example/*'] });
  await fakeBrowser.storage.local.set({
    [STORE_KEY]: {
      schemaVersion: 2,
      revision: 1,
      sources: { dovetail: { id: 'dovetail', title: 'Dovetail', url: SOURCE, kind: 'bundled', list: null } },
    },
  });
});

const names = async () => (await loadList()).list.vendors.map((v) => v.name);
const view = async () => (await loadSources()).find((s) => s.id === 'dovetail');

describe('a refresh that is redirected', () => {
  it('refuses https -> http, keeps the list in use and says why in plain words', async () => {
    vi.stubGlobal(
      'fetch',
      redirectingFetch({ [SOURCE]: { to: 'http://lists.acme.example/dovetail', body: refreshed } }).fetch,
    );
    const report = await refreshOne('dovetail', { trigger: 'user' });
    expect(report?.outcome).toBe('insecure-redirect');
    expect(visible(report?.message)).toBe(
      'The source’s https address redirected to a plain http address (http://lists.acme.example), where anyone on the network could alter the list, so it was not read. The list bundled with the extension stays in use.',
    );
    expect(await names()).toEqual(bundled.vendors.map((v) => v.name));
    expect((await view())?.redirectsTo).toBe('http://lists.acme.example');
  });

  it('refuses another origin without its permission, and shows where the address leads', async () => {
    vi.stubGlobal(
      'fetch',
      redirectingFetch({ [SOURCE]: { to: 'https://cdn.other.example/list.md', body: refreshed } }).fetch,
    );
    const report = await refreshOne('dovetail', { trigger: 'user' });
    expect(report?.outcome).toBe('redirect-refused');
    expect(visible(report?.message)).toMatch(
      /^The source’s address redirects to https:\/\/cdn\.other\.example, another site, which Subprocessor Lens has no permission to read\./,
    );
    expect(await names()).not.toContain('Rev.ai');
    expect((await view())?.redirectsTo).toBe('https://cdn.other.example');
  });

  it('applies the list from another origin once that origin is permitted, still showing the redirect', async () => {
    vi.stubGlobal(
      'fetch',
      redirectingFetch({ [SOURCE]: { to: 'https://cdn.other.example/list.md', body: refreshed } }).fetch,
    );
    await fakeBrowser.permissions.request({ origins: ['https://cdn.other.example/*'] });
    expect((await refreshOne('dovetail', { trigger: 'user' }))?.outcome).toBe('updated');
    expect(await names()).toContain('Rev.ai');
    expect((await view())?.redirectsTo).toBe('https://cdn.other.example');
    // The address stops redirecting: the card stops saying so.
    vi.stubGlobal('fetch', redirectingFetch({ [SOURCE]: { to: SOURCE, body: refreshed } }).fetch);
    await refreshOne('dovetail', { trigger: 'user' });
    expect((await view())?.redirectsTo).toBeNull();
  });
});

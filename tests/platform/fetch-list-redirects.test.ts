// Redirects (issue 14, finding 3): an https source that lands on plain http is refused, and one that
// lands on another origin is read only where the caller may read that origin.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchList } from '../../src/platform/fetch-list';
import { redirectingFetch } from '../support/redirecting-fetch';

const LIST = '## Rev.ai\n\n[rev.ai](https://www.rev.ai)\n\n- **Location:** Austin, United States.\n';
const SOURCE = 'https://acme.example/legal/subprocessors';

afterEach(() => {
  vi.unstubAllGlobals();
});

function answering(to: string) {
  const fake = redirectingFetch({ [SOURCE]: { to, body: LIST } });
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

describe('fetchList and redirects', () => {
  it('refuses an https source that redirected to plain http, whatever the permissions', async () => {
    answering('http://acme.example/legal/subprocessors');
    const mayRead = vi.fn(async () => true);
    expect(await fetchList(SOURCE, { mayRead })).toEqual({
      url: SOURCE,
      kind: 'insecure-redirect',
      finalUrl: 'http://acme.example/legal/subprocessors',
      message:
        'The https source redirected to a plain http address (http://acme.example); the list was not read.',
    });
  });

  it('reads a redirect within the origin without asking', async () => {
    answering('https://acme.example/trust/subprocessors');
    const mayRead = vi.fn(async () => false);
    expect(await fetchList(SOURCE, { mayRead })).toMatchObject({
      kind: 'ok',
      finalUrl: 'https://acme.example/trust/subprocessors',
      text: LIST,
    });
    expect(mayRead).not.toHaveBeenCalled();
  });

  it('asks about another origin, refuses it when not permitted and reads it when permitted', async () => {
    answering('https://lists.other.example/acme');
    const refused = vi.fn(async () => false);
    expect(await fetchList(SOURCE, { mayRead: refused })).toEqual({
      url: SOURCE,
      kind: 'redirect-refused',
      finalUrl: 'https://lists.other.example/acme',
      message:
        'The source redirected to https://lists.other.example, which the extension has no permission to read.',
    });
    expect(refused).toHaveBeenCalledWith('https://lists.other.example/acme');
    expect(await fetchList(SOURCE, { mayRead: async () => true })).toMatchObject({
      kind: 'ok',
      finalUrl: 'https://lists.other.example/acme',
    });
  });

  it('lets an http source move to https', async () => {
    const fake = redirectingFetch({
      'http://acme.example/legal/subprocessors': { to: SOURCE, body: LIST },
    });
    vi.stubGlobal('fetch', fake.fetch);
    expect(
      await fetchList('http://acme.example/legal/subprocessors', { mayRead: async () => true }),
    ).toMatchObject({
      kind: 'ok',
      finalUrl: SOURCE,
    });
  });
});

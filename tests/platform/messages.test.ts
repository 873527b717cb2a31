import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshSource } from '../../src/platform/messages';
import { parseRequest, serveRequests } from '../../src/platform/serve-requests';
import { attemptFailed } from '../../src/platform/source-types';
import { fakeBrowser } from '../support/fake-browser';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

beforeEach(() => fakeBrowser.reset());

describe('parseRequest', () => {
  it('accepts each command in its wire form', () => {
    const to = 'lens-background';
    for (const message of [
      { to, type: 'refresh', sourceId: 'all' },
      { to, type: 'addSource', url: 'https://acme.example/subprocessors' },
      { to, type: 'addSource', url: 'https://acme.example/subprocessors', title: 'Acme' },
      { to, type: 'removeSource', id: 'acme' },
      { to, type: 'confirmHeld', id: 'acme' },
      { to, type: 'discardHeld', id: 'acme' },
      { to, type: 'importList', text: '# list', fileName: 'list.md' },
    ]) {
      expect(parseRequest(message)).toEqual({ kind: 'request', request: message });
    }
  });

  it('says what is wrong with a malformed one of ours', () => {
    expect(parseRequest({ to: 'lens-background', type: 'refresh', sourceId: '' })).toEqual({
      kind: 'invalid',
      reason: 'sourceId: Invalid length: Expected >=1 but received 0',
    });
    expect(
      parseRequest({ to: 'lens-background', type: 'importList', text: 'x'.repeat(6_000_001), fileName: 'a' }),
    ).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/^text: /) });
    expect(parseRequest({ to: 'lens-background', type: 'drop-tables' })).toMatchObject({ kind: 'invalid' });
  });

  it('leaves other messages to other listeners', () => {
    expect(parseRequest({ type: 'refresh', sourceId: 'all' })).toBeNull();
    expect(parseRequest('refresh')).toBeNull();
    expect(parseRequest(null)).toBeNull();
  });
});

describe('the client side', () => {
  it('answers ok: false instead of throwing when the background cannot be reached', async () => {
    expect(await refreshSource('all')).toEqual({
      ok: false,
      message: 'Could not establish connection. Receiving end does not exist.',
      sourceId: null,
      reports: [],
    });
  });

  it('turns a handler that throws into ok: false with its message', async () => {
    const fail = async () => {
      throw new Error('disk full');
    };
    serveRequests({
      refresh: fail,
      addSource: fail,
      removeSource: fail,
      confirmHeld: fail,
      discardHeld: fail,
      importList: fail,
      inspectPage: fail,
      followPage: fail,
    });
    expect(await refreshSource('dovetail')).toMatchObject({ ok: false, message: 'disk full' });
  });
});

describe('attemptFailed', () => {
  it('calls errors failures, and neither successes nor a held result', () => {
    expect(
      ['first', 'updated', 'unchanged', 'not-modified', 'held'].map((o) => attemptFailed(o as never)),
    ).toEqual([false, false, false, false, false]);
    expect(attemptFailed('timeout')).toBe(true);
    expect(attemptFailed('rejected')).toBe(true);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasOrigin, originPattern, releaseOrigin, requestOrigin } from '../../src/platform/permissions';
import { fakeBrowser } from '../support/fake-browser';

vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));

beforeEach(() => fakeBrowser.reset());

describe('origin permissions', () => {
  it('turn an address into its origin pattern (no port, no path)', () => {
    expect(originPattern('https://www.acme.example:8443/legal/subprocessors?x=1')).toBe(
      'https://www.acme.example/*',
    );
    expect(originPattern('http://127.0.0.1:8080/list')).toBe('http://127.0.0.1/*');
    expect(originPattern('ftp://acme.example/')).toBeNull();
    expect(originPattern('acme.example')).toBeNull();
  });

  it('know the manifest origin, ask for others, and give them back', async () => {
    expect(await hasOrigin('https://dovetailapp.com/legal/data-subprocessors')).toBe(true);
    expect(await hasOrigin('https://acme.example/list')).toBe(false);
    fakeBrowser.permissions.answer = false;
    expect(await requestOrigin('https://acme.example/list')).toBe(false);
    fakeBrowser.permissions.answer = true;
    expect(await requestOrigin('https://acme.example/list')).toBe(true);
    expect(await hasOrigin('https://acme.example/other')).toBe(true);
    expect(await releaseOrigin('https://acme.example/list')).toBe(true);
    expect(await hasOrigin('https://acme.example/list')).toBe(false);
  });

  it('never give back the manifest origin, and refuse non-web addresses', async () => {
    expect(await releaseOrigin('https://dovetailapp.com/legal/data-subprocessors')).toBe(false);
    expect(await hasOrigin('https://dovetailapp.com/')).toBe(true);
    expect(await requestOrigin('file:///etc/passwd')).toBe(false);
    expect(await hasOrigin('javascript:alert(1)')).toBe(false);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from '../../src/options/download';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadText', () => {
  it('clicks a hidden <a download> on an object URL, removes it, and lets the URL go later', async () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string; hidden: boolean }[] = [];
    const onClick = (event: Event) => {
      const a = event.target as HTMLAnchorElement;
      clicked.push({ href: a.getAttribute('href') ?? '', download: a.download, hidden: a.hidden === true });
      event.preventDefault();
    };
    document.addEventListener('click', onClick);
    try {
      downloadText('{"a":1}', 'register.json', 'application/json');
    } finally {
      document.removeEventListener('click', onClick);
    }
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'register.json', hidden: true }]);
    const blob = create.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe('{"a":1}');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});

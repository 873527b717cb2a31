import { describe, expect, it } from 'vitest';
import { clip, displayHost, formatAge, formatDay, safeHttpUrl } from '../../src/ui/format';
import { SCRIPT_WEBSITES } from '../support/hostile/vendors';
import { TODAY } from '../support/test-date';

const at = (iso: string) => new Date(`${iso}T09:30:00Z`);

describe('formatDay', () => {
  it('writes a calendar day in the locale, whatever the time zone', () => {
    expect(formatDay('2018-10-08', 'en-GB')).toBe('8 Oct 2018');
    expect(formatDay('2018-10-08', 'en-US')).toBe('Oct 8, 2018');
    expect(formatDay('not a date', 'en-GB')).toBe('not a date');
  });
});

describe('formatAge', () => {
  it('uses the largest whole unit', () => {
    expect(formatAge('2018-10-08', at(TODAY), 'en-GB')).toBe('8 years ago');
    expect(formatAge('2018-10-08', at('2019-10-07'), 'en-GB')).toBe('11 months ago');
    expect(formatAge('2018-10-08', at('2019-10-08'), 'en-GB')).toBe('1 year ago');
    expect(formatAge('2026-11-20', at(TODAY), 'en-GB')).toBe('7 days ago');
    expect(formatAge('2026-10-27', at(TODAY), 'en-GB')).toBe('1 month ago');
  });

  it('reads today (or a date in the future) as today', () => {
    expect(formatAge(TODAY, at(TODAY), 'en-GB')).toBe('today');
    expect(formatAge('2026-12-30', at(TODAY), 'en-GB')).toBe('today');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http and https addresses', () => {
    expect(safeHttpUrl('https://stripe.com')).toBe('https://stripe.com/');
    expect(safeHttpUrl('http://example.com/a?b=c')).toBe('http://example.com/a?b=c');
  });

  it('refuses every other scheme, credentials, relative and missing addresses', () => {
    for (const raw of [
      ...SCRIPT_WEBSITES,
      '',
      null,
      undefined,
      'stripe.com',
      `https://${'a'.repeat(3000)}.com`,
    ]) {
      expect(safeHttpUrl(raw), String(raw)).toBeNull();
    }
  });
});

describe('displayHost and clip', () => {
  it('shows the host a reader recognises', () => {
    expect(displayHost('https://www.stripe.com/pricing')).toBe('stripe.com');
    expect(displayHost('https://aws.amazon.com/')).toBe('aws.amazon.com');
  });

  it('clips long text without splitting a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdef', 3)).toBe('abc…');
    const emoji = `ab${'😀'.repeat(5)}`;
    const clipped = clip(emoji, 3);
    expect(clipped).toBe('ab…');
    expect(clipped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

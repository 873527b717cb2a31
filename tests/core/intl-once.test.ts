import { describe, expect, it, vi } from 'vitest';
import { formatDay } from '../../src/core/format-day';
import { intlOnce } from '../../src/core/intl-once';

describe('intlOnce: Intl formatters made once per locale and options', () => {
  it('makes a formatter the first time and hands the same one back', () => {
    const make = vi.fn(() => new Intl.NumberFormat('de'));
    const first = intlOnce('test-number|de', make);
    expect(intlOnce('test-number|de', make)).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    expect(first.format(1234)).toBe('1.234');
  });

  it('keeps nothing for a make that throws, so a malformed tag fails the same way each time', () => {
    const make = vi.fn(() => new Intl.DateTimeFormat('not a tag!'));
    expect(() => intlOnce('test-bad', make)).toThrow();
    expect(() => intlOnce('test-bad', make)).toThrow();
    expect(make).toHaveBeenCalledTimes(2);
    expect(formatDay('2026-12-03', 'not a tag!')).toBe('2026-12-03');
  });

  it('formats days in each locale and month length apart', () => {
    expect(formatDay('2018-10-08', 'en-GB')).toBe('8 Oct 2018');
    expect(formatDay('2018-10-08', 'en-GB', 'long')).toBe('8 October 2018');
    expect(formatDay('2018-10-08', 'de')).toBe('8. Okt. 2018');
  });
});

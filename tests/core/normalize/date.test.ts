import { describe, expect, it } from 'vitest';
import { findDate } from '../../../src/core/normalize/date';

describe('findDate', () => {
  it.each([
    ['8 October 2018', '2018-10-08'],
    ['Yes – 8 October 2018', '2018-10-08'],
    ['October 8, 2018', '2018-10-08'],
    ['Oct. 8th, 2018', '2018-10-08'],
    ['1 Sept 2021', '2021-09-01'],
    ['2018-10-08', '2018-10-08'],
    ['2018/10/8', '2018-10-08'],
    ['29 February 2024', '2024-02-29'],
  ])('%s -> %s', (text, date) => {
    expect(findDate(text)).toBe(date);
  });

  it.each([
    ['31 February 2020', 'no such day'],
    ['29 February 2023', 'not a leap year'],
    ['08/10/2018', 'day and month order unknown'],
    ['1989-01-01', 'before any subprocessor list'],
    ['2024-13-01', 'no month 13'],
    ['March 2024', 'no day'],
    ['no date here', 'nothing'],
  ])('%s -> null (%s)', (text) => {
    expect(findDate(text)).toBeNull();
  });

  it('reads a month and year as the first of the month only when asked', () => {
    expect(findDate('Last updated: March 2024', { monthOnly: true })).toBe('2024-03-01');
    expect(findDate('Updated Sept, 2023', { monthOnly: true })).toBe('2023-09-01');
    expect(findDate('8 October 2018', { monthOnly: true })).toBe('2018-10-08');
  });

  it('looks only at the first 500 characters', () => {
    expect(findDate(`${'x '.repeat(300)} 8 October 2018`)).toBeNull();
  });
});

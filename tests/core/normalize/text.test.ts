import { describe, expect, it } from 'vitest';
import { cleanText, splitList, stripTrailingStop, trimSet } from '../../../src/core/normalize/text';

describe('cleanText', () => {
  it('turns control characters into spaces and folds whitespace', () => {
    expect(cleanText('a\u0000b\tc\n\nd  \r\n e')).toBe('a b c d e');
    expect(cleanText('\u0007bell\u001b[31mred\u009b')).toBe('bell [31mred');
  });

  it('removes bidirectional controls, so text reads in its true order (Trojan Source)', () => {
    expect(cleanText('Evil\u202Egnp.exe')).toBe('Evilgnp.exe');
    expect(cleanText('\u061cArabic mark\u2067 \u2069')).toBe('Arabic mark');
    expect(cleanText('a\u202ab\u202cc\u2066d\u2069\u200e\u200f')).toBe('abcd');
  });

  it('removes invisible characters that make lookalike names', () => {
    expect(cleanText('Str\u200bipe')).toBe('Stripe');
    expect(cleanText('Stri\u00adpe\u2060')).toBe('Stripe');
    expect(cleanText('\ufeffStripe')).toBe('Stripe');
  });

  it('removes every default-ignorable character (issue 14, finding 5)', () => {
    expect(cleanText('Str\u{E0073}ipe')).toBe('Stripe'); // a tag character
    expect(cleanText('\u{E0001}Stripe\u{E007F}')).toBe('Stripe');
    expect(cleanText('Stri\ufe0fpe\ufe00')).toBe('Stripe'); // variation selectors
    expect(cleanText('Str\u{E0100}ipe\u{E01EF}')).toBe('Stripe'); // their supplement
    expect(cleanText('\u115fStr\u1160ipe\u3164\uffa0')).toBe('Stripe'); // Hangul fillers
    expect(cleanText('Str\u206aip\u206fe')).toBe('Stripe'); // deprecated format characters
    expect(cleanText('S\u034ftr\u17b4ipe\u180b\u{1D173}\ufff0')).toBe('Stripe'); // the rest
    // What is only invisible leaves nothing: a name of fillers is no name.
    expect(cleanText('\u3164\u{E0020}\u115f')).toBe('');
  });

  it('keeps an emoji, without its joiners and presentation selectors', () => {
    expect(cleanText('Acme \u2764\ufe0f')).toBe('Acme \u2764');
    expect(cleanText('\u{1F469}\u200d\u{1F4BB}')).toBe('\u{1F469}\u{1F4BB}');
  });

  it('keeps letters of every script and emoji', () => {
    expect(cleanText('Pipedrive OÜ — 株式会社 🚀')).toBe('Pipedrive OÜ — 株式会社 🚀');
  });

  it('bounds the length with an ellipsis, never splitting a surrogate pair', () => {
    expect(cleanText('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
    const cut = cleanText('😀'.repeat(10), 5);
    expect(cut).toBe('😀😀…');
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});

describe('stripTrailingStop', () => {
  it.each([
    ['Seattle, United States.', 'Seattle, United States'],
    ['None. ', 'None'],
    ['a, b;,', 'a, b'],
    ['U.S.', 'U.S.'],
    ['Stripe, U.K.', 'Stripe, U.K.'],
    ['e.g.', 'e.g.'],
    ['Acme Inc.', 'Acme Inc'],
    ['...', ''],
  ])('%j -> %j', (text, out) => {
    expect(stripTrailingStop(text)).toBe(out);
  });
});

describe('splitList', () => {
  it('reads the seed’s lists: four items and three items', () => {
    expect(splitList('Billing contact name, email, address, card details.')).toEqual([
      'Billing contact name',
      'email',
      'address',
      'card details',
    ]);
    expect(splitList('User name, email address, and IP address.')).toEqual([
      'User name',
      'email address',
      'IP address',
    ]);
  });

  it('keeps "a and b" as one phrase and commas inside parentheses', () => {
    expect(splitList('Billing contact name and email address.')).toEqual([
      'Billing contact name and email address',
    ]);
    expect(splitList('Names (first, last); emails, or IPs')).toEqual([
      'Names (first, last)',
      'emails',
      'IPs',
    ]);
  });

  it('reads "None", "N/A" and empty text as no items', () => {
    expect(splitList('None.')).toEqual([]);
    expect(splitList('N/A')).toEqual([]);
    expect(splitList(' , ; ')).toEqual([]);
  });
});

describe('trimSet', () => {
  it('trims a set of characters and whitespace from each end, keeping the middle', () => {
    expect(trimSet(' -- ISO 9001 (2015) -: ', '-:()', '-:')).toBe('ISO 9001 (2015)');
    expect(trimSet('• Stripe:', '•', ':')).toBe('Stripe');
    expect(trimSet('a-b', '-')).toBe('a-b');
    expect(trimSet('----', '-')).toBe('');
  });

  it('takes linear time on a long run of trimmed characters inside the text', () => {
    const text = `ISO ${'-'.repeat(200_000)}x`;
    const started = performance.now();
    expect(trimSet(text, '-')).toBe(text);
    expect(performance.now() - started).toBeLessThan(1000); // a backtracking regex takes minutes
  });
});

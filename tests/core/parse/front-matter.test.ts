import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/parse/front-matter';

describe('splitFrontMatter', () => {
  it('reads flat scalar keys, lower-cased, without quotes, and returns the body', () => {
    const { data, body } = splitFrontMatter(
      '---\r\nTitle: "Data Subprocessors"\ndate: \'2018-10-08\'\nweight: 3\n---\n\n# Body',
    );
    expect(data).toEqual({ title: 'Data Subprocessors', date: '2018-10-08', weight: '3' });
    expect(body).toBe('\n# Body');
  });

  it('allows a byte-order mark and a blank line after the opening fence (as the seed has)', () => {
    expect(splitFrontMatter('\uFEFF---\n\ntitle: x\n---\nbody').data).toEqual({ title: 'x' });
  });

  it('leaves text without front matter, or with an unclosed fence, untouched', () => {
    expect(splitFrontMatter('# Title\n---\n')).toEqual({ data: {}, body: '# Title\n---\n' });
    expect(splitFrontMatter('---\ntitle: x\n')).toEqual({ data: {}, body: '---\ntitle: x\n' });
  });

  it('ignores lines that are not "key: value"', () => {
    expect(splitFrontMatter('---\n- list item\ntags:\n  - a\n---\n').data).toEqual({ tags: '' });
  });
});

import { describe, expect, it } from 'vitest';
import { followedTitle } from '../../../src/core/page/followed-title';
import { listLinksIn } from '../../../src/core/page/list-links';

const PAGE = 'https://www.acme.test/pricing#plans';

function page(body: string): string {
  return `<!doctype html><html><head><title>Acme</title><script>var a = '<a href="/subprocessors">x</a>';</script></head><body>${body}</body></html>`;
}

describe('listLinksIn', () => {
  it('finds a "Subprocessors" link in the footer, resolved against the page', () => {
    const html = page(
      '<main><p>Plans</p></main><footer><a href="/legal/privacy">Privacy</a> <a href="/legal/subprocessors">Subprocessors</a></footer>',
    );
    expect(listLinksIn(html, PAGE)).toEqual([
      { url: 'https://www.acme.test/legal/subprocessors', text: 'Subprocessors', kind: 'list' },
    ]);
  });

  it('reads the link words of every language the parser knows, in text or address', () => {
    const names = [
      'Sub-processors',
      'Subprocessor list',
      'Liste der Unterauftragsverarbeiter',
      'Nos sous-traitants',
      'Subencargados del tratamiento',
      'Sub-responsabili',
      'Subverwerkers',
      'Suboperadores',
      'サブプロセッサー一覧',
      '하위 처리자 목록',
    ];
    const html = page(names.map((n, i) => `<a href="/p${i}">${n}</a>`).join(' '));
    const found = listLinksIn(html, PAGE);
    expect(found).toHaveLength(5); // bounded: the popup offers a few
    expect(found.every((l) => l.kind === 'list')).toBe(true);
    for (const [i, name] of names.entries()) {
      const one = listLinksIn(page(`<a href="/p${i}">${name}</a>`), PAGE);
      expect(
        one.map((l) => l.text),
        name,
      ).toEqual([name]);
    }
    // An address alone can name the list (an icon link, a link reading "here").
    expect(listLinksIn(page('<a href="/legal/sub-processors">here</a>'), PAGE)[0]?.kind).toBe('list');
    expect(listLinksIn(page('<a href="/de/unterauftragsverarbeiter">Liste</a>'), PAGE)[0]?.kind).toBe('list');
  });

  it('offers trust centres after lists, and knows the trust-centre platforms', () => {
    const html = page(
      '<a href="https://acme.safebase.io/">Security</a> <a href="https://trust.acme.test/">Trust</a> <a href="/trust-center">Trust Center</a> <a href="/subprocessors">Subprocessors</a>',
    );
    expect(listLinksIn(html, PAGE).map((l) => [l.kind, l.url])).toEqual([
      ['list', 'https://www.acme.test/subprocessors'],
      ['trust', 'https://acme.safebase.io/'],
      ['trust', 'https://trust.acme.test/'],
      ['trust', 'https://www.acme.test/trust-center'],
    ]);
  });

  it('leaves out the page itself, repeats, other schemes, scripts and unrelated links', () => {
    const html = page(
      `<a href="${PAGE}">Subprocessors</a> <a href="#x">Subprocessors</a> <a href="javascript:alert(1)">Subprocessors</a> <a href="mailto:dpo@acme.test">Subprocessors</a> <a href="/a">Blog</a> <a href="/subprocessors">Subprocessors</a> <a href="/subprocessors#eu">Sub-processors (EU)</a>`,
    );
    expect(listLinksIn(html, 'https://www.acme.test/pricing')).toEqual([
      { url: 'https://www.acme.test/subprocessors', text: 'Subprocessors', kind: 'list' },
    ]);
    expect(listLinksIn(page('<p>No links</p>'), PAGE)).toEqual([]);
    expect(listLinksIn(page('<a href="/subprocessors">x</a>'), 'not a url')).toEqual([]);
  });

  it('cleans hostile link text and stays bounded on a huge page', () => {
    const html = page('<a href="/subprocessors">Sub\u202eprocessors\u0000 <b>list</b>\n\n</a>');
    expect(listLinksIn(html, PAGE)[0]?.text).toBe('Subprocessors list');
    const huge = page(`${'<a href="/x">Blog</a>'.repeat(100_000)}<a href="/subprocessors">Subprocessors</a>`);
    expect(listLinksIn(huge, PAGE)).toEqual([]); // past the anchors it reads: nothing, quickly
  });
});

describe('followedTitle', () => {
  it('names the company and the page', () => {
    expect(followedTitle({ title: 'Subprocessors' }, 'https://www.acme.co.uk/legal')).toBe(
      'Acme: Subprocessors',
    );
    expect(followedTitle({ title: 'Sub-processors', siteName: 'Acme Cloud' }, 'https://trust.acme.io/')).toBe(
      'Acme Cloud: Sub-processors',
    );
  });

  it('does not repeat a company the title already names, and falls back on the host', () => {
    expect(followedTitle({ title: 'Acme subprocessors | Acme' }, 'https://acme.com/x')).toBe(
      'Acme subprocessors | Acme',
    );
    expect(followedTitle({ title: '' }, 'https://trust.acme.com/')).toBe('Acme');
    expect(followedTitle({ title: '  \u202eList ' }, 'https://127.0.0.1/')).toBe('127.0.0.1: List');
  });
});

// Links on a page that lead to its publisher's subprocessor list: the footer's "Subprocessors", a
// legal page's "Liste der Unterauftragsverarbeiter", a trust centre. For the popup, on a page that
// is not a list itself ("This site publishes a subprocessor list"). Pure: the page's HTML in,
// links out, bounded work for any input.
import type { ChildNode, Element } from 'domhandler';
import { cleanText } from '../normalize/text';
import { isElement, parseHtml, textOf } from '../parse/dom';

export interface ListLink {
  url: string;
  /** The link's text as written (clipped), or the address when it has none. */
  text: string;
  /** 'list': names a subprocessor list; 'trust': a trust centre, where lists are often published. */
  kind: 'list' | 'trust';
}

// The words a link to a list uses, in the languages the parser reads (matched on the link's text
// and on its address, lower-cased, accents kept). "Subprocessor" alone is enough: a link never
// names one vendor that way.
const LIST_WORDS: readonly RegExp[] = [
  /sub[\s_-]?processors?/, // en: Subprocessors, Sub-processors, Subprocessor list
  /sub[\s_-]?processing/,
  /unterauftragsverarbeit|sub[\s_-]?auftragsverarbeit/, // de
  /sous[\s_-]?traitants?/, // fr
  /sub[\s_-]?encargad/, // es
  /sub[\s_-]?procesador/, // es
  /sub[\s_-]?responsabil/, // it
  /sub[\s_-]?fornitor/, // it
  /sub[\s_-]?verwerker/, // nl
  /sub[\s_-]?operador|sub[\s_-]?processador|sub[\s_-]?encarregad/, // pt
  /サブプロセッサ|再委託先/, // ja
  /하위\s?처리자|재위탁|수탁사/, // ko
];
const TRUST_WORDS: readonly RegExp[] = [/trust[\s_-]?(center|centre|portal)/];
// Trust-centre platforms host a company's trust page on their own domain.
const TRUST_HOSTS =
  /(^|\.)(safebase\.io|trust\.vanta\.com|trustcenter\.drata\.com|whistic\.com|conveyor\.com)$/;

const MAX_ANCHORS = 5_000;
const MAX_LINKS = 5;
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'head']);

function anchors(html: string): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...parseHtml(html).children].reverse();
  for (let n = stack.pop(); n && out.length < MAX_ANCHORS; n = stack.pop()) {
    if (!isElement(n) || SKIPPED.has(n.name)) continue;
    if (n.name === 'a' && n.attribs.href) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
  return out;
}

function absolute(href: string, base: URL): URL | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

function kindOf(text: string, url: URL): ListLink['kind'] | null {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: the raw path is still worth a look
  }
  const words = `${text} ${path}`.toLowerCase();
  if (LIST_WORDS.some((w) => w.test(words))) return 'list';
  if (TRUST_WORDS.some((w) => w.test(words)) || TRUST_HOSTS.test(url.hostname)) return 'trust';
  if (/^trust\./.test(url.hostname) && url.pathname.length <= 1) return 'trust';
  return null;
}

/**
 * The links of `html` (a page at `pageUrl`) that lead to a subprocessor list, lists first, then
 * trust centres, each address once, the page itself left out. Empty for a page with none.
 */
export function listLinksIn(html: string, pageUrl: string): ListLink[] {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return [];
  }
  const here = new URL(base.href);
  here.hash = '';
  const seen = new Set<string>([here.href]);
  const found: ListLink[] = [];
  for (const a of anchors(html)) {
    const url = absolute(a.attribs.href ?? '', base);
    if (!url || seen.has(url.href)) continue;
    const text = cleanText(textOf(a, 300), 120);
    const kind = kindOf(text, url);
    if (!kind) continue;
    seen.add(url.href);
    found.push({ url: url.href, text: text || url.href, kind });
  }
  const rank = (link: ListLink) => (link.kind === 'list' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_LINKS);
}

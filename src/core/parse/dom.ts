// Reading an htmlparser2 tree: text as a reader sees it (line breaks kept), links, skipped parts.
import type { ChildNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

// Never content: code, forms and embedded documents.
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'iframe',
  'object',
  'svg',
  'head',
  'nav',
]);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'dt',
  'dd',
  'dl',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'address',
]);

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
}

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isSkipped(el: Element): boolean {
  return SKIP.has(el.name) || el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true';
}

// The site's frame around the content: its text may date the page ("Last updated" in a footer),
// but its headings and links ("Company", "About us") are never vendors.
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'dialog', 'alertdialog']);

export function isPageChrome(el: Element): boolean {
  return el.name === 'footer' || el.name === 'dialog' || CHROME_ROLES.has(el.attribs.role ?? '');
}

/** Text of a subtree with <br> and block ends as newlines; bounded so hostile pages stay cheap. */
export function textOf(node: ChildNode | Document, max = 20000): string {
  let out = '';
  const walk = (n: ChildNode | Document): void => {
    if (out.length > max) return;
    if (n.type === 'text') out += (n as { data: string }).data;
    else if ('children' in n) {
      if (n.type !== 'root' && isElement(n as ChildNode)) {
        const el = n as Element;
        if (isSkipped(el)) return;
        if (el.name === 'br') {
          out += '\n';
          return;
        }
        for (const c of el.children) walk(c);
        if (BLOCK.has(el.name)) out += '\n';
        return;
      }
      for (const c of (n as Document).children) walk(c);
    }
  };
  walk(node);
  return out.slice(0, max);
}

/** Elements below a node, in document order, not descending into skipped ones. */
export function* elements(node: Element | Document): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child) || isSkipped(child)) continue;
    yield child;
    yield* elements(child);
  }
}

export function links(node: Element): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  for (const el of elements(node)) {
    if (el.name === 'a' && el.attribs.href) out.push({ href: el.attribs.href, text: textOf(el).trim() });
  }
  return out;
}

// Reading an htmlparser2 tree: text as a reader sees it (line breaks kept), links, skipped parts.
import { type ChildNode, type Document, DomHandler, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

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
export const BLOCK = new Set([
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

// Real pages nest a few dozen elements deep. htmlparser2 keeps its open elements in an array it
// shifts and searches, so 100,000 unclosed <div>s cost seconds (quadratic), and deep trees would
// overflow our walks. Tags opened below this depth are dropped; their text stays in the deepest
// element kept.
export const MAX_DEPTH = 128;

class BoundedHandler extends DomHandler {
  get depth(): number {
    return this.tagStack.length - 1; // the root is on the stack too
  }
}

class BoundedParser extends Parser {
  constructor(private readonly tree: BoundedHandler) {
    super(tree, { decodeEntities: true, lowerCaseTags: true });
  }

  // Skipping the open-tag event leaves the tag name empty, which htmlparser2 treats as "no
  // element" (as it does for a second <form>): no attributes, no element, no stack entry.
  override onopentagname(start: number, endIndex: number): void {
    if (this.tree.depth >= MAX_DEPTH) {
      this.endIndex = endIndex;
      return;
    }
    super.onopentagname(start, endIndex);
  }
}

export function parseHtml(html: string): Document {
  const handler = new BoundedHandler();
  new BoundedParser(handler).end(html);
  return handler.root;
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

// Cookie and consent banners are often plain <div>s: their class or id names them.
const CHROME_NAMES = /(^|[\s_-])(cookies?|consent|gdpr-banner|cc-banner|onetrust)([\s_-]|$)/i;

export function isPageChrome(el: Element): boolean {
  return (
    el.name === 'footer' ||
    el.name === 'dialog' ||
    CHROME_ROLES.has(el.attribs.role ?? '') ||
    CHROME_NAMES.test(el.attribs.class ?? '') ||
    CHROME_NAMES.test(el.attribs.id ?? '')
  );
}

/**
 * Visits the content elements (no page chrome, no skipped parts, no tables) in document order, with
 * the text of the nearest heading before each. `visit` returns true to look inside the element too.
 */
export function walkContent(doc: Document, visit: (el: Element, heading: string) => boolean): void {
  let heading = '';
  const stack: ChildNode[] = [...doc.children].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (!isElement(n) || isSkipped(n) || isPageChrome(n) || n.name === 'table') continue;
    if (/^h[1-6]$/.test(n.name)) {
      heading = textOf(n, 300).replace(/\s+/g, ' ').trim();
      continue;
    }
    if (!visit(n, heading)) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
}

/** Text of a subtree with <br> and block ends as newlines; bounded so hostile pages stay cheap. */
export function textOf(node: ChildNode | Document, max = 20000): string {
  let out = '';
  const walk = (n: ChildNode | Document): void => {
    if (out.length > max) return;
    // Source line breaks are spaces, as a browser shows them; only <br> and blocks break lines.
    if (n.type === 'text') out += (n as { data: string }).data.replace(/[ \t\n\r\f]+/g, ' ');
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
export function elements(node: Element | Document): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...node.children].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (!isElement(n) || isSkipped(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
  }
  return out;
}

export function links(node: Element): { href: string; text: string }[] {
  const out: { href: string; text: string }[] = [];
  for (const el of elements(node)) {
    if (el.name === 'a' && el.attribs.href) out.push({ href: el.attribs.href, text: textOf(el).trim() });
  }
  return out;
}

// A trust-centre page (SafeBase, Vanta, Drata, Whistic, Conveyor) or a Notion page, fetched
// without a browser, is a JavaScript shell: an empty mount point and script bundles; the list is
// built in the browser. Told apart from an error page by that signature, so the user hears how
// to get the list instead of "no vendors found". Asked only when the readers found no vendors.
import type { ChildNode, Document, Element } from 'domhandler';
import { isElement, parseHtml, textOf } from './dom';

// Markers the platforms leave in the shell's markup or address (their hosts, asset paths, app
// roots), matched on lower-cased text.
const PLATFORMS: ReadonlyArray<[name: string, marker: RegExp]> = [
  ['SafeBase', /safebase\.(io|us)|safebase-/],
  ['Vanta', /trust\.vanta\.com|vanta-trust|vanta\.com\/trust|cdn\.vanta/],
  ['Drata', /trust\.drata\.com|drata\.com|drata-trust/],
  ['Whistic', /whistic\.com|whistic-profile/],
  ['Conveyor', /conveyor\.com|conveyor-trust|trust\.conveyor|aptible\.com\/trust/],
  ['Notion', /notion\.(so|site)|notion-app|notion-static/],
];

// Where single-page apps mount: <div id="root">, "__next", "app", "__nuxt", "svelte".
const MOUNT_IDS = /^(root|app|__next|__nuxt|svelte|notion-app|main-app|application)$/i;
// Less visible text than this is no list: a real one names a few vendors with their purposes.
const LITTLE_TEXT = 400;

export interface BrowserShell {
  /** The platform named by its markers, or null for an unnamed single-page app. */
  platform: string | null;
}

function platformOf(haystack: string): string | null {
  for (const [name, marker] of PLATFORMS) if (marker.test(haystack)) return name;
  return null;
}

/** Every element, scripts and head included (the readers' walk skips them), up to a bound. */
function everyElement(doc: Document): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...doc.children];
  for (let n = stack.pop(); n && out.length < 5000; n = stack.pop()) {
    if (!isElement(n)) continue;
    out.push(n);
    for (const child of n.children) stack.push(child);
  }
  return out;
}

function inlineLength(script: Element): number {
  return script.children.reduce((sum, c) => sum + (c.type === 'text' ? c.data.length : 0), 0);
}

/** The shell's signature: little text, script bundles, and a mount point or a platform marker. */
export function browserShell(html: string, url: string | null): BrowserShell | null {
  const doc: Document = parseHtml(html);
  const visible = textOf(doc, LITTLE_TEXT * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (visible.length >= LITTLE_TEXT) return null;
  const all = everyElement(doc);
  const scripts = all.filter((el) => el.name === 'script');
  const bundled = scripts.some((s) => s.attribs.src || inlineLength(s) > 2000);
  if (!bundled) return null;
  const platform = platformOf(`${url ?? ''} ${html.slice(0, 200_000)}`.toLowerCase());
  const mounted = all.some((el) => MOUNT_IDS.test(el.attribs.id ?? ''));
  const asksForScript = /enable javascript|requires javascript|javascript (is )?(required|disabled)/i.test(
    html,
  );
  return platform || mounted || asksForScript ? { platform } : null;
}

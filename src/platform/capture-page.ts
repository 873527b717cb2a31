// Reading the rendered page of a tab: scripting.executeScript returns the document's HTML as the
// user's browser built it (after its scripts, in the user's session). Possible only for a tab the
// user opened the popup on (activeTab) or an origin the user granted; browser pages, the stores and
// other protected pages refuse it. Nothing read here leaves the extension.
import { browser } from './browser';

/** The parser's own limit (core/parse MAX_INPUT_CHARS): a larger page is not read at all. */
export const MAX_CAPTURE_CHARS = 5_000_000;

export type PageCapture =
  | { kind: 'page'; url: string; html: string; title: string; siteName: string | null }
  | { kind: 'too-large'; url: string }
  /** The page refuses scripting (a browser page, a store, a PDF viewer) or the tab is gone. */
  | { kind: 'refused' };

export interface CaptureOptions {
  /** A page built by script renders its list after load: wait until the page has been quiet (no
   * changes to its DOM) for `quietMs`, at most `waitMs` in all. 0 (the default): read it as it is. */
  waitMs?: number;
  quietMs?: number;
}

interface Captured {
  url: string;
  html: string | null;
  title: string;
  siteName: string | null;
}

// Runs in the page (serialised by the browser, so self-contained). The cap applies before anything
// is sent back: a huge page costs the page a string, not the extension a copy.
async function readDocument(max: number, waitMs: number, quietMs: number): Promise<Captured> {
  if (waitMs > 0) {
    await new Promise<void>((resolve) => {
      const end = Date.now() + waitMs;
      let last = Date.now();
      const observer = new MutationObserver(() => {
        last = Date.now();
      });
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      const check = () => {
        const now = Date.now();
        if ((document.readyState === 'complete' && now - last >= quietMs) || now >= end) {
          observer.disconnect();
          resolve();
        } else setTimeout(check, 100);
      };
      check();
    });
  }
  const html = document.documentElement.outerHTML;
  const meta = (selector: string) =>
    document.querySelector<HTMLMetaElement>(selector)?.content?.slice(0, 200) ?? null;
  return {
    url: location.href,
    html: html.length > max ? null : html,
    title: document.title.slice(0, 500),
    siteName: meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]'),
  };
}

/** The rendered page of tab `tabId` (its top frame). Never throws. */
export async function capturePage(tabId: number, options: CaptureOptions = {}): Promise<PageCapture> {
  const waitMs = Math.max(0, Math.min(options.waitMs ?? 0, 30_000));
  const quietMs = Math.max(0, options.quietMs ?? 500);
  try {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: readDocument,
      args: [MAX_CAPTURE_CHARS, waitMs, quietMs],
    });
    const value = first?.result as Captured | undefined;
    if (!value || typeof value.url !== 'string') return { kind: 'refused' };
    if (typeof value.html !== 'string') return { kind: 'too-large', url: value.url };
    return {
      kind: 'page',
      url: value.url,
      html: value.html,
      title: typeof value.title === 'string' ? value.title : '',
      siteName: typeof value.siteName === 'string' ? value.siteName : null,
    };
  } catch {
    return { kind: 'refused' };
  }
}

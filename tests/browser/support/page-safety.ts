// What a hostile list must never achieve in an extension page (Chromium or Firefox), read from the live DOM: script that
// ran (a marker global), elements or attributes that list data could only have made by being parsed as
// markup, links that are not http(s), text that reaches past the page's width. Dialogs and uncaught
// errors are caught as they happen by watchPage.
import type { BrowserContext, Page } from 'playwright-core';

export interface PageSafety {
  /** The marker a payload sets when it runs (undefined when none ran). */
  marker: unknown;
  /** href values that are neither http(s) nor the extension's own pages. */
  badHrefs: string[];
  /** Elements the pages never make themselves (script, img, iframe, svg ...), by tag. */
  injected: string[];
  /** Event-handler attributes (Preact sets handlers as properties, so any is injected). */
  handlerAttributes: string[];
  /** Attribute values carrying a script URL, or a beacon address anywhere but a link's http(s) href. */
  riskyAttributes: string[];
  /** How far the page scrolls sideways (0 when it fits). */
  pageOverflow: number;
  /** Text that reaches past the viewport's left or right edge, with the amount. */
  textOverflow: string[];
  /** Cards and results wider than the viewport. */
  boxOverflow: string[];
  /** Bidirectional embedding/override marks (U+202A-202E) and C0/C1 controls in the page's text. */
  unsafeCharacters: number;
}

const INJECTABLE =
  'script, iframe, frame, frameset, img, image, svg, math, object, embed, style, link, meta, base, video, audio, source, template, noscript, input[type="image"], marquee';

/** How many vendors the options page says the source titled `title` holds (or the first source). */
export async function vendorCountShown(page: Page, title?: string): Promise<string | null> {
  const source = title
    ? page.locator('.source').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
    : page.locator('.source').first();
  return source
    .locator('dt', { hasText: /^Vendors$/ })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
}

/** The arguments of readPageSafety: the marker, the beacon's host, and what counts as injected. */
export function pageSafetyArgs(marker: string, beaconHost: string): readonly [string, string, string] {
  return [marker, beaconHost, INJECTABLE] as const;
}

/**
 * Runs in the page (self-contained, for Playwright's evaluate and BiDi's script.evaluate alike):
 * the page's state. The page's own links are those of its origin (chrome- or moz-extension://).
 */
export function readPageSafety([marker, beaconHost, injectable]: readonly [
  string,
  string,
  string,
]): PageSafety {
  const width = document.documentElement.clientWidth;
  const own = `${location.origin}/`;
  const all = [...document.querySelectorAll('*')];
  // The page's own stylesheets and script are in the head, by relative URL; list data is in the body.
  const hrefs = all
    .filter((e) => e.hasAttribute('href'))
    .map((e) => {
      const href = e.getAttribute('href') ?? '';
      return document.head.contains(e) ? new URL(href, location.href).href : href;
    });
  const attributes = all.flatMap((e) => [...e.attributes].map((a) => ({ tag: e.tagName, a })));
  const risky = new RegExp(`javascript:|vbscript:|data:|${beaconHost.replace('.', '\\.')}`, 'i');
  // Text nodes outside the visually-hidden helpers (1 px boxes that clip on purpose).
  const textOverflow: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0) continue;
      const over = Math.max(rect.right - width, -rect.left);
      if (over > 1) textOverflow.push(`${Math.round(over)} px: ${node.textContent.slice(0, 60)}`);
    }
  }
  const boxOverflow = [...document.querySelectorAll('.card, .result, .source, .panel, .empty, .note')]
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.right > width + 1 || r.left < -1)
    .map(({ e, r }) => `${e.className}: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/g;
  return {
    marker: (window as unknown as Record<string, unknown>)[marker],
    badHrefs: hrefs.filter((h) => !/^https?:\/\//i.test(h) && !h.startsWith(own)),
    injected: [...document.querySelectorAll(injectable)]
      .filter((e) => document.body.contains(e))
      .map((e) => e.tagName.toLowerCase()),
    handlerAttributes: attributes
      .filter(({ a }) => a.name.toLowerCase().startsWith('on'))
      .map(({ tag, a }) => `${tag} ${a.name}`),
    // A link to the beacon is only a link (it loads nothing unless followed); a source is not.
    riskyAttributes: attributes
      .filter(
        ({ tag, a }) =>
          risky.test(a.value) && !(tag === 'A' && a.name === 'href' && /^https?:/i.test(a.value)),
      )
      .map(({ tag, a }) => `${tag} ${a.name}=${a.value.slice(0, 80)}`),
    pageOverflow: document.documentElement.scrollWidth - width,
    textOverflow,
    boxOverflow,
    unsafeCharacters: (document.body.textContent ?? '').match(unsafe)?.length ?? 0,
  };
}

/** Reads the page's state; run after every view a test shows. */
export function pageSafety(page: Page, marker: string, beaconHost: string): Promise<PageSafety> {
  return page.evaluate(readPageSafety, pageSafetyArgs(marker, beaconHost));
}

/** The state a safe page has; compare with toEqual for a readable failure. */
export function safeState(unsafeCharacters = 0): PageSafety {
  return {
    marker: undefined,
    badHrefs: [],
    injected: [],
    handlerAttributes: [],
    riskyAttributes: [],
    pageOverflow: 0,
    textOverflow: [],
    boxOverflow: [],
    unsafeCharacters,
  };
}

export interface Watch {
  /** Messages of dialogs any page opened (each dismissed at once). */
  dialogs: string[];
  /** Uncaught errors in any page of ours. */
  pageErrors: string[];
  /** Console errors in extension pages (a CSP report would land here; printed, not failed on). */
  consoleErrors: string[];
  /** Pages that opened without the test asking (window.open, target=_blank followed by a payload). */
  unexpectedPages: string[];
  /** Tell the watch that the test itself is opening a page. */
  expectPage(): void;
}

/** Watches every page of the context for dialogs, uncaught errors and pages nobody asked for. */
export function watchContext(context: BrowserContext): Watch {
  const watch: Watch = {
    dialogs: [],
    pageErrors: [],
    consoleErrors: [],
    unexpectedPages: [],
    expectPage: () => {
      expected++;
    },
  };
  let expected = 0;
  const follow = (page: Page) => {
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => watch.pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // Only the extension's pages: the test sites' missing favicons are not ours to report.
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://'))
        watch.consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
  };
  for (const page of context.pages()) follow(page);
  context.on('page', (page) => {
    follow(page);
    if (expected > 0) expected--;
    else watch.unexpectedPages.push(page.url());
  });
  return watch;
}

// A visit to a page followed from the popup re-reads its rendered list in the background, when the
// user granted the page's origin in the Follow click (else the popup re-reads it when opened there).
// The navigation path itself reads a few bytes (the followed addresses) and stops for any other page.
import { sourceUrl } from '../core/normalize/url';
import { capturePage } from '../platform/capture-page';
import { hasOrigin } from '../platform/permissions';
import { readFollowedPages } from '../platform/store';
import type { TabInfo } from '../platform/tabs';
import { currentSources } from './command-support';
import { parser } from './parser';
import { applyCapture } from './refresh-runner';

/** A page built by script renders its list after load: it is read again until it holds one. */
export const REVISIT_WAIT_MS = 10_000;
const QUIET_MS = 500;
const AGAIN_MS = 1_000;

const reading = new Set<number>();

export async function revisitFollowed(tab: TabInfo, now: () => number = Date.now): Promise<void> {
  const url = tab.url ? sourceUrl(tab.url) : null;
  if (!url || reading.has(tab.id) || !(await readFollowedPages()).includes(url)) return;
  if (!(await hasOrigin(url))) return;
  reading.add(tab.id);
  try {
    const end = now() + REVISIT_WAIT_MS;
    for (;;) {
      const left = end - now();
      const capture = await capturePage(tab.id, { waitMs: Math.max(left, 0), quietMs: QUIET_MS });
      // Gone, refused, or navigated elsewhere meanwhile: nothing to read.
      if (capture.kind !== 'page' || sourceUrl(capture.url) !== url) return;
      if ((await parser.parse(capture.html, { url, contentType: 'text/html' })).ok) {
        const source = (await currentSources()).find((s) => s.url === url && s.capturedAt !== null);
        if (source) await applyCapture(source.id, capture.html, { trigger: 'visit' });
        return;
      }
      if (now() + AGAIN_MS >= end) return;
      await new Promise((resolve) => setTimeout(resolve, AGAIN_MS));
    }
  } finally {
    reading.delete(tab.id);
  }
}

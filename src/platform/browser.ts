// The extension API, native: Firefox and Chrome 148+ both expose the promise-based `browser`
// namespace (https://developer.chrome.com/docs/extensions/develop/concepts/browser-namespace),
// so no polyfill is bundled. Before 148, Chrome's `chrome` is the same API and, in MV3, returns
// promises too; the one difference we rely on, a promise returned from runtime.onMessage, is avoided
// (serve-requests.ts answers through sendResponse). Types come from @types/webextension-polyfill.
import type { Browser } from 'webextension-polyfill';

const scope = globalThis as { browser?: Browser; chrome?: Browser };

export const browser = (scope.browser ?? scope.chrome) as Browser;

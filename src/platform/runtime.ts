// The extension itself: its pages, its URLs and its lifecycle events.
import { browser } from './browser';

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** The absolute URL of a file in the extension ("data/dovetail.json" -> chrome-extension://id/data/...). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** Install, update and browser start: the moments when tabs already open need their badges. The
 * callback learns which ('install', 'update', ... as runtime.onInstalled says it, or 'startup'). */
export function onExtensionStart(callback: (reason: string) => void): void {
  browser.runtime.onInstalled.addListener((details) => callback(details.reason));
  browser.runtime.onStartup.addListener(() => callback('startup'));
}

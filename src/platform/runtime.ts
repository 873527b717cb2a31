// The extension itself: its pages, its URLs and its lifecycle events.
import browser from 'webextension-polyfill';

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** The absolute URL of a file in the extension ("data/dovetail.json" -> chrome-extension://id/data/...). */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** Install, update and browser start: the moments when tabs already open need their badges. */
export function onExtensionStart(callback: () => void): void {
  browser.runtime.onInstalled.addListener(() => callback());
  browser.runtime.onStartup.addListener(() => callback());
}

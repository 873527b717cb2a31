// Tabs: which one is active, what a tab shows, and when its address changes.
import type { Tabs } from 'webextension-polyfill';
import { browser } from './browser';

export interface TabInfo {
  id: number;
  /** Null for tabs whose address the extension may not read (or that have none yet). */
  url: string | null;
}

function info(tab: Tabs.Tab): TabInfo | null {
  return tab.id === undefined || tab.id === browser.tabs.TAB_ID_NONE
    ? null
    : { id: tab.id, url: tab.url ?? null };
}

/** The active tab of the current window (from a popup: the window the popup belongs to). */
export async function activeTab(): Promise<TabInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab ? info(tab) : null;
}

/** A tab by id; null when it is gone. */
export async function getTab(id: number): Promise<TabInfo | null> {
  try {
    return info(await browser.tabs.get(id));
  } catch {
    return null;
  }
}

export async function allTabs(): Promise<TabInfo[]> {
  return (await browser.tabs.query({})).flatMap((tab) => info(tab) ?? []);
}

/**
 * Calls back when a tab's address may have changed: a new URL (full loads, and single-page apps'
 * history.pushState, which update the URL without loading) and the end of a load. The second matters
 * because browsers reset tab-specific badges while a page loads, so the badge is set again at the end.
 */
export function onTabAddress(callback: (tab: TabInfo) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'complete') return;
    callback({ id: tabId, url: change.url ?? tab.url ?? null });
  });
}

/** Calls back when a tab has finished loading a page (not for single-page-app navigations). */
export function onTabLoaded(callback: (tab: TabInfo) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete') callback({ id: tabId, url: tab.url ?? null });
  });
}

// Sets or clears the badge of one tab, or of every tab, from its address. The hot path of navigation:
// one look-up per host suffix in a prebuilt index, no parsing and no network.
import { hostOfInput, match } from '../core/match';
import { clearBadge, showBadge } from '../platform/badge';
import { allTabs, type TabInfo } from '../platform/tabs';
import { badgeLook } from './badge-look';
import { currentIndex, currentSettings } from './current-state';

export async function updateTab(tab: TabInfo): Promise<void> {
  // Two quick navigations of a tab await the same promises, which settle in order: the later wins.
  const [index, settings] = await Promise.all([currentIndex(), currentSettings()]);
  const host = tab.url && /^https?:\/\//i.test(tab.url) ? hostOfInput(tab.url) : null;
  const look = settings.badge && host ? badgeLook(match(index, host), host) : null;
  await (look ? showBadge(tab.id, look) : clearBadge(tab.id));
}

export async function updateAllTabs(): Promise<void> {
  await Promise.all((await allTabs()).map(updateTab));
}

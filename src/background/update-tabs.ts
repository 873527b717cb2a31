// Sets or clears the badge of one tab, or of every tab, from its address. The hot path of navigation:
// the host's shard of the read views (current-state.ts), one look-up per host suffix, no parsing and
// no network.
import { NO_MATCH, siteHostOf } from '../core/match';
import { clearBadge, showBadge } from '../platform/badge';
import { allTabs, type TabInfo } from '../platform/tabs';
import { badgeFace, badgeTitle } from './badge-look';
import { currentSettings, siteOf } from './current-state';

// Each tab's latest update: reads for two quick navigations of a tab may finish in either order (their
// hosts can be in different shards), and only the later may set the badge.
const latest = new Map<number, number>();
let updates = 0;

export async function updateTab(tab: TabInfo): Promise<void> {
  const mine = ++updates;
  latest.set(tab.id, mine);
  const host = siteHostOf(tab.url);
  // Settings and site are read together (a woken worker has neither); a badge turned off wastes the
  // site read, which is a few KB.
  const [settings, found] = await Promise.all([
    currentSettings(),
    host ? siteOf(host) : Promise.resolve(NO_MATCH),
  ]);
  if (latest.get(tab.id) !== mine) return;
  latest.delete(tab.id);
  const face = settings.badge && host ? badgeFace(found) : null;
  if (!face || !host) return clearBadge(tab.id);
  await showBadge(tab.id, face, () => badgeTitle(found, host));
}

export async function updateAllTabs(): Promise<void> {
  await Promise.all((await allTabs()).map(updateTab));
}

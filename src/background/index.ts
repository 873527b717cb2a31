// The service worker (Chrome) and background script (Firefox): browser events in, badges out, and
// the lists kept current. Every listener is registered synchronously at the top level, so an event
// that wakes a stopped worker (a tab change, an alarm, a message from the options page) reaches it.
import { onAlarm } from '../platform/alarms';
import { onManagedPolicyChanged } from '../platform/managed-policy';
import { onSourceNotificationClicked } from '../platform/notifications';
import { onExtensionStart, openOptionsPage } from '../platform/runtime';
import { serveRequests } from '../platform/serve-requests';
import { onSettingsChanged, onStoreChanged } from '../platform/store';
import { onTabAddress, onTabLoaded } from '../platform/tabs';
import { applyPolicy } from './apply-policy';
import { handlers } from './commands';
import { distrustViews, forgetViews, requestRebuild, useSettings } from './current-state';
import { onRefreshAlarm } from './refresh-alarm';
import { rejudgeStoredLists } from './rejudge-lists';
import { revisitFollowed } from './revisit-page';
import { planAlarms } from './schedule';
import { updateAllTabs, updateTab } from './update-tabs';

function report(error: unknown): void {
  console.error('Subprocessor Lens:', error);
}

onTabAddress((tab) => {
  updateTab(tab).catch(report);
});

// A followed page's visit keeps its list current (revisit-page.ts); any other page costs one small read.
onTabLoaded((tab) => {
  revisitFollowed(tab).catch(report);
});

// Tabs open before install, update or browser start have no badge yet; alarms may have been cleared.
// An install or update also rebuilds the read views: the bundled list may have changed with it.
onExtensionStart((reason) => {
  if (reason !== 'startup') requestRebuild(true);
  if (reason === 'update') rejudgeStoredLists().catch(report);
  updateAllTabs().catch(report);
  planAlarms().catch(report);
});

onStoreChanged((change) => {
  if (change === 'rebuilt') {
    forgetViews(); // the same register, newly laid out: badges stand
    return;
  }
  if (change === 'written') forgetViews(true);
  else {
    // The record was written without its views (not by the store code): rebuild them.
    distrustViews();
    requestRebuild(true);
  }
  updateAllTabs().catch(report);
});

onSettingsChanged((settings) => {
  useSettings(settings);
  updateAllTabs().catch(report);
  planAlarms().catch(report);
});

onAlarm((name) => {
  onRefreshAlarm(name).catch(report);
});

serveRequests(handlers);

// An organisation's policy: applied at every start (a policy may have arrived while the worker
// slept) and whenever the browser reloads it. Badges never wait for it (storage.managed can take
// seconds to answer at browser start).
applyPolicy().catch(report);
onManagedPolicyChanged(() => {
  applyPolicy().catch(report);
});

onSourceNotificationClicked(() => {
  openOptionsPage().catch(report);
});

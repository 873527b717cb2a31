// The service worker (Chrome) and background script (Firefox): browser events in, badges out.
// Every listener is registered synchronously at the top level, so an event that wakes a stopped
// worker reaches it.
import { onListChanged } from '../platform/list-store';
import { onExtensionStart } from '../platform/runtime';
import { onSettingsChanged } from '../platform/settings';
import { onTabAddress } from '../platform/tabs';
import { useList, useSettings } from './current-state';
import { updateAllTabs, updateTab } from './update-tabs';

function report(error: unknown): void {
  console.error('Subprocessor Lens:', error);
}

onTabAddress((tab) => {
  updateTab(tab).catch(report);
});

// Tabs open before install, update or browser start have no badge yet.
onExtensionStart(() => {
  updateAllTabs().catch(report);
});

onListChanged((loaded) => {
  useList(loaded);
  updateAllTabs().catch(report);
});

onSettingsChanged((settings) => {
  useSettings(settings);
  updateAllTabs().catch(report);
});

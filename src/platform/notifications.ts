// Browser notifications about the lists ("Dovetail added 1 subprocessor: Rev.ai"). One notification
// per source at a time: a newer one about the same source replaces the older.
import { browser } from './browser';

const PREFIX = 'lens-source:';

export async function notifySource(sourceId: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(`${PREFIX}${sourceId}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
}

export async function clearSourceNotification(sourceId: string): Promise<void> {
  await browser.notifications.clear(`${PREFIX}${sourceId}`).catch(() => false);
}

/** Calls back with the source's id when the user clicks one of our notifications. */
export function onSourceNotificationClicked(callback: (sourceId: string) => void): void {
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(PREFIX)) callback(id.slice(PREFIX.length));
  });
}

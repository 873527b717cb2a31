// A tab's badge (text and colours) and its toolbar button title; nothing else touches the action.
import { browser } from './browser';
import { t } from './i18n';

export interface BadgeLook {
  text: string;
  /** CSS colours: the badge's background and its text. */
  color: string;
  textColor: string;
  title: string;
}

// A tab can close between its event and our call; that is not an error worth reporting.
function ignoreClosedTab(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!/tab/i.test(message)) console.error(`Subprocessor Lens: badge update failed: ${message}`);
}

export async function showBadge(tabId: number, look: BadgeLook): Promise<void> {
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
    browser.action.setBadgeTextColor({ tabId, color: look.textColor }),
    browser.action.setBadgeText({ tabId, text: look.text }),
    browser.action.setTitle({ tabId, title: look.title }),
  ]).catch(ignoreClosedTab);
}

/** Back to the plain button: no badge, the default title. */
export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    // Chrome takes no null title, so the default is set explicitly rather than inherited.
    browser.action.setTitle({ tabId, title: t('actionTitle') }),
  ]).catch(ignoreClosedTab);
}

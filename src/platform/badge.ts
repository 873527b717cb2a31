// A tab's badge (text and colours) and its toolbar button title; nothing else touches the action.
import { browser } from './browser';
import { t } from './i18n';

/** What the badge shows. */
export interface BadgeFace {
  text: string;
  /** CSS colours: the badge's background and its text. */
  color: string;
  textColor: string;
}

/** The badge and the button's title. */
export interface BadgeLook extends BadgeFace {
  title: string;
}

// A tab can close between its event and our call; that is not an error worth reporting.
function ignoreClosedTab(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!/tab/i.test(message)) console.error(`Subprocessor Lens: badge update failed: ${message}`);
}

/** The badge, then the title: `title` is made once the badge's calls are sent, since it can take
 * longer to make (background/badge-look.ts badgeTitle). */
export async function showBadge(tabId: number, face: BadgeFace, title: () => string): Promise<void> {
  const shown = Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: face.color }),
    browser.action.setBadgeTextColor({ tabId, color: face.textColor }),
    browser.action.setBadgeText({ tabId, text: face.text }),
  ]);
  await Promise.all([shown, browser.action.setTitle({ tabId, title: title() })]).catch(ignoreClosedTab);
}

/** Back to the plain button: no badge, the default title. */
export async function clearBadge(tabId: number): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    // Chrome takes no null title, so the default is set explicitly rather than inherited.
    browser.action.setTitle({ tabId, title: t('actionTitle') }),
  ]).catch(ignoreClosedTab);
}

// An in-memory stand-in for the parts of the WebExtension API that src/platform uses, for unit tests
// in Node (src/platform/browser.ts finds no extension API outside one). Storage behaves like the real one:
// values are copied in and out as JSON, and onChanged fires after each write with old and new values.
// i18n answers from the real assets/_locales/en/messages.json, placeholders and all.
//
// Use: see fakeBrowser at the end; call fakeBrowser.reset() in beforeEach.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8'),
) as Record<string, Message>;

/** chrome.i18n.getMessage's rules: $NAME$ -> the placeholder's content, then $1..$9 -> substitutions. */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** What an item costs against the quota, as Chrome counts it: the key plus its value as JSON. */
function itemBytes(key: string, value: unknown): number {
  return Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value) ?? '');
}

type MessageListener = (
  message: unknown,
  sender: { id: string },
  sendResponse: (reply: unknown) => void,
) => unknown;

function createArea(name: string, listeners: Set<Listener>, defaultQuota = Number.POSITIVE_INFINITY) {
  let data = new Map<string, unknown>();
  const area = {
    failing: null as Error | null,
    /** Bytes the area holds at most; a set() past it fails as Chrome's does, changing nothing. */
    quotaBytes: defaultQuota,
    /** Test access: the bytes in use, as Chrome's getBytesInUse() counts them. */
    bytesInUse: () => [...data].reduce((sum, [key, value]) => sum + itemBytes(key, value), 0),
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      if (area.failing) throw area.failing;
      const wanted =
        keys === undefined || keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      if (area.failing) throw area.failing;
      const after = new Map([...data, ...Object.entries(items)]);
      const bytes = [...after].reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
      if (bytes > area.quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: copy(data.get(key)), newValue: copy(value) };
        data.set(key, copy(value));
      }
      for (const listener of listeners) listener(changes, name);
    },
    async remove(keys: string | string[]): Promise<void> {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (data.has(key)) changes[key] = { oldValue: copy(data.get(key)) };
        data.delete(key);
      }
      for (const listener of listeners) listener(changes, name);
    },
    /** Test access: what is stored, without copying. */
    peek: (key: string) => data.get(key),
    clear() {
      data = new Map();
      area.failing = null;
      area.quotaBytes = defaultQuota;
    },
  };
  return area;
}

/** An event with addListener/removeListener, and emit() for the test to fire it. */
function createEvent<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    addListener: (l: (...args: A) => void) => listeners.add(l),
    removeListener: (l: (...args: A) => void) => listeners.delete(l),
    hasListener: (l: (...args: A) => void) => listeners.has(l),
    emit: (...args: A) => {
      for (const l of listeners) l(...args);
    },
    clear: () => listeners.clear(),
  };
}

/** What a tab's page gives a script run in it (scripting.executeScript). */
export interface FakePage {
  html: string;
  title?: string;
  siteName?: string | null;
}

export interface FakeTab {
  id: number;
  url?: string;
  active?: boolean;
}

/** Per-tab action state as the browser keeps it; `undefined` fields were never set for the tab. */
export interface FakeActionState {
  text?: string;
  title?: string;
  color?: string;
  textColor?: string;
}

export interface FakeAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../manifest.json'), 'utf8')) as {
  permissions?: string[];
  host_permissions?: string[];
};
// storage.local holds 10 MB (chrome.storage.local.QUOTA_BYTES) unless the manifest asks for more.
const LOCAL_QUOTA = manifest.permissions?.includes('unlimitedStorage')
  ? Number.POSITIVE_INFINITY
  : 10_485_760;

export function createFakeBrowser() {
  const storageListeners = new Set<Listener>();
  const alarms = new Map<string, FakeAlarm>();
  const notifications = new Map<string, { title: string; message: string; iconUrl?: string }>();
  const granted = new Set<string>(manifest.host_permissions ?? []);
  const messageListeners = new Set<MessageListener>();
  const files = new Map<string, unknown>();
  let tabs: FakeTab[] = [];
  // Each tab's rendered page; a function is asked at every read (a page whose script changes it).
  const pages = new Map<number, FakePage | (() => FakePage)>();
  const action = new Map<number, FakeActionState>();
  const setAction = (details: { tabId?: number }, patch: FakeActionState) => {
    if (details.tabId === undefined) throw new Error('the fake only models tab-specific action state');
    if (!tabs.some((t) => t.id === details.tabId)) throw new Error(`No tab with id: ${details.tabId}.`);
    action.set(details.tabId, { ...action.get(details.tabId), ...patch });
  };
  const fake = {
    storage: {
      local: createArea('local', storageListeners, LOCAL_QUOTA),
      sync: createArea('sync', storageListeners) as ReturnType<typeof createArea> | undefined,
      session: createArea('session', storageListeners),
      /** The organisation's policy: the test sets it as an administrator would (the browser then
       * fires onChanged for area 'managed'); `failing` stands for Firefox without a managed manifest. */
      managed: createArea('managed', storageListeners),
      onChanged: {
        addListener: (l: Listener) => storageListeners.add(l),
        removeListener: (l: Listener) => storageListeners.delete(l),
        hasListener: (l: Listener) => storageListeners.has(l),
      },
    },
    i18n: { getMessage },
    runtime: {
      id: 'fake-extension-id',
      getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
      onInstalled: createEvent<[{ reason: string }]>(),
      onStartup: createEvent<[]>(),
      getManifest: () => copy(manifest),
      openOptionsPage: async () => {
        fake.optionsOpened++;
      },
      onMessage: {
        addListener: (l: MessageListener) => messageListeners.add(l),
        removeListener: (l: MessageListener) => messageListeners.delete(l),
      },
      /** Like the browser: the first listener that answers gives the reply, as JSON; it answers by
       * returning a promise, or by returning true and calling sendResponse later. */
      async sendMessage(message: unknown): Promise<unknown> {
        for (const listener of messageListeners) {
          let respond: (reply: unknown) => void = () => undefined;
          const sent = new Promise((resolve) => {
            respond = resolve;
          });
          const answer = listener(copy(message), { id: 'fake-extension-id' }, (reply) => respond(reply));
          if (answer === true) return copy(await sent);
          if (answer !== undefined && answer !== false) return copy(await answer);
        }
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    alarms: {
      async create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) {
        const scheduledTime = info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000;
        alarms.set(name, {
          name,
          scheduledTime,
          ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}),
        });
      },
      get: async (name: string): Promise<FakeAlarm | undefined> => copy(alarms.get(name)),
      getAll: async (): Promise<FakeAlarm[]> => copy([...alarms.values()]),
      clear: async (name: string) => alarms.delete(name),
      onAlarm: createEvent<[FakeAlarm]>(),
    },
    notifications: {
      async create(id: string, options: { title: string; message: string; iconUrl?: string }) {
        notifications.set(id, copy(options));
        return id;
      },
      clear: async (id: string) => notifications.delete(id),
      getAll: async () => Object.fromEntries(copy([...notifications])),
      onClicked: createEvent<[string]>(),
    },
    permissions: {
      contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)),
      /** What the user answers to the next prompts (test access). */
      answer: true,
      async request({ origins = [] }: { origins?: string[] }) {
        if (!fake.permissions.answer) return false;
        for (const o of origins) granted.add(o);
        return true;
      },
      async remove({ origins = [] }: { origins?: string[] }) {
        for (const o of origins) granted.delete(o);
        return true;
      },
    },
    /** Test access: how often the options page was opened; the alarms, notifications, granted origins. */
    optionsOpened: 0,
    alarmList: () => [...alarms.values()],
    notificationList: () => [...notifications.entries()].map(([id, n]) => ({ id, ...n })),
    grantedOrigins: () => [...granted],
    /** Fires an alarm as the browser would (a periodic one moves on by its period). */
    fireAlarm(name: string) {
      const alarm = alarms.get(name);
      if (!alarm) throw new Error(`no alarm ${name}`);
      if (alarm.periodInMinutes)
        alarms.set(name, { ...alarm, scheduledTime: alarm.scheduledTime + alarm.periodInMinutes * 60_000 });
      else alarms.delete(name);
      fake.alarms.onAlarm.emit(copy(alarm));
    },
    tabs: {
      TAB_ID_NONE: -1,
      async query(filter: { active?: boolean }): Promise<FakeTab[]> {
        return copy(tabs.filter((t) => filter.active === undefined || Boolean(t.active) === filter.active));
      },
      async get(id: number): Promise<FakeTab> {
        const tab = tabs.find((t) => t.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        return copy(tab);
      },
      onUpdated: createEvent<[number, { url?: string; status?: string }, FakeTab]>(),
    },
    scripting: {
      /** Runs readDocument-like captures: the page's HTML (null past the cap given as the first
       * argument), title and site name. A tab without a page refuses, as browser pages do. */
      async executeScript(details: { target: { tabId: number }; args?: unknown[] }) {
        const tab = tabs.find((t) => t.id === details.target.tabId);
        const entry = pages.get(details.target.tabId);
        if (!tab || !entry) throw new Error('Cannot access contents of the page.');
        const page = typeof entry === 'function' ? entry() : entry;
        const max = Number(details.args?.[0] ?? Number.POSITIVE_INFINITY);
        const result = {
          url: tab.url ?? '',
          html: page.html.length > max ? null : page.html,
          title: page.title ?? '',
          siteName: page.siteName ?? null,
        };
        return [{ frameId: 0, result }];
      },
    },
    /** Test access: what the page in a tab renders (or stop serving it with null). */
    setPage(tabId: number, page: FakePage | (() => FakePage) | null) {
      if (page) pages.set(tabId, page);
      else pages.delete(tabId);
    },
    action: {
      setBadgeText: async (d: { tabId?: number; text: string }) => setAction(d, { text: d.text }),
      setTitle: async (d: { tabId?: number; title: string }) => setAction(d, { title: d.title }),
      setBadgeBackgroundColor: async (d: { tabId?: number; color: string }) =>
        setAction(d, { color: d.color }),
      setBadgeTextColor: async (d: { tabId?: number; color: string }) => setAction(d, { textColor: d.color }),
    },
    /** Test access: the tabs that exist, and each tab's action state. */
    setTabs(next: FakeTab[]) {
      tabs = copy(next);
      for (const id of action.keys()) if (!tabs.some((t) => t.id === id)) action.delete(id);
    },
    /** Navigates a tab like the browser: the URL changes, then the load completes. */
    navigate(id: number, url: string) {
      const tab = tabs.find((t) => t.id === id);
      if (!tab) throw new Error(`no fake tab ${id}`);
      tab.url = url;
      fake.tabs.onUpdated.emit(id, { url, status: 'loading' }, copy(tab));
      fake.tabs.onUpdated.emit(id, { status: 'complete' }, copy(tab));
    },
    actionOf: (id: number): FakeActionState => ({ ...action.get(id) }),
    /** Files the extension ships, served to fetch() by fakeBrowser.fetch. */
    files,
    reset() {
      tabs = [];
      pages.clear();
      action.clear();
      fake.tabs.onUpdated.clear();
      fake.runtime.onInstalled.clear();
      fake.runtime.onStartup.clear();
      fake.storage.local.clear();
      fake.storage.sync?.clear();
      fake.storage.session.clear();
      fake.storage.managed.clear();
      storageListeners.clear();
      files.clear();
      alarms.clear();
      notifications.clear();
      granted.clear();
      for (const origin of manifest.host_permissions ?? []) granted.add(origin);
      messageListeners.clear();
      fake.alarms.onAlarm.clear();
      fake.notifications.onClicked.clear();
      fake.permissions.answer = true;
      fake.optionsOpened = 0;
    },
    /** A fetch that answers chrome-extension:// URLs from `files` (JSON bodies) and 404s the rest. */
    fetch: async (input: string | URL | Request): Promise<Response> => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const path = url.replace('chrome-extension://fake-extension-id/', '');
      return files.has(path)
        ? new Response(JSON.stringify(files.get(path)), { headers: { 'content-type': 'application/json' } })
        : new Response('not found', { status: 404 });
    },
  };
  return fake;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** Lets pending storage listeners and their promise chains run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One shared fake per test file: vi.mock('<relative>/src/platform/browser', async () => ({ browser:
 * (await import('../support/fake-browser')).fakeBrowser })) and import the same object in the test. */
export const fakeBrowser = createFakeBrowser();

// An in-memory stand-in for the parts of the WebExtension API that src/platform uses, for unit tests
// in Node (webextension-polyfill throws outside an extension). Storage behaves like the real one:
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

function createArea(name: string, listeners: Set<Listener>) {
  let data = new Map<string, unknown>();
  const area = {
    failing: null as Error | null,
    async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      if (area.failing) throw area.failing;
      const wanted =
        keys === undefined || keys === null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, copy(data.get(k))]));
    },
    async set(items: Record<string, unknown>): Promise<void> {
      if (area.failing) throw area.failing;
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
    },
  };
  return area;
}

export function createFakeBrowser() {
  const storageListeners = new Set<Listener>();
  const files = new Map<string, unknown>();
  const fake = {
    storage: {
      local: createArea('local', storageListeners),
      sync: createArea('sync', storageListeners) as ReturnType<typeof createArea> | undefined,
      session: createArea('session', storageListeners),
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
    },
    /** Files the extension ships, served to fetch() by serveExtensionFiles(). */
    files,
    reset() {
      fake.storage.local.clear();
      fake.storage.sync?.clear();
      fake.storage.session.clear();
      storageListeners.clear();
      files.clear();
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

/** One shared fake per test file: vi.mock('webextension-polyfill', async () => ({ default:
 * (await import('../support/fake-browser')).fakeBrowser })) and import the same object in the test. */
export const fakeBrowser = createFakeBrowser();

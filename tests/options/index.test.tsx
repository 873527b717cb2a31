// The options entry point wired to mocked platform modules: settings saved and shown again after a
// reload, the sources and history read from storage, the commands bound to the platform's, and a
// change in storage (a refresh in the background) shown at once.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../src/core/register/history-schema';
import type { Progress } from '../../src/platform/progress';
import type { SourceSummary } from '../../src/platform/source-types';
import type { Settings } from '../../src/platform/store/settings';
import { entryFor, reply, seedWith, sourceView } from '../support/options';
import { TODAY } from '../support/test-date';
import { seedList, t } from '../support/ui';

const store = vi.hoisted(() => ({
  settings: { badge: true, schedule: 'daily', notifications: true } as Settings,
  locked: [] as (keyof Settings)[],
  progress: [] as Progress[],
  progressListeners: [] as (() => void)[],
  listeners: [] as ((s: Settings) => void)[],
  sources: [] as SourceSummary[],
  history: [] as HistoryEntry[],
  sourceListeners: [] as (() => void)[],
}));

// The pages reach storage through the store's index, which loads every store module.
vi.mock('../../src/platform/browser', async () => ({
  browser: (await import('../support/fake-browser')).fakeBrowser,
}));
vi.mock('../../src/platform/store/reviews', () => ({ importReviewsOfText: vi.fn(async () => 0) }));
vi.mock('../../src/platform/i18n', () => ({ t: (key: string, subs?: string | string[]) => t(key, subs) }));
vi.mock('../../src/platform/store/source-summaries', () => ({
  loadSourcesPage: vi.fn(async () => ({ sources: store.sources, history: store.history, problem: null })),
  onSourcesChanged: vi.fn((cb: () => void) => {
    store.sourceListeners.push(cb);
    return () => {};
  }),
  exportRegister: vi.fn(async () => JSON.stringify(seedList())),
}));
vi.mock('../../src/platform/messages', () => ({
  refreshSource: vi.fn(async () => reply('Refreshed 1 sources.')),
  addSource: vi.fn(async () => reply('added')),
  removeSource: vi.fn(async () => reply('removed')),
  confirmHeld: vi.fn(async () => reply('confirmed')),
  discardHeld: vi.fn(async () => reply('discarded')),
  importList: vi.fn(async () => reply('imported')),
}));
vi.mock('../../src/platform/permissions', () => ({ requestOrigin: vi.fn(async () => true) }));
vi.mock('../../src/platform/progress', () => ({
  loadProgress: vi.fn(async () => store.progress),
  onProgressChanged: vi.fn((cb: () => void) => {
    store.progressListeners.push(cb);
    return () => {};
  }),
}));
vi.mock('../../src/platform/store/settings', () => ({
  loadSettings: vi.fn(async () => ({ ...store.settings })),
  loadSettingsState: vi.fn(async () => ({ settings: { ...store.settings }, locked: [...store.locked] })),
  saveSettings: vi.fn(async (partial: Partial<Settings>) => {
    store.settings = { ...store.settings, ...partial };
    return { ...store.settings };
  }),
  onSettingsChanged: vi.fn((cb: (s: Settings) => void) => {
    store.listeners.push(cb);
    return () => {};
  }),
}));

const messages = await import('../../src/platform/messages');
const summaries = await import('../../src/platform/store/source-summaries');
const permissions = await import('../../src/platform/permissions');
const { start } = await import('../../src/options/index');
let root: HTMLElement;

beforeEach(() => {
  store.settings = { badge: true, schedule: 'daily', notifications: true, objectionDays: {} };
  store.locked = [];
  store.progress = [];
  store.progressListeners.length = 0;
  store.listeners.length = 0;
  store.sources = [sourceView()];
  store.history = [];
  store.sourceListeners.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  cleanup();
  vi.clearAllMocks();
});

async function reopen(): Promise<void> {
  render(null, root);
  await start(root);
}

describe('options entry', () => {
  it('loads the settings, saves a change, and shows it again after a reload', async () => {
    await start(root);
    expect(document.title).toBe('Subprocessor Lens settings');
    const box = screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    expect(box).toHaveProperty('checked', true);
    fireEvent.click(box);
    await waitFor(() => expect(store.settings.badge).toBe(false));
    fireEvent.change(screen.getByRole('combobox', { name: 'Check the lists for changes' }), {
      target: { value: 'off' },
    });
    await waitFor(() => expect(store.settings.schedule).toBe('off'));

    await reopen();
    expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
      'checked',
      false,
    );
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('off');
  });

  it('follows a settings change made in another page', async () => {
    await start(root);
    store.settings = { ...store.settings, badge: false };
    for (const listener of store.listeners) listener({ ...store.settings });
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
        'checked',
        false,
      ),
    );
  });

  it('locks the settings a new policy sets as soon as it is applied', async () => {
    await start(root);
    const box = () => screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' });
    expect(box()).toHaveProperty('disabled', false);
    store.settings = { ...store.settings, badge: false };
    store.locked = ['badge'];
    for (const listener of store.listeners) listener({ ...store.settings });
    await waitFor(() => expect(box()).toMatchObject({ disabled: true, checked: false }));
    expect(screen.getByText('Set by your organisation')).toBeTruthy();
  });

  it('shows the sources and binds Refresh to the platform command', async () => {
    await start(root);
    expect(screen.getByRole('heading', { level: 3, name: 'Dovetail' })).toBeTruthy();
    // Dovetail ships with the extension: refreshable, not removable.
    expect(screen.queryByRole('button', { name: 'Remove Dovetail' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh Dovetail' }));
    expect(messages.refreshSource).toHaveBeenCalledWith('dovetail');
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Sources' })).getByRole('status').textContent).toBe(
        'Refreshed 1 sources.',
      ),
    );
  });

  it('asks for the permission and then adds through the platform', async () => {
    await start(root);
    fireEvent.input(screen.getByRole('textbox', { name: /Address of a subprocessor list/ }), {
      target: { value: 'https://acme.example/subprocessors' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
    expect(permissions.requestOrigin).toHaveBeenCalledWith('https://acme.example/subprocessors');
    await waitFor(() =>
      expect(messages.addSource).toHaveBeenCalledWith('https://acme.example/subprocessors'),
    );
  });

  it('shows a refresh made in the background at once: the new source state and the history', async () => {
    await start(root);
    expect(screen.getByText(/No changes yet/)).toBeTruthy();
    const after = seedWith('Stripe', (v) => ({ ...v, location: { text: 'Dublin, Ireland', country: 'IE' } }));
    store.history = [entryFor(seedList(), after, `${TODAY}T14:02:00Z`)];
    store.sources = [sourceView({ origin: 'fetched', fetchedAt: `${TODAY}T14:02:00Z` })];
    for (const listener of store.sourceListeners) listener();
    await waitFor(() => expect(screen.queryByText(/No changes yet/)).toBeNull());
    expect(screen.getByText('1 vendor changed')).toBeTruthy();
    expect(screen.getByText('Downloaded and stored in this browser')).toBeTruthy();
  });

  it('says clearly when the page data cannot be loaded', async () => {
    vi.mocked(summaries.loadSourcesPage).mockRejectedValueOnce(new Error('storage unavailable'));
    await start(root);
    expect(screen.getByText('The vendor list could not be loaded: storage unavailable')).toBeTruthy();
  });
});

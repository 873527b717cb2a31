// The options entry point wired to mocked platform modules with an in-memory settings store: a saved
// setting is reflected when the page is opened again.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedList } from '../../src/platform/list-store';
import type { Settings } from '../../src/platform/settings';
import { seedList, t } from '../support/ui';

const store = vi.hoisted(() => ({
  settings: { badge: true } as Settings,
  listeners: [] as ((s: Settings) => void)[],
}));

vi.mock('../../src/platform/i18n', () => ({ t: (key: string, subs?: string | string[]) => t(key, subs) }));
vi.mock('../../src/platform/list-store', () => ({
  loadList: vi.fn(
    async (): Promise<LoadedList> => ({
      list: seedList(),
      origin: 'bundled',
      fetchedAt: null,
      problem: null,
    }),
  ),
  onListChanged: vi.fn(() => () => {}),
}));
vi.mock('../../src/platform/settings', () => ({
  loadSettings: vi.fn(async () => ({ ...store.settings })),
  saveSettings: vi.fn(async (partial: Partial<Settings>) => {
    store.settings = { ...store.settings, ...partial };
    return { ...store.settings };
  }),
  onSettingsChanged: vi.fn((cb: (s: Settings) => void) => {
    store.listeners.push(cb);
    return () => {};
  }),
}));

const { start } = await import('../../src/options/index');
let root: HTMLElement;

beforeEach(() => {
  store.settings = { badge: true };
  store.listeners.length = 0;
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  cleanup();
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
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(store.settings.badge).toBe(false);

    await reopen();
    expect(screen.getByRole('checkbox', { name: 'Show a badge on vendor sites' })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('follows a change made in another page', async () => {
    await start(root);
    for (const listener of store.listeners) listener({ badge: false });
    await waitFor(() => expect(screen.getByRole('checkbox')).toHaveProperty('checked', false));
  });

  it('shows the bundled source', async () => {
    await start(root);
    expect(screen.getByRole('heading', { level: 3, name: 'Dovetail' })).toBeTruthy();
  });
});

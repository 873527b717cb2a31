// Long work as the sources section shows it: what the worker does now and how far (a measured bar
// for a refresh of all, an indeterminate one for a single list), a hint that the page can be left,
// commands waiting meanwhile, and the outcome announced in the live region, once.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { RefreshActions } from '../../src/options/actions';
import { SourcesSection } from '../../src/options/sources-section';
import type { Progress } from '../../src/platform/progress';
import type { Reply } from '../../src/platform/source-types';
import { I18nProvider } from '../../src/ui/i18n';
import { deferred, fakeActions, reply, sourceView } from '../support/options';
import { i18n, renderWithI18n } from '../support/ui';

afterEach(cleanup);

const NOW = Date.now();

function task(overrides: Partial<Progress> = {}): Progress {
  return {
    task: 'refresh-all',
    state: 'running',
    text: 'Refreshing 3 of 12 sources: Reading Acme’s list… 2,340 vendors',
    done: 2,
    total: 12,
    outcome: null,
    tone: 'info',
    startedAt: NOW - 5000,
    updatedAt: NOW,
    ...overrides,
  };
}

const sources = [sourceView(), sourceView({ id: 'acme', title: 'Acme', url: 'https://acme.example/s' })];

function section(progress: Progress[], actions: RefreshActions = fakeActions()) {
  return (
    <SourcesSection
      sources={sources}
      bundledIds={['dovetail']}
      problem={null}
      actions={actions}
      progress={progress}
    />
  );
}

const status = () => screen.getByRole('status');

describe('work in progress', () => {
  it('says what a refresh of all does and how far it is, with a measured bar', () => {
    renderWithI18n(section([task()]));
    const bar = screen.getByRole('progressbar', {
      name: 'Refreshing 3 of 12 sources: Reading Acme’s list… 2,340 vendors',
    });
    expect(bar.getAttribute('value')).toBe('2');
    expect(bar.getAttribute('max')).toBe('12');
    expect(screen.getByText('You can leave this page: it goes on in the background.')).toBeTruthy();
    // Not a live region: steps are not read out one by one.
    expect(bar.closest('[aria-live], [role="status"]')).toBeNull();
  });

  it('shows an import as an indeterminate bar', () => {
    renderWithI18n(
      section([task({ task: 'import', text: 'Reading acme.json… 2,340 vendors', done: 0, total: 1 })]),
    );
    const bar = screen.getByRole('progressbar', { name: 'Reading acme.json… 2,340 vendors' });
    expect(bar.hasAttribute('value')).toBe(false);
  });

  it('lets commands wait while the worker refreshes everything, even when another page started it', () => {
    const actions = fakeActions();
    renderWithI18n(section([task()], actions));
    const all = screen.getByRole('button', { name: 'Refreshing…' });
    expect(all.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(all);
    fireEvent.click(screen.getByRole('button', { name: /^Refresh Acme/ }));
    expect(actions.refresh).not.toHaveBeenCalled();
  });

  it('shows nothing when no work runs, and work that ended before the page opened is no news', () => {
    renderWithI18n(section([task({ state: 'done', outcome: 'Refreshed 12 sources.' })]));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(status().textContent).toBe('');
    expect(screen.getByRole('button', { name: 'Refresh all' }).getAttribute('aria-disabled')).toBe('false');
  });
});

describe('the outcome', () => {
  it('is announced when work that this page did not start ends (the page was left and reopened)', async () => {
    const view = renderWithI18n(section([task()]));
    view.rerender(
      <I18nProvider value={i18n}>
        {section([
          task({
            state: 'done',
            done: 12,
            outcome: 'Acme: The source answered with an error (HTTP 503).',
            tone: 'error',
          }),
        ])}
      </I18nProvider>,
    );
    await waitFor(() =>
      expect(status().textContent).toBe('Acme: The source answered with an error (HTTP 503).'),
    );
    expect(status().className).toContain('status--error');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('of this page’s own command is announced once, from its reply', async () => {
    const answer = deferred<Reply>();
    const actions = fakeActions({ refresh: () => answer.promise });
    const view = renderWithI18n(section([], actions));
    const rerender = (progress: Progress[]) =>
      view.rerender(<I18nProvider value={i18n}>{section(progress, actions)}</I18nProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    const started = Date.now();
    rerender([task({ startedAt: started, updatedAt: started })]);
    rerender([task({ startedAt: started, state: 'done', outcome: 'The same news, from the worker.' })]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(status().textContent).toBe('');
    answer.resolve(reply('Refreshed 2 sources.'));
    await waitFor(() => expect(status().textContent).toBe('Refreshed 2 sources.'));
    // A later rendering with the same ended work announces nothing new.
    rerender([task({ startedAt: started, state: 'done', outcome: 'something else' })]);
    expect(status().textContent).toBe('Refreshed 2 sources.');
  });
});

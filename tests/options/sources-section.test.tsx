// The sources section: each source's state (idle, busy, failed, held), its commands, Refresh all,
// and the outcome of every command announced in the section's live region.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RefreshActions } from '../../src/options/actions';
import { SourcesSection } from '../../src/options/sources-section';
import type { Reply, SourceSummary } from '../../src/platform/source-types';
import { I18nProvider } from '../../src/ui/i18n';
import { DOVETAIL_URL, deferred, fakeActions, reply, sourceView } from '../support/options';
import { TODAY } from '../support/test-date';
import { i18n, renderWithI18n, visible } from '../support/ui';

afterEach(cleanup);

const acme = (overrides: Partial<SourceSummary> = {}) =>
  sourceView({
    id: 'acme',
    title: 'Acme Notes',
    url: 'https://acme.example/subprocessors',
    origin: 'fetched',
    vendorCount: 3,
    updated: '2026-06-15',
    fetchedAt: '2026-11-26T08:00:00Z',
    ...overrides,
  });

function renderSources(
  sources: SourceSummary[],
  actions: RefreshActions = fakeActions(),
  problem: string | null = null,
) {
  const view = renderWithI18n(
    <SourcesSection sources={sources} bundledIds={['dovetail']} problem={problem} actions={actions} />,
  );
  return { actions, ...view };
}

const card = (title: string) => {
  const heading = screen.getByRole('heading', { level: 3, name: title });
  return heading.closest('li') as HTMLElement;
};

/** The facts of a source card as [label, value] pairs, as a reader sees them. */
const facts = (el: HTMLElement) =>
  [...el.querySelectorAll('dt')].map((dt) => [dt.textContent, visible(dt.nextElementSibling?.textContent)]);

const status = () => screen.getByRole('status');

/** An accessible name as a reader hears it, without the isolates around list text. */
const named = (text: string) => (name: string) => visible(name) === text;

describe('a source at rest', () => {
  it('shows the bundled Dovetail list: vendors, list date, address and which copy is in use', () => {
    renderSources([sourceView()]);
    const dovetail = card('Dovetail');
    expect(facts(dovetail)).toEqual([
      ['Vendors', '7'],
      ['Updated', '8 Oct 2018'],
      ['Source', `${DOVETAIL_URL} (opens in a new tab)`],
      ['Copy in use', 'Bundled with the extension'],
      ['Kept current', 'Fetched on schedule'],
    ]);
    expect(within(dovetail).getByRole('link').getAttribute('href')).toBe(DOVETAIL_URL);
    expect(within(dovetail).getByRole('button', { name: 'Refresh Dovetail' })).toBeTruthy();
    // The bundled source can be refreshed but not removed.
    expect(within(dovetail).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Refresh all' })).toBeTruthy();
    expect(status().textContent).toBe('');
  });

  it('shows a fetched source with its last good fetch and the last check in words', () => {
    renderSources([
      acme({
        lastAttempt: {
          at: `${TODAY}T14:02:00Z`,
          outcome: 'unchanged',
          message: 'The list has not changed.',
        },
      }),
    ]);
    const rows = facts(card('Acme Notes'));
    expect(rows).toContainEqual(['Copy in use', 'Downloaded and stored in this browser']);
    expect(rows).toContainEqual(['Last good fetch', '26 Nov 2026, 08:00']);
    expect(rows).toContainEqual(['Last check', '27 Nov 2026, 14:02: The list has not changed.']);
    expect(card('Acme Notes').querySelector('.problem')).toBeNull();
  });

  it('shows a page followed from the popup as read on visit, with when it was last read, not as an error', () => {
    const message = 'Updated when you visit the page: the page builds its list in your browser.';
    renderSources([
      acme({
        keptBy: 'visit',
        capturedAt: `${TODAY}T09:30:00Z`,
        lastAttempt: { at: `${TODAY}T14:02:00Z`, outcome: 'read-on-visit', message },
      }),
    ]);
    const rows = facts(card('Acme Notes'));
    expect(rows).toContainEqual(['Kept current', 'Read when you visit the page']);
    expect(rows).toContainEqual(['Last read from the page', '27 Nov 2026, 09:30']);
    expect(rows).toContainEqual(['Last check', `27 Nov 2026, 14:02: ${message}`]);
    expect(card('Acme Notes').querySelector('.problem')).toBeNull();
  });

  it('shows an imported list by its file name, with no Refresh', () => {
    renderSources([
      acme({
        url: null,
        origin: 'imported',
        fileName: 'acme.md',
        fetchedAt: null,
        importedAt: '2026-11-20T10:00:00Z',
      }),
    ]);
    const el = card('Acme Notes');
    expect(facts(el)).toContainEqual(['Source', 'File: acme.md']);
    expect(facts(el)).toContainEqual(['Imported', '20 Nov 2026, 10:00']);
    expect(within(el).queryByRole('button', { name: /Refresh/ })).toBeNull();
    expect(within(el).getByRole('button', { name: 'Remove Acme Notes' })).toBeTruthy();
  });

  it('never links a source address that is not http(s)', () => {
    renderSources([acme({ url: 'javascript:alert(1)' })]);
    expect(within(card('Acme Notes')).queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });

  it('says so when there are no sources, and shows a problem with the stored data', () => {
    renderSources([], fakeActions(), 'Your saved lists could not be read (not an object).');
    expect(screen.getByText('No sources. Add one by its address or import a file.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Refresh all' })).toBeNull();
    expect(visible(screen.getByText(/could not be read/).textContent)).toBe(
      'Problem: Your saved lists could not be read (not an object). The last good copy stays in use.',
    );
  });
});

describe('a failed refresh', () => {
  it('says what went wrong and when, that the last good list is kept, and when the next try is', () => {
    renderSources([
      acme({
        lastAttempt: {
          at: `${TODAY}T14:02:00Z`,
          outcome: 'http-error',
          message:
            'The source answered with an error (HTTP 500). The list fetched on 26 Nov 2026, 08:00 stays in use.',
        },
        retryAt: `${TODAY}T14:07:00Z`,
      }),
    ]);
    const el = card('Acme Notes');
    const problem = el.querySelector('.problem--error');
    expect(visible(problem?.textContent)).toBe(
      'Last check failed (27 Nov 2026, 14:02): The source answered with an error (HTTP 500). The list fetched on 26 Nov 2026, 08:00 stays in use.',
    );
    expect(facts(el)).toContainEqual(['Vendors', '3']);
    expect(facts(el)).toContainEqual(['Next try', '27 Nov 2026, 14:07']);
    expect(facts(el).map(([label]) => label)).not.toContain('Last check');
  });
});

describe('a source the site will not share without permission', () => {
  const refused = () =>
    acme({
      lastAttempt: {
        at: `${TODAY}T14:02:00Z`,
        outcome: 'no-permission',
        message:
          'acme.example could not be read: the site does not let extensions read it without your permission.',
      },
    });

  it('offers to allow access: asks in the click, then refreshes', async () => {
    const { actions } = renderSources([refused()]);
    fireEvent.click(screen.getByRole('button', { name: named('Allow access to acme.example') }));
    expect(actions.requestOrigin).toHaveBeenCalledWith('https://acme.example/subprocessors');
    await waitFor(() => expect(actions.refresh).toHaveBeenCalledWith('acme'));
    await waitFor(() => expect(status().textContent).toBe('The list has not changed.'));
  });

  it('says so when the user does not allow it, and refreshes nothing', async () => {
    const actions = fakeActions({ requestOrigin: vi.fn(async () => false) });
    renderSources([refused()], actions);
    fireEvent.click(screen.getByRole('button', { name: named('Allow access to acme.example') }));
    await waitFor(() =>
      expect(visible(status().textContent)).toBe(
        'Access to acme.example was not allowed, so this source cannot be read. The last good list stays in use.',
      ),
    );
    expect(actions.refresh).not.toHaveBeenCalled();
  });

  it('does not offer it after any other outcome', () => {
    renderSources([acme()]);
    expect(screen.queryByRole('button', { name: /Allow access/ })).toBeNull();
  });
});

describe('refreshing', () => {
  it('shows the busy state while a refresh runs, lets nothing else start, then announces the outcome', async () => {
    const answer = deferred<Reply>();
    const actions = fakeActions({ refresh: vi.fn(() => answer.promise) });
    renderSources([sourceView(), acme()], actions);
    const button = screen.getByRole('button', { name: 'Refresh Dovetail' });
    fireEvent.click(button);
    expect(actions.refresh).toHaveBeenCalledWith('dovetail');
    await waitFor(() => expect(button.textContent).toContain('Refreshing…'));
    expect(card('Dovetail').getAttribute('aria-busy')).toBe('true');
    expect(card('Acme Notes').getAttribute('aria-busy')).toBe('false');
    // Focus stays on the busy button: it is aria-disabled, not disabled.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Refresh all' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh Acme Notes' }));
    expect(actions.refresh).toHaveBeenCalledTimes(1);

    answer.resolve(
      reply('', [
        {
          sourceId: 'dovetail',
          title: 'Dovetail',
          outcome: 'updated',
          message: 'Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku.',
        },
      ]),
    );
    await waitFor(() =>
      expect(status().textContent).toBe('Updated: Dovetail added 1 subprocessor: Rev.ai; removed 1: Heroku.'),
    );
    expect(status().className).toBe('status');
    expect(button.textContent).toContain('Refresh');
    expect(button.getAttribute('aria-disabled')).toBe('false');
  });

  it('refreshes all and announces each source, as an error when one failed', async () => {
    const actions = fakeActions({
      refresh: vi.fn(async () =>
        reply('Refreshed 2 sources.', [
          { sourceId: 'dovetail', title: 'Dovetail', outcome: 'not-modified', message: 'No change.' },
          {
            sourceId: 'acme',
            title: 'Acme Notes',
            outcome: 'timeout',
            message: 'The source did not answer within 20 seconds. The stored list stays in use.',
          },
        ]),
      ),
    });
    renderSources([sourceView(), acme()], actions);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    expect(actions.refresh).toHaveBeenCalledWith('all');
    await waitFor(() =>
      expect(status().textContent).toBe(
        'Dovetail: No change. Acme Notes: The source did not answer within 20 seconds. The stored list stays in use.',
      ),
    );
    expect(status().className).toContain('status--error');
  });

  it('announces a command that could not run', async () => {
    const actions = fakeActions({
      refresh: vi.fn(async () => reply('No answer from the extension’s background.', [], false)),
    });
    renderSources([sourceView()], actions);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh Dovetail' }));
    await waitFor(() => expect(status().textContent).toBe('No answer from the extension’s background.'));
    expect(status().className).toContain('status--error');
  });
});

describe('removing a source', () => {
  it('asks first, moves focus into the question and back out on Cancel', async () => {
    const { actions } = renderSources([sourceView(), acme()]);
    const remove = screen.getByRole('button', { name: 'Remove Acme Notes' });
    remove.focus();
    fireEvent.click(remove);
    const question = screen.getByRole('group', { name: named('Remove Acme Notes?') });
    expect(question.textContent).toContain('with its list and its history');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Remove' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: named('Remove Acme Notes?') })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove Acme Notes' }));
    expect(actions.removeSource).not.toHaveBeenCalled();
  });

  it('removes on confirmation, announces it and puts focus on the section', async () => {
    const view = renderSources([sourceView(), acme()]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Acme Notes' }));
    const question = screen.getByRole('group', { name: named('Remove Acme Notes?') });
    fireEvent.click(within(question).getByRole('button', { name: 'Remove' }));
    expect(view.actions.removeSource).toHaveBeenCalledWith('acme');
    await waitFor(() => expect(status().textContent).toBe('“Acme” was removed.'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Sources' }));
  });
});

describe('a held result', () => {
  const held = () =>
    acme({
      vendorCount: 7,
      lastAttempt: {
        at: `${TODAY}T14:02:00Z`,
        outcome: 'held',
        message: 'The new version no longer lists 6 of the 7 vendors (it has 1).',
      },
      held: {
        at: `${TODAY}T14:02:00Z`,
        reason: 'lost-most-vendors',
        reader: 'sections',
        confidence: 'high',
        message: 'The new version no longer lists 6 of the 7 vendors (it has 1).',
        before: 7,
        after: 1,
        removed: 6,
        summary: {
          listTitle: 'Acme Notes',
          added: { count: 0, names: [], more: 0 },
          removed: { count: 6, names: ['Heroku', 'Stripe', 'Mixpanel'], more: 3 },
          changed: { count: 0, names: [], more: 0 },
          notable: true,
          text: '',
        },
      },
    });

  it('warns with the counts and the vendors it would drop, and offers both choices', () => {
    renderSources([held()]);
    const notice = screen.getByRole('group', {
      name: named('A new version of Acme Notes waits for your confirmation'),
    });
    expect(visible(notice.textContent)).toContain(
      'Fetched 27 Nov 2026, 14:02. Of the 7 vendors you have, it no longer lists 6; it lists 1 in all.',
    );
    expect(visible(notice.textContent)).toContain('No longer listed: Heroku, Stripe, Mixpanel and 3 more.');
    expect(within(notice).getByRole('button', { name: 'Apply the new version' })).toBeTruthy();
    expect(within(notice).getByRole('button', { name: 'Keep the current list' })).toBeTruthy();
    // Until then the stored list is what the card describes; the attempt is not repeated below.
    expect(facts(card('Acme Notes'))).toContainEqual(['Vendors', '7']);
    expect(facts(card('Acme Notes')).map(([label]) => label)).not.toContain('Last check');
  });

  it('confirms or discards through the commands, and focus lands on the source when it is settled', async () => {
    const view = renderSources([held()]);
    const keep = screen.getByRole('button', { name: 'Keep the current list' });
    keep.focus();
    fireEvent.click(keep);
    expect(view.actions.discardHeld).toHaveBeenCalledWith('acme');
    await waitFor(() =>
      expect(status().textContent).toBe('The held version was discarded; the current list stays in use.'),
    );
    // The platform then reports the source without the held result: its buttons go, focus does not
    // fall to the page's body but to the source's heading.
    view.rerender(
      <I18nProvider value={i18n}>
        <SourcesSection sources={[acme()]} bundledIds={['dovetail']} problem={null} actions={view.actions} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3, name: 'Acme Notes' }));
    expect(view.actions.confirmHeld).not.toHaveBeenCalled();
  });

  it('applies on confirmation', async () => {
    const view = renderSources([held()]);
    fireEvent.click(screen.getByRole('button', { name: 'Apply the new version' }));
    expect(view.actions.confirmHeld).toHaveBeenCalledWith('acme');
    await waitFor(() => expect(status().textContent).toBe('Applied after your confirmation.'));
  });
});

describe('a preview of a list read with less than high confidence', () => {
  const preview = () =>
    acme({
      vendorCount: 0,
      held: {
        at: `${TODAY}T14:02:00Z`,
        reason: 'preview',
        reader: 'prose',
        confidence: 'low',
        message:
          'Read by prose, 3 vendors: it waits for you to keep or discard it before it replaces the list.',
        before: 0,
        after: 3,
        removed: 0,
        summary: {
          listTitle: 'Acme Notes',
          added: { count: 3, names: ['Acme Cloud', 'Stripe', 'Mixpanel'], more: 0 },
          removed: { count: 0, names: [], more: 0 },
          changed: { count: 0, names: [], more: 0 },
          notable: true,
          text: '',
        },
      },
    });

  it('says how it was read and how many vendors, names them, and asks Keep or Discard', () => {
    renderSources([preview()]);
    const notice = screen.getByRole('group', { name: named('Read by prose, 3 vendors: keep this list?') });
    expect(visible(notice.textContent)).toContain('Newly listed: Acme Cloud, Stripe and Mixpanel.');
    expect(visible(notice.textContent)).toContain('may miss a vendor or name something that is not one');
    expect(within(notice).getByRole('button', { name: 'Keep' })).toBeTruthy();
    expect(within(notice).getByRole('button', { name: 'Discard' })).toBeTruthy();
  });

  it('Keep applies it and Discard drops it, through the held commands', () => {
    const view = renderSources([preview()]);
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(view.actions.confirmHeld).toHaveBeenCalledWith('acme');
    cleanup();
    const other = renderSources([preview()]);
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(other.actions.discardHeld).toHaveBeenCalledWith('acme');
  });
});

describe('a source whose address redirects to another site', () => {
  const redirected = (outcome: 'updated' | 'redirect-refused') =>
    acme({
      redirectsTo: 'https://cdn.other.example',
      lastAttempt: { at: `${TODAY}T14:02:00Z`, outcome, message: 'The source’s address redirects to …' },
    });

  it('says where it leads, after its address', () => {
    renderSources([redirected('updated')]);
    const source = facts(screen.getByRole('listitem')).find(([label]) => label === 'Source');
    expect(visible(source?.[1])).toBe(
      'https://acme.example/subprocessors (opens in a new tab) redirects to https://cdn.other.example',
    );
    expect(screen.queryByRole('button', { name: /Allow access/ })).toBeNull();
  });

  it('offers to allow the site it redirects to when that was refused, then refreshes', async () => {
    const { actions } = renderSources([redirected('redirect-refused')]);
    fireEvent.click(screen.getByRole('button', { name: named('Allow access to cdn.other.example') }));
    expect(actions.requestOrigin).toHaveBeenCalledWith('https://cdn.other.example');
    await waitFor(() => expect(actions.refresh).toHaveBeenCalledWith('acme'));
  });
});

// The popup's word on the page it was opened on: a list to follow, links to one, or nothing.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PagePreview, Reply } from '../../src/platform/source-types';
import { PageOffer, type PageState } from '../../src/popup/page-offer';
import { renderWithI18n, visible } from '../support/ui';

afterEach(cleanup);

function preview(overrides: Partial<PagePreview> = {}): PagePreview {
  return {
    state: 'list',
    url: 'https://trust.acme.test/subprocessors',
    title: 'Acme: Subprocessors',
    list: {
      count: 23,
      names: ['Acme Cloud GmbH', 'Beta Mail Inc.', 'Gamma Analytics', 'Delta Pay', 'Epsilon CDN'],
      reader: 'table',
      confidence: 'high',
    },
    links: [],
    followedId: null,
    ...overrides,
  };
}

const done = (message: string, ok = true): Reply => ({
  ok,
  message,
  sourceId: ok ? 'acme' : null,
  reports: [],
});

function show(state: PageState, onFollow = vi.fn(async () => done('Following “Acme: Subprocessors”.'))) {
  renderWithI18n(<PageOffer state={state} onFollow={onFollow} />);
  return onFollow;
}

describe('PageOffer', () => {
  it('says nothing while the page is read', () => {
    show({ status: 'reading' });
    expect(document.body.textContent).toBe('');
  });

  it('offers a list: its count first, the first names, how it was read, and Follow', async () => {
    const onFollow = show({ status: 'read', page: preview() });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This page lists 23 subprocessors');
    expect(visible(document.querySelector('.page-offer__names')?.textContent)).toBe(
      'Acme Cloud GmbH, Beta Mail Inc., Gamma Analytics, Delta Pay, Epsilon CDN and 18 more',
    );
    expect(screen.getByText('Read as a table, high confidence')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Follow this list' }));
    expect(onFollow).toHaveBeenCalledWith(preview());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Following “Acme: Subprocessors”.'),
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('counts one vendor in the singular and names a lower confidence', () => {
    const list = { count: 1, names: ['Acme Cloud'], reader: 'prose' as const, confidence: 'low' as const };
    show({ status: 'read', page: preview({ list }) });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('This page lists 1 subprocessor');
    expect(screen.getByText('Read as prose, low confidence: check the names')).toBeTruthy();
  });

  it('shows a failed follow as one plain sentence and keeps the button', async () => {
    show(
      { status: 'read', page: preview() },
      vi.fn(async () => done('No subprocessor list was found.', false)),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Follow this list' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No subprocessor list was found.'),
    );
    expect(screen.getByRole('button', { name: 'Follow this list' })).toBeTruthy();
    expect(document.querySelector('.problem, [role="alert"]')).toBeNull();
  });

  it('says a followed page is followed, without a button', () => {
    show({ status: 'read', page: preview({ followedId: 'acme' }) });
    expect(screen.getByText('You follow this list: its vendors are in your register.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the links of a page that links to a list, as safe links', () => {
    const links = [
      { url: 'https://acme.test/legal/subprocessors', text: 'Subprocessors', kind: 'list' as const },
      { url: 'https://trust.acme.test/', text: 'Trust Center', kind: 'trust' as const },
    ];
    show({ status: 'read', page: preview({ state: 'links', list: null, links }) });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'This site publishes a subprocessor list',
    );
    const anchors = screen.getAllByRole('link');
    expect(anchors.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['https://acme.test/legal/subprocessors', 'noopener noreferrer'],
      ['https://trust.acme.test/', 'noopener noreferrer'],
    ]);
  });

  it('says nothing for a page that is no list or refuses to be read, one sentence for a huge one', () => {
    show({ status: 'read', page: preview({ state: 'none', list: null }) });
    expect(document.body.textContent).toBe('');
    cleanup();
    show({ status: 'read', page: preview({ state: 'refused', url: null, list: null }) });
    expect(document.body.textContent).toBe('');
    cleanup();
    show({ status: 'read', page: preview({ state: 'too-large', list: null }) });
    expect(document.body.textContent).toBe('This page is too large to look for a subprocessor list.');
  });
});

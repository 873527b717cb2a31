// The search index is built once per list, never per keystroke (fuse.js indexing is the costly part).
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as core from '../../src/core/search/search';
import { App } from '../../src/popup/App';
import { I18nProvider } from '../../src/ui/i18n';
import { NOW } from '../support/test-date';
import { i18n, renderWithI18n, seedList } from '../support/ui';

vi.mock('../../src/core/search/search', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/search/search')>();
  return { ...actual, buildSearchIndex: vi.fn(actual.buildSearchIndex) };
});

afterEach(cleanup);

describe('popup search index', () => {
  it('is built once for a list however many keys are typed, and again for a new list', () => {
    const built = vi.mocked(core.buildSearchIndex);
    built.mockClear();
    const list = seedList();
    const view = renderWithI18n(
      <App list={list} tabUrl={null} now={NOW} optionsHref="options.html" searchIndexOf={built} />,
    );
    const box = screen.getByRole('searchbox');
    for (const value of ['s', 'st', 'str', 'stri', 'strip', 'stripe', 'strip', 'hero']) {
      fireEvent.input(box, { target: { value } });
    }
    expect(built).toHaveBeenCalledTimes(1);

    const next = { ...list, vendors: list.vendors.slice(0, 3) };
    view.rerender(
      <I18nProvider value={i18n}>
        <App list={next} tabUrl={null} now={NOW} optionsHref="options.html" searchIndexOf={built} />
      </I18nProvider>,
    );
    expect(screen.getByRole('searchbox')).toBe(box);
    fireEvent.input(box, { target: { value: 'google' } });
    expect(built).toHaveBeenCalledTimes(2);
    expect(built).toHaveBeenLastCalledWith(next.vendors);
  });
});

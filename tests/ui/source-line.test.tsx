import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceLine } from '../../src/ui/source-line';
import { NOW } from '../support/test-date';
import { renderWithI18n, seedList, visible } from '../support/ui';

afterEach(cleanup);

describe('SourceLine', () => {
  it('names the list, its date and its age, computed from today', () => {
    renderWithI18n(<SourceLine source={seedList().source} now={NOW} optionsHref="options.html" />);
    expect(visible(document.querySelector('.source-line__text')?.textContent)).toBe(
      'Dovetail, updated 8 Oct 2018, 8 years ago',
    );
  });

  it('says when a list has no date', () => {
    const source = { title: 'Acme', url: null, updated: null };
    renderWithI18n(<SourceLine source={source} now={NOW} optionsHref="options.html" />);
    expect(visible(document.querySelector('.source-line__text')?.textContent)).toBe(
      'Acme, date of last update unknown',
    );
  });

  it('links to the options page and lets the caller open it the browser way', () => {
    const open = vi.fn();
    renderWithI18n(
      <SourceLine
        source={seedList().source}
        now={NOW}
        optionsHref="chrome-extension://id/options.html"
        onOpenOptions={open}
      />,
    );
    const link = screen.getByRole('link', { name: 'Sources and settings' });
    expect(link.getAttribute('href')).toBe('chrome-extension://id/options.html');
    fireEvent.click(link);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

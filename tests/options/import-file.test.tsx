// Importing a list from a file: only formats the core reads, a size check before reading, the
// text sent with the file's name, and the outcome announced.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_ACCEPT, IMPORT_MAX_BYTES } from '../../src/options/import-file';
import { SourcesSection } from '../../src/options/sources-section';
import { fakeActions, reply, sourceView } from '../support/options';
import { renderWithI18n } from '../support/ui';

afterEach(cleanup);

function renderImport(actions = fakeActions()) {
  renderWithI18n(
    <SourcesSection sources={[sourceView()]} bundledIds={['dovetail']} problem={null} actions={actions} />,
  );
  const input = screen.getByLabelText('Choose a file') as HTMLInputElement;
  const choose = (file: File) => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  };
  return { actions, input, choose };
}

describe('importing a file', () => {
  it('accepts only the formats the parser reads: HTML, markdown or text, JSON, YAML, templates', () => {
    const { input } = renderImport();
    expect(input.type).toBe('file');
    expect(input.accept).toBe(IMPORT_ACCEPT);
    const extensions = IMPORT_ACCEPT.split(',').filter((x) => x.startsWith('.'));
    expect(extensions).toEqual([
      '.html',
      '.htm',
      '.md',
      '.markdown',
      '.txt',
      '.json',
      '.yml',
      '.yaml',
      '.vue',
      '.svelte',
      '.astro',
      '.jsx',
      '.tsx',
    ]);
    expect(screen.getByText(/saved subprocessor page \(\.html\)/)).toBeTruthy();
  });

  it("sends the file's text and name, and announces the outcome", async () => {
    const { actions, choose } = renderImport();
    choose(new File(['## Stripe\n\n- **Location:** Dublin'], 'acme.md', { type: 'text/markdown' }));
    await waitFor(() =>
      expect(actions.importList).toHaveBeenCalledWith('## Stripe\n\n- **Location:** Dublin', 'acme.md'),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Imported 3 vendors from acme.md.'),
    );
  });

  it('announces a file the background could not import', async () => {
    const actions = fakeActions({
      importList: vi.fn(async () =>
        reply('notes.txt could not be imported: No vendors found in this markdown.', [], false),
      ),
    });
    const { choose } = renderImport(actions);
    choose(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/could not be imported/));
    expect(screen.getByRole('status').className).toContain('status--error');
  });

  it('refuses a file too large to be a list without reading it', async () => {
    const { actions, choose, input } = renderImport();
    const huge = new File(['x'], 'huge.html', { type: 'text/html' });
    Object.defineProperty(huge, 'size', { value: IMPORT_MAX_BYTES + 1 });
    const read = vi.spyOn(huge, 'text');
    choose(huge);
    const message = 'huge.html is 6 MB; a list file can be at most 5 MB. Nothing was imported.';
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(message));
    expect(document.getElementById('import-error')?.textContent).toBe(message);
    expect(input.getAttribute('aria-describedby')).toContain('import-error');
    expect(read).not.toHaveBeenCalled();
    expect(actions.importList).not.toHaveBeenCalled();
  });
});

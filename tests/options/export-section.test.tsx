// Exporting the register: the v1 JSON as the platform gives it, or CSV built from it, saved as a
// dated file, with the outcome announced.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSV_COLUMNS } from '../../src/core/export-csv';
import { validateList } from '../../src/core/list';
import { ExportSection } from '../../src/options/export-section';
import { deferred } from '../support/options';
import { TODAY } from '../support/test-date';
import { german, renderWithI18n, seedList } from '../support/ui';

afterEach(cleanup);

const registerJson = () => `${JSON.stringify(seedList(), null, 2)}\n`;

function renderExport(exportRegister: () => Promise<string> = async () => registerJson()) {
  const download = vi.fn();
  renderWithI18n(<ExportSection exportRegister={exportRegister} today={TODAY} download={download} />);
  return { download };
}

describe('export', () => {
  it('saves the register as v1 JSON, named with the day', async () => {
    const { download } = renderExport();
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [text, fileName, type] = download.mock.calls[0] as [string, string, string];
    expect(fileName).toBe(`subprocessor-register-${TODAY}.json`);
    expect(type).toBe('application/json');
    const checked = validateList(JSON.parse(text));
    expect(checked.ok && checked.list.vendors.length).toBe(7);
    expect(screen.getByRole('status').textContent).toBe(`Downloaded subprocessor-register-${TODAY}.json.`);
  });

  it('writes each finding’s message in the reader’s language, and only in the file', async () => {
    const download = vi.fn();
    renderWithI18n(
      <ExportSection exportRegister={async () => registerJson()} today={TODAY} download={download} />,
      german,
    );
    fireEvent.click(screen.getByRole('button', { name: 'JSON herunterladen' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [text] = download.mock.calls[0] as [string];
    const doc = JSON.parse(text) as { vendors: { name: string; flags: { id: string; message: string }[] }[] };
    const heroku = doc.vendors.find((v) => v.name === 'Heroku');
    expect(heroku?.flags.find((f) => f.id === 'privacy-shield')?.message).toContain(
      'Gerichtshof der Europäischen Union am 16. Juli 2020',
    );
    expect(registerJson()).not.toContain('"message"');
    expect(screen.getByRole('status').textContent).toBe(
      `subprocessor-register-${TODAY}.json heruntergeladen.`,
    );
  });

  it('saves it as CSV for a spreadsheet: UTF-8 mark, header, a row per vendor', async () => {
    const { download } = renderExport();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [text, fileName, type] = download.mock.calls[0] as [string, string, string];
    expect(fileName).toBe(`subprocessor-register-${TODAY}.csv`);
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFFVendor,Website,')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(8);
  });

  it('shows that it is working, and takes one export at a time', async () => {
    const answer = deferred<string>();
    const exportRegister = vi.fn(() => answer.promise);
    const { download } = renderExport(exportRegister);
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    const busy = await screen.findByRole('button', { name: 'Working…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    expect(exportRegister).toHaveBeenCalledTimes(1);
    answer.resolve(registerJson());
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('button', { name: 'Download CSV' }).getAttribute('aria-disabled')).toBe('false');
  });

  it('says why when the register cannot be exported, and saves nothing', async () => {
    const { download } = renderExport(async () => {
      throw new Error('storage unavailable');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not export: storage unavailable'),
    );
    expect(screen.getByRole('status').className).toContain('status--error');
    expect(download).not.toHaveBeenCalled();
  });

  it('refuses to turn something that is not a list into CSV', async () => {
    const { download } = renderExport(async () => '{"format":"nope"}');
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Could not export: /));
    expect(download).not.toHaveBeenCalled();
  });
});

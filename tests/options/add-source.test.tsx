// Adding a source by address: checked before anything is asked, the permission prompt inside the
// user's gesture, then the command, whose outcome the sources section announces.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourcesSection } from '../../src/options/sources-section';
import { deferred, fakeActions, reply, sourceView } from '../support/options';
import { renderWithI18n } from '../support/ui';

afterEach(cleanup);

function renderAdd(actions = fakeActions()) {
  renderWithI18n(
    <SourcesSection sources={[sourceView()]} bundledIds={['dovetail']} problem={null} actions={actions} />,
  );
  const field = screen.getByRole('textbox', { name: /Address of a subprocessor list/ }) as HTMLInputElement;
  const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Add source' }));
  return { actions, field, submit };
}

const type = (field: HTMLInputElement, value: string) => fireEvent.input(field, { target: { value } });

describe('adding a source', () => {
  it('explains why the browser will ask for a permission, next to the field', () => {
    const { field } = renderAdd();
    const hint = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/browser will ask whether Subprocessor Lens may read that site/);
    expect(hint?.textContent).toMatch(/given back when you remove the source/);
    expect(screen.getByRole('heading', { level: 3, name: 'Add a source' })).toBeTruthy();
  });

  it('refuses an empty field or an address that is not http(s), and asks nothing', () => {
    const { actions, field, submit } = renderAdd();
    submit();
    expect(screen.getByText('Enter the address of the list.')).toBeTruthy();
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.com/list',
      'example.com/list',
      'https://user:pw@x.com/',
    ]) {
      type(field, bad);
      submit();
      expect(
        screen.getByText('Enter a full web address that starts with https:// (or http://).'),
        bad,
      ).toBeTruthy();
      expect(field.getAttribute('aria-invalid'), bad).toBe('true');
      expect(field.getAttribute('aria-describedby'), bad).toContain('add-source-error');
    }
    expect(actions.requestOrigin).not.toHaveBeenCalled();
    expect(actions.addSource).not.toHaveBeenCalled();
    type(field, 'https://');
    expect(field.getAttribute('aria-invalid')).toBe('false');
  });

  it('asks for the permission synchronously in the click, then adds and clears the field', async () => {
    const { actions, field, submit } = renderAdd();
    type(field, '  https://acme.example/legal/subprocessors  ');
    submit();
    // Called before the handler returned: still inside the user's gesture.
    expect(actions.requestOrigin).toHaveBeenCalledWith('https://acme.example/legal/subprocessors');
    expect(actions.addSource).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(actions.addSource).toHaveBeenCalledWith('https://acme.example/legal/subprocessors'),
    );
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('“Acme” was added.'));
    expect(field.value).toBe('');
  });

  it('submits with Enter in the field, like any form', async () => {
    const { actions, field } = renderAdd();
    type(field, 'https://acme.example/list.md');
    fireEvent.submit(field.form as HTMLFormElement);
    expect(actions.requestOrigin).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(actions.addSource).toHaveBeenCalledTimes(1));
  });

  it('still tries when the permission is refused (a site that allows CORS needs none) and shows why it failed', async () => {
    const actions = fakeActions({
      requestOrigin: vi.fn(async () => false),
      addSource: vi.fn(async () =>
        reply('', [
          {
            sourceId: 'acme',
            title: 'acme.example',
            outcome: 'no-permission',
            message:
              'acme.example could not be read: the site does not let extensions read it without your permission.',
          },
        ]),
      ),
    });
    const { field, submit } = renderAdd(actions);
    type(field, 'https://acme.example/list');
    submit();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/could not be read/));
    expect(screen.getByRole('status').className).toContain('status--error');
  });

  it('keeps the address when adding failed, and shows "Adding…" meanwhile', async () => {
    const answer = deferred<ReturnType<typeof reply>>();
    const actions = fakeActions({ addSource: vi.fn(() => answer.promise) });
    const { field, submit } = renderAdd(actions);
    type(field, 'https://acme.example/list');
    submit();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Adding…' })).toBeTruthy());
    answer.resolve(reply('“Acme” already follows this address.', [], false));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('“Acme” already follows this address.'),
    );
    expect(field.value).toBe('https://acme.example/list');
  });
});

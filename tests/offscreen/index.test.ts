// The parser's offscreen document (src/offscreen/index.ts): it answers the worker's parser calls
// with the core parser's result, and leaves every other message to the worker.
import { describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string }, reply: (answer: unknown) => void) => unknown;

const listeners = vi.hoisted(() => [] as Listener[]);

vi.mock('../../src/platform/browser', () => ({
  browser: { runtime: { id: 'lens', onMessage: { addListener: (l: Listener) => listeners.push(l) } } },
}));

await import('../../src/offscreen/index');
const { PARSER_TO } = await import('../../src/platform/offscreen');

/** What the document answers `message` from `sender`; undefined when it does not answer. */
function send(message: unknown, sender = { id: 'lens' }): unknown {
  let answer: unknown;
  for (const listener of listeners) listener(message, sender, (a) => (answer = a));
  return answer;
}

const TABLE = '| Vendor | Purpose |\n|---|---|\n| Stripe | Payments |\n| Heroku | Hosting |\n';

describe('the offscreen document', () => {
  it('answers a parse call with what the parser reads', () => {
    const answer = send({ to: PARSER_TO, call: 'parse', args: [TABLE, { fileName: 'list.md' }] }) as {
      ok: boolean;
      value: { ok: boolean; list: { vendors: { name: string }[] } };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value.ok).toBe(true);
    expect(answer.value.list.vendors.map((v) => v.name)).toEqual(['Stripe', 'Heroku']);
  });

  it('answers a page read with its title, and the links when the page holds no list', () => {
    const html =
      '<html><head><title>Legal</title></head><body><a href="/subprocessors">Subprocessors</a></body></html>';
    const answer = send({
      to: PARSER_TO,
      call: 'readPage',
      args: [{ html, title: 'Legal', siteName: 'Acme' }, 'https://acme.example/legal'],
    }) as { ok: boolean; value: { title: string; found: unknown; links: { url: string }[] } };
    expect(answer.ok).toBe(true);
    expect(answer.value.found).toBeNull();
    expect(answer.value.title).toContain('Acme');
    expect(answer.value.links.map((l) => l.url)).toEqual(['https://acme.example/subprocessors']);
  });

  it('says which call it does not know', () => {
    expect(send({ to: PARSER_TO, call: 'constructor', args: [] })).toEqual({
      ok: false,
      error: 'no parser call "constructor"',
    });
  });

  it("leaves the worker's requests, and anything from another extension, unanswered", () => {
    expect(send({ to: 'lens-background', type: 'refresh', sourceId: 'dovetail' })).toBeUndefined();
    expect(send({ to: PARSER_TO, call: 'parse', args: [TABLE] }, { id: 'other' })).toBeUndefined();
  });
});

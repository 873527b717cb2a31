// The worker's side of the parser's offscreen document (platform/offscreen.ts), against a stand-in
// of Chrome's offscreen and runtime APIs that records what is made and closed. The real document is
// exercised in Chromium by tests/browser/refresh.test.ts and follow.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const chromeApi = vi.hoisted(() => ({
  open: false,
  made: 0,
  closed: 0,
  answer: (message: { call: string; args: unknown[] }): unknown => ({ ok: true, value: message.args[0] }),
  offscreen: {
    async createDocument() {
      if (chromeApi.open) throw new Error('Only a single offscreen document may be created.');
      chromeApi.made++;
      chromeApi.open = true;
    },
    async closeDocument() {
      if (!chromeApi.open) throw new Error('No current offscreen document.');
      chromeApi.closed++;
      chromeApi.open = false;
    },
  },
  runtime: {
    async getContexts() {
      return chromeApi.open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [];
    },
    getURL: (path: string) => `chrome-extension://id/${path}`,
    async sendMessage(message: { call: string; args: unknown[] }) {
      if (!chromeApi.open) throw new Error('Could not establish connection. Receiving end does not exist.');
      return chromeApi.answer(message);
    },
  },
}));

vi.mock('../../src/platform/browser', () => ({ browser: chromeApi }));

const { callParser, IDLE_MS, isParserMessage, PARSER_TO } = await import('../../src/platform/offscreen');

beforeEach(() => {
  vi.useFakeTimers();
  Object.assign(chromeApi, { open: false, made: 0, closed: 0 });
  chromeApi.answer = (message) => ({ ok: true, value: message.args[0] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('callParser', () => {
  it('makes one document for calls made together, and gives each its answer', async () => {
    const answers = await Promise.all(['a', 'b', 'c'].map((text) => callParser('parse', [text])));
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(chromeApi.made).toBe(1);
  });

  it('closes the document once no call has come for IDLE_MS, and makes it again for the next', async () => {
    await callParser('parse', ['a']);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(chromeApi.closed).toBe(0);
    await callParser('parse', ['b']); // a call in time keeps it open for another IDLE_MS
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1);
    expect(chromeApi.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(chromeApi.closed).toBe(1);
    expect(await callParser('parse', ['c'])).toBe('c');
    expect(chromeApi.made).toBe(2);
  });

  it('uses a document made by an earlier life of the worker', async () => {
    chromeApi.open = true;
    expect(await callParser('parse', ['a'])).toBe('a');
    expect(chromeApi.made).toBe(0);
  });

  it('never closes the document under a call that is still running', async () => {
    let finish: (value: unknown) => void = () => undefined;
    chromeApi.answer = () => new Promise((resolve) => (finish = resolve));
    const slow = callParser('parse', ['slow']);
    await vi.advanceTimersByTimeAsync(IDLE_MS * 3);
    expect(chromeApi.closed).toBe(0);
    finish({ ok: true, value: 'done' });
    expect(await slow).toBe('done');
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(chromeApi.closed).toBe(1);
  });

  it("throws the document's error, and says so when it gives no answer", async () => {
    chromeApi.answer = () => ({ ok: false, error: 'no parser call "nope"' });
    await expect(callParser('parse', ['a'])).rejects.toThrow('no parser call "nope"');
    chromeApi.answer = () => undefined;
    await expect(callParser('parse', ['a'])).rejects.toThrow('the list reader did not answer');
  });
});

describe('isParserMessage', () => {
  it("takes only a call addressed to the parser, so the document leaves the worker's messages alone", () => {
    expect(isParserMessage({ to: PARSER_TO, call: 'parse', args: ['x'] })).toBe(true);
    expect(isParserMessage({ to: 'lens-background', type: 'refresh', sourceId: 'a' })).toBe(false);
    expect(isParserMessage({ to: PARSER_TO, call: 'parse' })).toBe(false);
    expect(isParserMessage(null)).toBe(false);
    expect(isParserMessage('parse')).toBe(false);
  });
});

// fetchList against a real HTTP server on 127.0.0.1, started here: every outcome the refresh must
// survive, through Node's own fetch (the same global fetch the extension uses).
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchList, parseRetryAfter } from '../../src/platform/fetch-list';

const LIST = '## Rev.ai\n\n[rev.ai](https://www.rev.ai)\n\n- **Location:** Austin, United States.\n';
const ETAG = '"list-v2"';
const MODIFIED = 'Mon, 02 Nov 2026 10:00:00 GMT';

let server: Server;
let base: string;
const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
// How the oversized stream ended: the client must hang up long before the server is done.
const lastRequest = (path: string) => seen.filter((r) => r.path === path).at(-1);
let stream: Promise<{ written: number; finished: boolean }> = Promise.resolve({
  written: 0,
  finished: false,
});

function streamLarge(res: ServerResponse, total: number): void {
  let written = 0;
  stream = new Promise((resolve) => {
    res.on('close', () => resolve({ written, finished: res.writableFinished }));
  });
  res.writeHead(200, { 'content-type': 'text/html' }); // no Content-Length: chunked
  const chunk = Buffer.alloc(16_384, 'a');
  const pump = () => {
    while (written < total && !res.destroyed) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ path, headers: req.headers });
    switch (path) {
      case '/list':
        if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === MODIFIED) {
          res.writeHead(304, { etag: ETAG }).end();
        } else {
          res.writeHead(200, {
            'content-type': 'text/markdown; charset=utf-8',
            etag: ETAG,
            'last-modified': MODIFIED,
          });
          res.end(LIST);
        }
        return;
      case '/moved':
        res.writeHead(301, { location: '/list' }).end();
        return;
      case '/error':
        res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
        return;
      case '/busy':
        res.writeHead(429, { 'retry-after': '120' }).end();
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
        res.end(Buffer.from('Location: Zürich', 'latin1'));
        return;
      case '/hang':
        return; // never answers
      case '/stall':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>'); // headers and a first chunk, then nothing
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-length': '50000000' });
        res.write('a');
        return;
      case '/big-stream':
        streamLarge(res, 64_000_000);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

describe('fetchList', () => {
  it('returns the text, content type and validators of a 200', async () => {
    const result = await fetchList(`${base}/list`);
    expect(result).toMatchObject({
      kind: 'ok',
      status: 200,
      text: LIST,
      contentType: 'text/markdown; charset=utf-8',
      etag: ETAG,
      lastModified: MODIFIED,
      bytes: Buffer.byteLength(LIST),
    });
    const request = lastRequest('/list');
    expect(request?.headers.accept).toMatch(/^text\/html/);
    expect(request?.headers['if-none-match']).toBeUndefined();
  });

  it('sends the stored ETag and gets a 304 for an unchanged list', async () => {
    const result = await fetchList(`${base}/list`, { etag: ETAG });
    expect(result).toEqual({ url: `${base}/list`, kind: 'not-modified', etag: ETAG, lastModified: null });
    expect(lastRequest('/list')?.headers['if-none-match']).toBe(ETAG);
  });

  it('sends If-Modified-Since from the stored Last-Modified', async () => {
    const result = await fetchList(`${base}/list`, { lastModified: MODIFIED });
    expect(result.kind).toBe('not-modified');
    expect(lastRequest('/list')?.headers['if-modified-since']).toBe(MODIFIED);
  });

  it('sends no validators when asked not to, and gets the full list', async () => {
    const result = await fetchList(`${base}/list`, {
      etag: ETAG,
      lastModified: MODIFIED,
      conditional: false,
    });
    expect(result.kind).toBe('ok');
    expect(lastRequest('/list')?.headers['if-none-match']).toBeUndefined();
  });

  it('follows a redirect and says where the list came from', async () => {
    const result = await fetchList(`${base}/moved`);
    expect(result).toMatchObject({ kind: 'ok', url: `${base}/moved`, finalUrl: `${base}/list`, text: LIST });
  });

  it('reports a 500 as an HTTP error', async () => {
    expect(await fetchList(`${base}/error`)).toEqual({
      url: `${base}/error`,
      kind: 'http-error',
      status: 500,
      retryAfterMs: null,
      message: 'The source answered HTTP 500 Internal Server Error.',
    });
  });

  it("passes on a 429's Retry-After", async () => {
    expect(await fetchList(`${base}/busy`)).toMatchObject({
      kind: 'http-error',
      status: 429,
      retryAfterMs: 120_000,
    });
  });

  it('decodes the charset the server names', async () => {
    expect(await fetchList(`${base}/latin1`)).toMatchObject({ kind: 'ok', text: 'Location: Zürich' });
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const result = await fetchList(`${base}/hang`, { timeoutMs: 200 });
    expect(result).toMatchObject({ kind: 'timeout', timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a body that stalls after the headers', async () => {
    expect(await fetchList(`${base}/stall`, { timeoutMs: 200 })).toMatchObject({ kind: 'timeout' });
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    expect(await fetchList(`${base}/big-declared`, { maxBytes: 1_000_000 })).toMatchObject({
      kind: 'too-large',
      maxBytes: 1_000_000,
    });
  });

  it('stops reading a streamed body without Content-Length once it passes the limit', async () => {
    const result = await fetchList(`${base}/big-stream`, { maxBytes: 256_000 });
    expect(result).toMatchObject({ kind: 'too-large', maxBytes: 256_000 });
    expect(result.kind === 'too-large' && result.message).toBe(
      'The source sent more than 0.3 MB, more than a subprocessor list can be.',
    );
    const ended = await stream;
    expect(ended.finished).toBe(false);
    // Socket buffers let the server write a few MB (about 4 here) before it sees the hang-up.
    expect(ended.written).toBeLessThan(32_000_000);
  });

  it('reports a closed port as a network error', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    probe.close();
    await once(probe, 'close');
    expect(await fetchList(`http://127.0.0.1:${port}/list`)).toMatchObject({
      kind: 'network-error',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses addresses that are not http(s), without a request', async () => {
    const before = seen.length;
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', '']) {
      expect(await fetchList(url)).toMatchObject({ kind: 'invalid-url' });
    }
    expect(seen.length).toBe(before);
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await fetchList(`${base}/hang`, { signal: controller.signal, timeoutMs: 5_000 })).toMatchObject({
      kind: 'aborted',
    });
    const already = AbortSignal.abort();
    expect(await fetchList(`${base}/list`, { signal: already })).toMatchObject({ kind: 'aborted' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    const now = Date.UTC(2026, 10, 2, 10, 0, 0);
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 10:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

// A real local HTTP server for refresh tests: each path answers as the test says (a list, an error,
// silence, a 304 for a matching ETag ...) and every request's headers are recorded.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from './fake-browser';

const realFetch = globalThis.fetch;

/**
 * The fetch for tests: extension files from the fake browser, the local server over the real network
 * stack, and any other host as if offline (tests never reach the outside world).
 */
export async function localFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  if (url.startsWith('chrome-extension://')) return fakeBrowser.fetch(input);
  if (url.startsWith('http://127.0.0.1:')) return realFetch(input, init);
  throw new TypeError('Failed to fetch');
}

export type Answer =
  | { kind: 'body'; body: string; status?: number; headers?: Record<string, string> }
  /** 200 with this ETag, or 304 when the request's If-None-Match is that ETag. */
  | { kind: 'etag'; body: string; etag: string; contentType?: string }
  /** Headers sent, body never finished: the client must time out. */
  | { kind: 'hang' }
  /** A body of this many bytes, streamed without Content-Length. */
  | { kind: 'huge'; bytes: number };

export interface ListServer {
  url(path: string): string;
  answer(path: string, answer: Answer): void;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

function respond(res: ServerResponse, answer: Answer, headers: IncomingHttpHeaders): void {
  switch (answer.kind) {
    case 'body':
      res.writeHead(answer.status ?? 200, {
        'content-type': 'text/markdown; charset=utf-8',
        ...answer.headers,
      });
      res.end(answer.body);
      return;
    case 'etag':
      if (headers['if-none-match'] === answer.etag) {
        res.writeHead(304, { etag: answer.etag }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': answer.contentType ?? 'text/markdown; charset=utf-8',
        etag: answer.etag,
      });
      res.end(answer.body);
      return;
    case 'hang':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body>');
      return; // never ends; the server's close() cuts it
    case 'huge': {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < answer.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
    }
  }
}

export async function startListServer(): Promise<ListServer> {
  const answers = new Map<string, Answer>();
  const requests: ListServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const answer = answers.get(path);
    if (!answer) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else respond(res, answer, req.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    answer: (path, answer) => answers.set(path, answer),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

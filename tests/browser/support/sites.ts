// Vendor and other sites without the network: one local https server answers for every host the
// browser is pointed at (Chromium by --host-resolver-rules, Firefox by a proxy; see the launchers).
// Each page names its host and path, so a test can see where it landed; /link?to=URL is a page with
// one link, for navigations a user makes by clicking. A test can take over one address with route()
// (the data-refresh tests serve the default source's list this way).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './certificate';

/** Hosts the tests visit: vendors' own sites, a customer site hosted on a vendor, and others. */
export const TEST_HOSTS = [
  'stripe.com',
  'dashboard.stripe.com',
  'heroku.com',
  'foo.herokuapp.com',
  'mixpanel.com',
  'example.org',
  'amazon.com',
  // The default list source and a vendor that a refreshed list adds (tests/browser/refresh.test.ts).
  'dovetailapp.com',
  'rev.ai',
  // A company's trust centre and site, and a vendor its followed list names (tests/browser/follow.test.ts).
  'trust.acme.com',
  'www.acme.com',
  'vendor-1.example',
  // A page that refuses extensions' scripts (the browser's own store).
  'chromewebstore.google.com',
] as const;

/** Answers one request; it owns the response (it may also never end it, to test timeouts). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Sites {
  port: number;
  /** Every request's host and path, in order (for tests that check the browser really came here). */
  requests: string[];
  /** Serves `host + path` (no query) with `handler` from now on; null gives it back to the test page. */
  route(hostAndPath: string, handler: RouteHandler | null): void;
  close(): Promise<void>;
}

/** The https URL of a test page; every host resolves to the local server. */
export function testUrl(host: string, path = '/'): string {
  return `https://${host}${path}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(host: string, path: string): string {
  const url = new URL(path, `https://${host}`);
  const to = url.pathname === '/link' ? url.searchParams.get('to') : null;
  const body = to ? `<a id="link" href="${escapeHtml(to)}">${escapeHtml(to)}</a>` : '<p>A test page.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(host + url.pathname)}</title></head><body><h1>${escapeHtml(host)}</h1>${body}</body></html>`;
}

export async function startSites(): Promise<Sites> {
  const requests: string[] = [];
  const routes = new Map<string, RouteHandler>();
  const { key, cert } = selfSignedCertificate([...TEST_HOSTS, '*.herokuapp.com', 'localhost']);
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? 'unknown').replace(/:\d+$/, '');
    requests.push(`${host}${req.url ?? '/'}`);
    const handler = routes.get(`${host}${(req.url ?? '/').split('?')[0]}`);
    if (handler) {
      handler(req, res);
      return;
    }
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(host, req.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    route: (hostAndPath, handler) => {
      if (handler) routes.set(hostAndPath, handler);
      else routes.delete(hostAndPath);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

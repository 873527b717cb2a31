// Vendor and other sites without the network: one local https server answers for every host the
// browser is pointed at (Chromium by --host-resolver-rules, Firefox by a proxy; see the launchers).
// Each page names its host and path, so a test can see where it landed; /link?to=URL is a page with
// one link, for navigations a user makes by clicking.
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
] as const;

export interface Sites {
  port: number;
  /** Every request's host and path, in order (for tests that check the browser really came here). */
  requests: string[];
  close(): Promise<void>;
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
  const { key, cert } = selfSignedCertificate([...TEST_HOSTS, '*.herokuapp.com', 'localhost']);
  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? 'unknown').replace(/:\d+$/, '');
    requests.push(`${host}${req.url ?? '/'}`);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

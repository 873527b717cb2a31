// A fake fetch for redirect tests: each address answers with a body as if the browser had followed
// redirects to `to` (the Response's url is where the list really came from, as fetch reports it).
// Extension files come from the fake browser; any other address fails as offline.
import { fakeBrowser } from './fake-browser';

export interface RedirectRoute {
  /** The final URL after redirects; the asked address itself when there was none. */
  to: string;
  body: string;
}

export function redirectingFetch(routes: Record<string, RedirectRoute>) {
  const asked: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith('chrome-extension://')) return fakeBrowser.fetch(input);
    asked.push(url);
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    const response = new Response(route.body, {
      headers: { 'content-type': 'text/markdown; charset=utf-8' },
    });
    Object.defineProperty(response, 'url', { value: route.to });
    return response;
  };
  return { fetch, asked };
}

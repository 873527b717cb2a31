// A polite, bounded fetch of a list's source URL. It uses only the global fetch, so the same code
// runs in the service worker, in extension pages and in Node (tests). It never throws: every outcome
// is a typed result the caller can store, show and schedule a retry from.

export const DEFAULT_TIMEOUT_MS = 20_000;
/** A few MB: the largest real subprocessor pages are well under 1 MB; parse stops at 5 M chars. */
export const DEFAULT_MAX_BYTES = 5_000_000;

// Only CORS-safelisted characters: Accept must not trigger a preflight on its own.
const ACCEPT = 'text/html, text/markdown;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5';

export interface FetchListOptions {
  /** The ETag and Last-Modified of the last good fetch: an unchanged list then costs a 304. */
  etag?: string | null;
  lastModified?: string | null;
  /**
   * Send If-None-Match / If-Modified-Since (default true). They are not CORS-safelisted headers, so
   * a cross-origin fetch without host permission needs a preflight the server may refuse; pass false
   * there (the browser's own cache still revalidates, invisibly to us).
   */
  conditional?: boolean;
  /** For the whole exchange, body included. */
  timeoutMs?: number;
  /** Enforced while the body streams in, whatever Content-Length says. */
  maxBytes?: number;
  /** The caller's own cancel (the options page closes, a newer refresh starts). */
  signal?: AbortSignal;
  /**
   * Asked when the source redirects to another origin: whether that origin may be read (its host
   * permission, like any source's). False refuses the list before its body is read. Without it,
   * any origin is followed.
   */
  mayRead?: (finalUrl: string) => Promise<boolean>;
}

interface Base {
  /** The URL asked for. */
  url: string;
}

export type FetchListResult =
  | (Base & {
      kind: 'ok';
      status: number;
      /** Where the list really came from, after redirects. */
      finalUrl: string;
      text: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      bytes: number;
    })
  | (Base & { kind: 'not-modified'; etag: string | null; lastModified: string | null })
  | (Base & { kind: 'http-error'; status: number; retryAfterMs: number | null; message: string })
  | (Base & { kind: 'network-error'; message: string })
  | (Base & { kind: 'timeout'; timeoutMs: number; message: string })
  | (Base & { kind: 'too-large'; maxBytes: number; message: string })
  | (Base & { kind: 'invalid-url'; message: string })
  /** An https source redirected to plain http: anyone on the path could have written the list. */
  | (Base & { kind: 'insecure-redirect'; finalUrl: string; message: string })
  /** Redirected to another origin that mayRead refused. */
  | (Base & { kind: 'redirect-refused'; finalUrl: string; message: string })
  | (Base & { kind: 'aborted'; message: string });

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function httpUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8'); // an unknown label: UTF-8 is what the web mostly sends
  }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Reads the body up to maxBytes; null when it is larger (the rest is never downloaded). */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

async function readResponse(
  url: string,
  response: Response,
  options: FetchListOptions,
  maxBytes: number,
): Promise<FetchListResult> {
  const header = (name: string) => response.headers.get(name);
  if (response.status === 304) {
    await discard(response);
    return {
      url,
      kind: 'not-modified',
      etag: header('etag') ?? options.etag ?? null,
      lastModified: header('last-modified') ?? options.lastModified ?? null,
    };
  }
  if (!response.ok) {
    await discard(response);
    const reason = response.statusText ? ` ${response.statusText}` : '';
    return {
      url,
      kind: 'http-error',
      status: response.status,
      retryAfterMs: parseRetryAfter(header('retry-after')),
      message: `The source answered HTTP ${response.status}${reason}.`,
    };
  }
  const tooLarge = (): FetchListResult => ({
    url,
    kind: 'too-large',
    maxBytes,
    message: `The source sent more than ${megabytes(maxBytes)}, more than a subprocessor list can be.`,
  });
  const declared = Number(header('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await discard(response);
    return tooLarge();
  }
  const body = await readBounded(response, maxBytes);
  if (!body) return tooLarge();
  const contentType = header('content-type');
  return {
    url,
    kind: 'ok',
    status: response.status,
    finalUrl: response.url || url,
    text: decoderFor(contentType).decode(body),
    contentType,
    etag: header('etag'),
    lastModified: header('last-modified'),
    bytes: body.byteLength,
  };
}

export async function fetchList(url: string, options: FetchListOptions = {}): Promise<FetchListResult> {
  const target = httpUrl(url);
  if (!target) return { url, kind: 'invalid-url', message: 'Only http and https addresses can be fetched.' };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) controller.abort();

  const headers: Record<string, string> = { Accept: ACCEPT };
  if (options.conditional !== false) {
    if (options.etag) headers['If-None-Match'] = options.etag;
    if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  }
  const validating = 'If-None-Match' in headers || 'If-Modified-Since' in headers;
  try {
    const response = await fetch(target, {
      headers,
      signal: controller.signal,
      // With our own validators the 304 must reach us, not be answered from the HTTP cache.
      cache: validating ? 'no-store' : 'no-cache',
      // Source pages are public: the user's cookies for that site are none of its business here.
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'follow',
    });
    const refused = await refusedRedirect(target, response, options);
    if (refused) {
      await discard(response);
      return refused;
    }
    return await readResponse(url, response, options, maxBytes);
  } catch (error) {
    if (timedOut) {
      return {
        url,
        kind: 'timeout',
        timeoutMs,
        message: `The source did not answer within ${timeoutMs / 1000} s.`,
      };
    }
    if (options.signal?.aborted) return { url, kind: 'aborted', message: 'The fetch was cancelled.' };
    return { url, kind: 'network-error', message: networkMessage(error) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** Where a redirect may not lead: from https to http, or to an origin the caller may not read. */
async function refusedRedirect(
  target: URL,
  response: Response,
  options: FetchListOptions,
): Promise<FetchListResult | null> {
  const final = response.url ? httpUrl(response.url) : null;
  if (!final || final.href === target.href) return null;
  const url = target.href;
  if (target.protocol === 'https:' && final.protocol !== 'https:') {
    return {
      url,
      kind: 'insecure-redirect',
      finalUrl: final.href,
      message: `The https source redirected to a plain http address (${final.origin}); the list was not read.`,
    };
  }
  if (final.origin !== target.origin && options.mayRead && !(await options.mayRead(final.href))) {
    return {
      url,
      kind: 'redirect-refused',
      finalUrl: final.href,
      message: `The source redirected to ${final.origin}, which the extension has no permission to read.`,
    };
  }
  return null;
}

// Node puts the reason (ECONNREFUSED, ENOTFOUND) in error.cause; browsers say only "Failed to fetch".
function networkMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
  return `The source could not be reached${code}: offline, a wrong address, or the site refused the connection.`;
}

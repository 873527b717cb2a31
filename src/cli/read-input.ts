// The CLI's input: a file path, "-" for standard input, or an http(s) URL (bounded fetch).
import { readFile } from 'node:fs/promises';

export interface Input {
  text: string;
  url: string | null;
  contentType: string | null;
}

const MAX_BYTES = 5_000_000;
const TIMEOUT_MS = 15_000;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The body, read in chunks and abandoned past the limit: a hostile server cannot fill memory. */
async function readBounded(response: Response, target: string): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new Error(`${target} is over ${MAX_BYTES} bytes`);
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks);
}

async function fetchInput(target: string): Promise<Input> {
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (e) {
    // fetch says only "fetch failed"; the reason (refused, DNS, timeout) is its cause.
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    throw new Error(`cannot fetch ${target}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
  }
  if (!response.ok)
    throw new Error(`${target} answered HTTP ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) throw new Error(`${target} is ${length} bytes; the limit is ${MAX_BYTES}`);
  const body = await readBounded(response, target);
  return {
    text: new TextDecoder().decode(body),
    // After redirects the list is the final page's: its host names the publisher.
    url: response.url || target,
    contentType: response.headers.get('content-type'),
  };
}

export async function readInput(target: string): Promise<Input> {
  if (target === '-') return { text: await readStdin(), url: null, contentType: null };
  if (/^https?:\/\//i.test(target)) return await fetchInput(target);
  try {
    const text = await readFile(target, 'utf8');
    return {
      text,
      url: null,
      contentType: target.endsWith('.json')
        ? 'application/json'
        : target.match(/\.html?$/)
          ? 'text/html'
          : null,
    };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `no such file: ${target}` : `cannot read ${target}: ${(e as Error).message}`,
    );
  }
}

// The CLI's input: a file path, "-" for standard input, or an http(s) URL. Every one is read in
// chunks and abandoned past the limit, so a 300 MB file or an endless pipe cannot fill memory.
import { createReadStream } from 'node:fs';

export interface Input {
  text: string;
  url: string | null;
  contentType: string | null;
  /** The file's name, whose extension tells the parser the format (.yml, .vue, .pdf …). */
  fileName: string | null;
}

export const MAX_BYTES = 5_000_000;
const TIMEOUT_MS = 15_000;

const tooLarge = (target: string) => new Error(`${target} is over ${MAX_BYTES} bytes`);

/** Chunks of a stream up to the limit; past it the stream is dropped and the input refused. */
async function readCapped(
  chunks: AsyncIterable<Uint8Array>,
  target: string,
  stop: () => Promise<void> | void,
): Promise<string> {
  const kept: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) {
      await stop();
      throw tooLarge(target);
    }
    kept.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(kept));
}

async function* bodyChunks(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncIterable<Uint8Array> {
  for (let part = await reader.read(); !part.done; part = await reader.read()) yield part.value;
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
  const reader = response.body?.getReader();
  const text = reader ? await readCapped(bodyChunks(reader), target, () => reader.cancel()) : '';
  return {
    text,
    // After redirects the list is the final page's: its host names the publisher.
    url: response.url || target,
    contentType: response.headers.get('content-type'),
    fileName: null,
  };
}

async function readFileInput(target: string): Promise<Input> {
  const stream = createReadStream(target, { highWaterMark: 1 << 16 });
  try {
    const text = await readCapped(stream, target, () => {
      stream.destroy();
    });
    return { text, url: null, contentType: null, fileName: target };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`no such file: ${target}`);
    if (code) throw new Error(`cannot read ${target}: ${(e as Error).message}`);
    throw e;
  }
}

export async function readInput(target: string): Promise<Input> {
  if (target === '-') {
    const text = await readCapped(process.stdin, target, () => {
      process.stdin.destroy();
    });
    return { text, url: null, contentType: null, fileName: null };
  }
  if (/^https?:\/\//i.test(target)) return await fetchInput(target);
  return await readFileInput(target);
}

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

export async function readInput(target: string): Promise<Input> {
  if (target === '-') return { text: await readStdin(), url: null, contentType: null };
  if (/^https?:\/\//i.test(target)) {
    const response = await fetch(target, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    if (!response.ok)
      throw new Error(`${target} answered HTTP ${response.status} ${response.statusText}`.trim());
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) throw new Error(`${target} is ${length} bytes; the limit is ${MAX_BYTES}`);
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_BYTES) throw new Error(`${target} is over ${MAX_BYTES} bytes`);
    return {
      text: new TextDecoder().decode(body),
      url: target,
      contentType: response.headers.get('content-type'),
    };
  }
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

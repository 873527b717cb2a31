// The read views are stored as gzip-compressed JSON in base64 text. Two reasons, both measured in
// Chromium with a 10,000-vendor register (bench/README.md): storage.local reads strings far faster
// than the same data as objects (one string to copy instead of a graph to convert: the whole register
// as one compressed string in 4 ms, as objects in 580 ms), and compression keeps the views within the
// 10 MB that storage.local allows without the unlimitedStorage permission (1.6 MB of views beside the
// 7.1 MB record). The gzip trailer's checksum makes damaged text fail to unpack instead of reading as
// other data.

type Base64Codec = {
  fromBase64?: (text: string) => Uint8Array;
};

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Bytes go straight into the stream's writer: wrapping them in a Blob first costs a round trip to
// Chromium's blob registry each, 3 ms a shard against 0.2 ms (measured in a popup page).
function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Response {
  const writer = stream.writable.getWriter();
  // Errors (damaged input) surface on the readable side, which the caller reads.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return new Response(stream.readable);
}

/** JSON -> gzip -> base64. */
export async function packJson(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const zipped = await through(json, new CompressionStream('gzip')).arrayBuffer();
  return toBase64(new Uint8Array(zipped));
}

/** packJson of each value `make` gives, at most `width` at a time; in the order of `make`. */
export async function packEach(make: readonly (() => unknown)[], width: number): Promise<string[]> {
  const out: string[] = new Array(make.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < make.length; i = next++) out[i] = await packJson((make[i] as () => unknown)());
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, make.length)) }, worker));
  return out;
}

/** The value packJson packed; throws for anything else (not text, not base64, damaged, not JSON). */
export async function unpackJson(text: unknown): Promise<unknown> {
  if (typeof text !== 'string') throw new Error('not packed text');
  const bytes = fromBase64(text) as Uint8Array<ArrayBuffer>;
  return JSON.parse(await through(bytes, new DecompressionStream('gzip')).text());
}

// A minimal WebDriver BiDi client (https://w3c.github.io/webdriver-bidi/) over a WebSocket: enough to
// drive Firefox, which speaks BiDi natively (no geckodriver needed). Commands resolve with their
// result or reject with the browser's error message.
import WebSocket from 'ws';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

type Message =
  | { type: 'success'; id: number; result: unknown }
  | { type: 'error'; id: number | null; error: string; message: string }
  | { type: 'event'; method: string; params: unknown };

/** A BiDi remote value (the result of script.evaluate), as far as these tests read it. */
export type RemoteValue = { type: string; value?: unknown };

export class BidiClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as Message));
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('BiDi connection closed'));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<BidiClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(new BidiClient(socket)));
      socket.once('error', reject);
    });
  }

  private receive(message: Message): void {
    if (message.type === 'event' || message.id === null) return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.type === 'success') waiting.resolve(message.result);
    else waiting.reject(new Error(`${message.error}: ${message.message}`));
  }

  send<T>(method: string, params: object = {}, timeoutMs = 30_000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Evaluates an expression (awaiting a promise) in a browsing context; throws its exception text. */
  async evaluate(context: string, expression: string): Promise<RemoteValue> {
    const result = await this.send<
      { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } }
    >('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (result.type === 'exception') throw new Error(`in page: ${result.exceptionDetails.text}`);
    return result.result;
  }

  close(): void {
    this.socket.close();
  }
}

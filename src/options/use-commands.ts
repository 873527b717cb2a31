// One command at a time from the sources section: which one is running (for its button's busy
// state) and how the last one ended (for the live region that announces it).
import { useRef, useState } from 'preact/hooks';
import { type Reply, replyFailed, replyText } from '../platform/source-types';

export interface Announcement {
  text: string;
  tone: 'info' | 'error';
}

export interface Commands {
  /** The key of the running command (e.g. "refresh:dovetail"), or null. */
  busy: string | null;
  announcement: Announcement | null;
  announce(announcement: Announcement): void;
  /** Runs a command unless another one is running; resolves to its reply (null when not run). */
  run(key: string, command: () => Promise<Reply>): Promise<Reply | null>;
  /** Whether one of this page's commands was running at `time` (ms): work the worker started then
   * is this page's, and its reply announces how it ended. */
  ranAt(time: number): boolean;
}

export function replyTone(reply: Reply): Announcement['tone'] {
  return replyFailed(reply) ? 'error' : 'info';
}

export function useCommands(): Commands {
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, announce] = useState<Announcement | null>(null);
  // A ref as well as state: two clicks in one frame must not both start.
  const running = useRef(false);
  const spans = useRef<{ from: number; to: number }[]>([]);
  const run = async (key: string, command: () => Promise<Reply>) => {
    if (running.current) return null;
    running.current = true;
    const span = { from: Date.now(), to: Number.POSITIVE_INFINITY };
    spans.current = [...spans.current.slice(-9), span];
    setBusy(key);
    try {
      const reply = await command();
      announce({ text: replyText(reply), tone: replyTone(reply) });
      return reply;
    } catch (error) {
      // Commands answer failures in their reply; this is only for a broken binding.
      announce({ text: error instanceof Error ? error.message : String(error), tone: 'error' });
      return null;
    } finally {
      span.to = Date.now();
      running.current = false;
      setBusy(null);
    }
  };
  const ranAt = (time: number) => spans.current.some((s) => s.from <= time && time <= s.to);
  return { busy, announcement, announce, run, ranAt };
}

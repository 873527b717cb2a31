// One command at a time from the sources section: which one is running (for its button's busy
// state) and how the last one ended (for the live region that announces it).
import { useRef, useState } from 'preact/hooks';
import type { Reply } from '../platform/messages';
import { attemptFailed } from '../platform/source-types';
import { replyText } from './actions';

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
}

export function replyTone(reply: Reply): Announcement['tone'] {
  return !reply.ok || reply.reports.some((r) => attemptFailed(r.outcome)) ? 'error' : 'info';
}

export function useCommands(): Commands {
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, announce] = useState<Announcement | null>(null);
  // A ref as well as state: two clicks in one frame must not both start.
  const running = useRef(false);
  const run = async (key: string, command: () => Promise<Reply>) => {
    if (running.current) return null;
    running.current = true;
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
      running.current = false;
      setBusy(null);
    }
  };
  return { busy, announcement, announce, run };
}

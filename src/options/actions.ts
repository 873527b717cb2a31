// What the refresh views can ask for. The entry point (index.tsx) binds these to the platform
// (messages.ts, permissions.ts); component tests pass fakes. Every command resolves to a Reply whose
// message is already translated, and never throws.
import type { Reply } from '../platform/messages';

export interface RefreshActions {
  refresh(sourceId: string | 'all'): Promise<Reply>;
  /** Asks the browser for the URL's origin. Must be called straight from a click or submit handler. */
  requestOrigin(url: string): Promise<boolean>;
  addSource(url: string): Promise<Reply>;
  removeSource(id: string): Promise<Reply>;
  confirmHeld(id: string): Promise<Reply>;
  discardHeld(id: string): Promise<Reply>;
  importList(text: string, fileName: string): Promise<Reply>;
  /** The merged register as v1 JSON text. */
  exportRegister(): Promise<string>;
}

/** A reply as one sentence for a live region: the command's own message, else each source's. */
export function replyText(reply: Reply): string {
  if (!reply.ok || reply.reports.length === 0) return reply.message;
  if (reply.reports.length === 1) return reply.reports[0]?.message ?? reply.message;
  return reply.reports.map((r) => `${r.title}: ${r.message}`).join(' ');
}

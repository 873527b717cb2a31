// What the refresh views can ask for. The entry point (index.tsx) binds these to the platform
// (messages.ts, permissions.ts); component tests pass fakes. Every command resolves to a Reply whose
// message is already translated, and never throws.
import type { Reply } from '../platform/source-types';

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

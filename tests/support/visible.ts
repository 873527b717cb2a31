// Text as a reader sees it, for assertions on sentences that carry list text in Unicode isolates
// (core/isolate.ts): pages, the badge's title, notifications and stored messages.

/** The text without the invisible isolates around list text, line breaks kept. */
export function withoutIsolates(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u2066-\u2069]/g, '');
}

/** The text without the invisible isolates around list text, whitespace folded. */
export function visible(text: string | null | undefined): string {
  return withoutIsolates(text).replace(/\s+/g, ' ').trim();
}

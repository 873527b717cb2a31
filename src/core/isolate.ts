// List text placed inside one of our sentences (a page, the badge's title, a notification) is
// wrapped in Unicode first-strong isolates (U+2068 ... U+2069, UAX #9), so a right-to-left vendor
// name, or direction controls in it, cannot reorder the sentence around it.

/** The text between FSI and PDI: its direction stays inside. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

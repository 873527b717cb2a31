// Cleaning of free text from untrusted lists: one line, no control or bidi-override characters,
// bounded length, and the list splitting that subprocessor pages use ("a, b, and c.").

// C0/C1 controls (tab, newline and the like) separate words: they become spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible characters are removed: every Default_Ignorable_Code_Point (the bidi marks,
// embeddings, overrides and isolates of Trojan Source, CVE-2021-42574; zero-width spaces and
// joiners; the soft hyphen; variation selectors FE00-FE0F and E0100-E01EF; the tag characters
// E0000-E007F; Hangul fillers 115F, 1160, 3164, FFA0; deprecated format characters 206A-206F),
// so "Str\u200bipe" and "Str\u{E0073}ipe" read "Stripe". Emoji lose their joiners and
// presentation selectors ("👩‍💻" reads as two emoji): harmless in a list's text.
const INVISIBLE_CHARS = /\p{Default_Ignorable_Code_Point}/gu;

export const MAX_TEXT = 2000;
export const MAX_NAME = 200;

/** One line of display text: unsafe characters out, whitespace runs folded, length bounded. */
export function cleanText(raw: string, max = MAX_TEXT): string {
  const folded = raw.replace(INVISIBLE_CHARS, '').replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (folded.length <= max) return folded;
  return `${[...folded.slice(0, max)].slice(0, -1).join('')}…`;
}

/** Removes leading and trailing characters of a set, and whitespace. A loop: the regex form
 * /^[set]+|[set]+$/g backtracks quadratically on a long run of them inside the text. */
export function trimSet(text: string, leading: string, trailing: string = leading): string {
  const isIn = (set: string, ch: string | undefined) =>
    ch !== undefined && (set.includes(ch) || /\s/.test(ch));
  let start = 0;
  let end = text.length;
  while (start < end && isIn(leading, text[start])) start++;
  while (end > start && isIn(trailing, text[end - 1])) end--;
  return text.slice(start, end);
}

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** Drops the sentence's closing full stop: "Seattle, United States." -> "Seattle, United States",
 * but an abbreviation keeps its own: "U.S.", "U.K.". */
export function stripTrailingStop(text: string): string {
  // A loop, not /[\s.;,]+$/, which backtracks quadratically on a long run of dots mid-text.
  let end = text.length;
  while (end > 0 && /[\s.;,]/.test(text[end - 1] ?? '')) end--;
  const kept = text.slice(0, end);
  const abbreviation =
    text[end] === '.' &&
    isLetter(kept.at(-1)) &&
    kept.at(-2) === '.' &&
    !isLetter(kept.at(-4)) &&
    isLetter(kept.at(-3));
  return abbreviation ? `${kept}.` : kept;
}

/**
 * Splits "User name, email address, and IP address." into its items. Commas and semicolons
 * separate items, except inside parentheses; a leading "and"/"or" on an item is dropped.
 * A lone "a and b" stays one item: "Billing contact name and email address" is one phrase.
 */
export function splitList(raw: string): string[] {
  const text = stripTrailingStop(cleanText(raw));
  if (!text || /^(none|n\/a|-|—)$/i.test(text)) return [];
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items
    .map((item) => stripTrailingStop(item.trim().replace(/^(and|or|&)\s+/i, '')))
    .filter((item) => item.length > 0);
}

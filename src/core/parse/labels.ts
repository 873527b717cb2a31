// Label, heading and document words of lists in other languages, read from assets/data/list-labels.json.
// English lives in fields.ts (its rules are older and ordered); these tables answer when it does not.
import data from '../../../assets/data/list-labels.json';
import type { FieldKey } from './fields';

type LabelField = FieldKey;
const FIELDS: LabelField[] = ['dpa', 'certifications', 'location', 'data', 'website', 'name', 'use'];

// Japanese and Korean write compounds without spaces: their words match anywhere.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /[\p{L}\p{N}]/u;

interface Language {
  head: 'first' | 'last';
  words: [LabelField, string, boolean][];
  list: string[];
  documents: string[];
}

const LANGUAGES: Language[] = Object.values(data.languages).map((lang) => ({
  head: lang.head === 'last' ? 'last' : 'first',
  words: FIELDS.flatMap((field) =>
    (lang[field] ?? []).map((w): [LabelField, string, boolean] => [field, w, CJK.test(w)]),
  ),
  list: lang.list,
  documents: lang.documents,
}));

export function foldLabel(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Where `word` starts in `text` at a word start (anywhere for CJK words), or -1. */
function wordAt(text: string, word: string, anywhere = CJK.test(word)): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (anywhere || at === 0 || !LETTER.test(text[at - 1] ?? '')) return at;
  }
  return -1;
}

/**
 * The field a label in another language names. A label can hold words of two fields ("Zweck der
 * Datenverarbeitung", "データの保存場所"): the noun that heads the phrase decides, which comes
 * first in European languages and last in Japanese and Korean.
 */
export function foreignLabel(label: string): FieldKey | null {
  const text = foldLabel(label);
  if (!text || text.length > 60) return null;
  for (const lang of LANGUAGES) {
    let best: { field: LabelField; at: number; end: number } | null = null;
    for (const [field, word, anywhere] of lang.words) {
      const at = wordAt(text, word, anywhere);
      if (at < 0) continue;
      const end = at + word.length;
      const better =
        !best ||
        (lang.head === 'first'
          ? at < best.at || (at === best.at && end > best.end)
          : end > best.end || (end === best.end && at < best.at));
      if (better) best = { field, at, end };
    }
    if (best) return best.field;
  }
  return null;
}

/** A heading that names the list itself ("Liste der Unterauftragsverarbeiter", "委託先一覧"). */
export function isListHeading(heading: string): boolean {
  const text = foldLabel(heading);
  return LANGUAGES.some((lang) => lang.list.some((word) => wordAt(text, word) >= 0));
}

/** Document words of every language, for link texts such as "Acme Auftragsverarbeitungsvertrag". */
export const FOREIGN_DOCUMENT_WORDS: readonly string[] = LANGUAGES.flatMap((lang) => lang.documents);

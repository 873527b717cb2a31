// Typo tolerance for the candidate filter: how many edits (insert, delete, substitute, swap two
// neighbours) turn a query term into the start of a word. "strpe" is 1 from "stripe", "mixpnl" 2
// from "mixpanel"; "strp" (still typing) is 1 from "strip", the start of "stripe".

const ROW = 64;
const rows = [new Int32Array(ROW), new Int32Array(ROW), new Int32Array(ROW)];

/** The fewest edits from `term` to any prefix of `word`, or `max + 1` when it is more than `max`. */
export function prefixDistance(term: string, word: string, max: number): number {
  const m = term.length;
  // Prefixes longer than the term plus `max` can only cost more.
  const n = Math.min(word.length, m + max, ROW - 1);
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const a = term.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const b = word.charCodeAt(j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a === b ? 0 : 1),
      );
      if (i > 1 && j > 1 && a === word.charCodeAt(j - 2) && term.charCodeAt(i - 2) === b)
        d = Math.min(d, (before[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  let best = max + 1;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}

/** Edits a term of this length may contain and still be the word meant: none up to 3 letters. */
export function typoBudget(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : 2;
}

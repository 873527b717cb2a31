// Markdown lists: front matter read here, the rest rendered by marked (GFM tables included)
// and read by the same HTML reader, so markdown and its rendered page give one result.
import { Marked } from 'marked';
import { findDate } from '../normalize/date';
import { splitFrontMatter } from './front-matter';
import { type HtmlRead, readHtml } from './html';

const marked = new Marked({ gfm: true, async: false });

/**
 * Table rows pasted from spreadsheets carry tabs and indentation: marked reads a tab-separated
 * delimiter row as text and an indented row as code. A line with a pipe is a row to us, so its
 * tabs become spaces and a leading pipe starts the line.
 */
export function tidyTableRows(body: string): string {
  return body
    .split('\n')
    .map((line) => {
      if (!line.includes('|')) return line;
      const spaced = line.replace(/\t/g, ' ');
      const trimmed = spaced.trimStart();
      return trimmed.startsWith('|') ? trimmed : spaced;
    })
    .join('\n');
}

// marked re-reads a nested container's lines once per level: a list nested 2,000 deep took
// 100 s, and a line of 10,000 "> " overflowed the stack. Lists in the wild nest two or three
// deep, so deeper structure is flattened before marked sees it.
const MAX_INDENT = 16;
const MAX_MARKERS = 8;

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Where a block-container marker ("> ", "- ", "* ", "+ ", "12. ", "3) ") that starts at `at` ends. */
function markerEnd(line: string, at: number): number {
  let i = at;
  const ch = line[i];
  if (ch === '>') i++;
  else if ((ch === '-' || ch === '*' || ch === '+') && isBlank(line[i + 1])) i++;
  else {
    while (i - at < 9 && isDigit(line[i])) i++;
    if (i === at || (line[i] !== '.' && line[i] !== ')') || !isBlank(line[i + 1])) return -1;
    i++;
  }
  while (isBlank(line[i])) i++;
  return i;
}

/** Caps a line's indentation and its run of container markers; the text itself is kept. */
export function boundLine(line: string): string {
  let i = 0;
  let column = 0;
  while (isBlank(line[i])) {
    column = line[i] === '\t' ? column + 4 - (column % 4) : column + 1;
    i++;
  }
  const indent = column > MAX_INDENT ? ' '.repeat(MAX_INDENT) : line.slice(0, i);
  let markers = 0;
  let kept = i;
  let end = i;
  for (let next = markerEnd(line, end); next > end; next = markerEnd(line, end)) {
    end = next;
    if (++markers <= MAX_MARKERS) kept = end;
  }
  if (indent.length === i && kept === end) return line;
  return indent + line.slice(i, kept) + line.slice(end);
}

// marked's emphasis matching is quadratic in a line's length when the line is full of "*" or
// "_" ("_a_" repeated over 100 KB took 29 s). A line with more delimiters than any real list
// writes has them escaped: its text stays, its emphasis goes.
const MAX_EMPHASIS = 64;

export function calmEmphasis(line: string): string {
  let count = 0;
  for (let i = 0; i < line.length && count <= MAX_EMPHASIS; i++) {
    if (line[i] === '*' || line[i] === '_') count++;
  }
  return count > MAX_EMPHASIS ? line.replace(/(?<!\\)[*_]/g, '\\$&') : line;
}

export function boundNesting(body: string): string {
  return body
    .split('\n')
    .map((line) => calmEmphasis(boundLine(line)))
    .join('\n');
}

export function readMarkdown(text: string): HtmlRead {
  const { data, body } = splitFrontMatter(text);
  const html = marked.parse(boundNesting(tidyTableRows(body))) as string;
  const read = readHtml(html);
  const fmDate = data.date ?? data.updated ?? data.lastmod ?? data.last_updated;
  return {
    ...read,
    title: data.title ?? read.title,
    updated: (fmDate ? findDate(fmDate, { monthOnly: true }) : null) ?? read.updated,
  };
}

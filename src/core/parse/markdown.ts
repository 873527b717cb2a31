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

export function readMarkdown(text: string): HtmlRead {
  const { data, body } = splitFrontMatter(text);
  const html = marked.parse(tidyTableRows(body)) as string;
  const read = readHtml(html);
  const fmDate = data.date ?? data.updated ?? data.lastmod ?? data.last_updated;
  return {
    raws: read.raws,
    title: data.title ?? read.title,
    updated: (fmDate ? findDate(fmDate) : null) ?? read.updated,
  };
}

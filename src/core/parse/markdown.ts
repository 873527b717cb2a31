// Markdown lists: front matter read here, the rest rendered by marked (GFM tables included)
// and read by the same HTML reader, so markdown and its rendered page give one result.
import { Marked } from 'marked';
import { findDate } from '../normalize/date';
import { splitFrontMatter } from './front-matter';
import { type HtmlRead, readHtml } from './html';

const marked = new Marked({ gfm: true, async: false });

export function readMarkdown(text: string): HtmlRead {
  const { data, body } = splitFrontMatter(text);
  // A tab-indented table row is still a row, not a code block.
  const html = marked.parse(body.replace(/^\t+(?=\|)/gm, '')) as string;
  const read = readHtml(html);
  const fmDate = data.date ?? data.updated ?? data.lastmod ?? data.last_updated;
  return {
    raws: read.raws,
    title: data.title ?? read.title,
    updated: (fmDate ? findDate(fmDate) : null) ?? read.updated,
  };
}

// Which reader an input goes to: by what the server or the file name declares, then by its shape.
// One home for "is this JSON, YAML, HTML, markdown, a page template or a PDF".

export type DetectedFormat = 'json' | 'yaml' | 'html' | 'component' | 'markdown' | 'pdf';

export interface FormatHints {
  contentType?: string | null | undefined;
  /** The source address or the file's name: its extension says what a text/plain body is
   * (raw.githubusercontent.com serves `_data/subprocessors.yml` as text/plain). */
  url?: string | null | undefined;
  fileName?: string | null | undefined;
}

const BY_EXTENSION: Record<string, DetectedFormat> = {
  json: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  vue: 'component',
  svelte: 'component',
  astro: 'component',
  jsx: 'component',
  tsx: 'component',
  pdf: 'pdf',
};

function extensionOf(name: string | null | undefined): string | null {
  if (!name) return null;
  let path = name;
  try {
    path = new URL(name).pathname;
  } catch {
    // a file name, not a URL
  }
  const m = /\.([a-z0-9]{2,8})$/i.exec(path.split(/[?#]/)[0] ?? '');
  return m?.[1]?.toLowerCase() ?? null;
}

/** The format the server's content type or the name's extension declares, if any. */
export function declaredFormat(hints: FormatHints): DetectedFormat | null {
  const ct = (hints.contentType ?? '').toLowerCase();
  if (ct.includes('pdf')) return 'pdf';
  if (ct.includes('json')) return 'json';
  if (ct.includes('yaml')) return 'yaml';
  const ext = extensionOf(hints.fileName) ?? extensionOf(hints.url);
  const byName = ext ? BY_EXTENSION[ext] : undefined;
  // A server's text/html beats a URL's extension; a file's own extension beats a generic type.
  if (ct.includes('html') && !hints.fileName) return byName === 'component' ? 'component' : 'html';
  return byName ?? (ct.includes('html') ? 'html' : null);
}

// "- name: Acme" or "vendors:" opening the text, after comments: the shape of _data/*.yml.
const YAML_START = /^(?:-[ \t]+)?[A-Za-z_][\w -]{0,40}:(?:[ \t]|$)/;
const HTML_START = /^(<!doctype|<html|<head|<body|<meta|<table|<main|<div|<section|<article)/i;
// A component file: a Vue single-file component, or a Svelte one that opens with its script; an
// Astro one whose fence holds code; a JSX module that returns markup.
const COMPONENT_START = /^<(template|script)\b/i;
const ASTRO_START = /^---\r?\n\s*(import|export|const|let)\s/;
const MODULE_START = /^(import|export)\s/;
const JSX_RETURN = /(?:\breturn|=>)\s*\(\s*</;

function firstLine(text: string): string {
  for (const line of text.slice(0, 4000).split('\n')) {
    const t = line.trim();
    if (t && !t.startsWith('#')) return t;
  }
  return '';
}

export function detectFormat(text: string, hints: FormatHints = {}): DetectedFormat {
  const head = text.trimStart().slice(0, 200);
  if (head.startsWith('%PDF-')) return 'pdf';
  const named = declaredFormat(hints);
  if (named) return named;
  if (/^[[{]/.test(head)) return 'json';
  if (HTML_START.test(head)) return 'html';
  if (COMPONENT_START.test(head) || ASTRO_START.test(head)) return 'component';
  if (MODULE_START.test(head) && JSX_RETURN.test(text.slice(0, 200_000))) return 'component';
  // Front matter opens with "---" as well: such text is markdown, read below.
  if (!head.startsWith('---') && YAML_START.test(firstLine(text))) return 'yaml';
  return 'markdown';
}

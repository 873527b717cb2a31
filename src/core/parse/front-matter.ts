// The flat YAML front matter of static-site markdown ("title:", "date:"): only scalar keys.

export interface FrontMatter {
  data: Record<string, string>;
  body: string;
}

export function splitFrontMatter(text: string): FrontMatter {
  const m = /^\uFEFF?---[ \t]*\r?\n([\s\S]{0,20000}?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: {}, body: text };
  const data: Record<string, string> = {};
  for (const line of (m[1] ?? '').split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv?.[1]) continue;
    data[kv[1].toLowerCase()] = (kv[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { data, body: text.slice(m[0].length) };
}

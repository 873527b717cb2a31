// A page template whose markup holds the list: a Vue single-file component, a Svelte or Astro
// component, a JSX/TSX page. Its markup is cut out of the code around it and read as HTML.

// Vue: the outer <template>, whose content the HTML reader would otherwise skip.
const VUE_OPEN = /<template\b[^<>]{0,500}>/i;
// Astro: the code fence ("---" … "---") before the markup.
const ASTRO_FENCE = /^\s*---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/;
// JSX: markup starts at the first element after a "return (" or "=> (" of the component.
const JSX_START = /(?:\breturn|=>)\s*\(\s*(?=<)/;

/** Drops the {/* … *\/} comments (indexOf, not a lazy regex: that is quadratic on "{/*" runs). */
function withoutComments(markup: string): string {
  let out = '';
  let at = 0;
  for (let open = markup.indexOf('{/*', at); open >= 0; open = markup.indexOf('{/*', at)) {
    const close = markup.indexOf('*/}', open + 3);
    if (close < 0) break;
    out += markup.slice(at, open);
    at = close + 3;
  }
  return out + markup.slice(at);
}

/** JSX writes attributes and comments its own way; the HTML reader needs "class" and no code. */
function htmlOfJsx(markup: string): string {
  return withoutComments(markup)
    .replace(/\bclassName=/g, 'class=')
    .replace(/\{\s*(["'`])([^"'`{}]*)\1\s*\}/g, '$2'); // {" "} and {'text'}
}

/** The markup of a component file; the text unchanged when it is already markup. */
export function componentMarkup(text: string): string {
  const vue = VUE_OPEN.exec(text);
  const close = vue ? text.toLowerCase().lastIndexOf('</template>') : -1;
  if (vue && close > vue.index) return text.slice(vue.index + vue[0].length, close);
  const fence = ASTRO_FENCE.exec(text);
  if (fence) return text.slice(fence[0].length);
  const jsx = JSX_START.exec(text);
  if (jsx) return htmlOfJsx(text.slice(jsx.index + jsx[0].length));
  return text;
}

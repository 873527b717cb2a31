// The content security policy and what it relies on, checked on the real build: the manifest's CSP
// allows only the package's own scripts; the built pages have no inline script or handler; the built
// scripts never compile strings to code; src/ never writes HTML; and Biome's security rules are on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Element, isTag, type Node } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPUP_LAZY } from '../../scripts/build-extension';
import { buildExtensionInto, filesUnder, ROOT } from '../support/build-into';

let out = '';
const BROWSERS = ['chrome', 'firefox'] as const;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'lens-csp-'));
  buildExtensionInto(out);
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

type Manifest = Record<string, unknown> & { content_security_policy?: Record<string, string> };
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const manifests = (): [string, Manifest][] => [
  ['manifest.json', readJson(join(ROOT, 'manifest.json'))],
  ...BROWSERS.map((b): [string, Manifest] => [`${b}/manifest.json`, readJson(join(out, b, 'manifest.json'))]),
];

/** "script-src 'self'; object-src 'none'" -> { 'script-src': ["'self'"], 'object-src': ["'none'"] }. */
function directives(policy: string): Record<string, string[]> {
  const parsed: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed[name.toLowerCase()] = sources;
  }
  return parsed;
}

describe('the content security policy in the manifest (source and both builds)', () => {
  it('allows scripts only from the package and no plugins', () => {
    for (const [name, manifest] of manifests()) {
      const csp = manifest.content_security_policy;
      expect(Object.keys(csp ?? {}), name).toEqual(['extension_pages']);
      const policy = directives(csp?.extension_pages ?? '');
      expect(policy['script-src'], name).toEqual(["'self'"]);
      expect(policy['object-src'], name).toEqual(["'none'"]);
      expect(policy['base-uri'], name).toEqual(["'none'"]);
      // Every source in every directive is a keyword ('self' or 'none'): no host, scheme or wildcard,
      // and no 'unsafe-eval', 'unsafe-inline', 'unsafe-hashes', 'wasm-unsafe-eval' or nonce.
      for (const [directive, sources] of Object.entries(policy))
        for (const source of sources) expect(["'self'", "'none'"], `${name} ${directive}`).toContain(source);
    }
  });

  it('exposes nothing to web pages: no content scripts, web-accessible resources or external messaging', () => {
    for (const [name, manifest] of manifests()) {
      expect(manifest.manifest_version, name).toBe(3);
      for (const key of ['content_scripts', 'web_accessible_resources', 'externally_connectable', 'sandbox'])
        expect(manifest[key], `${name} ${key}`).toBeUndefined();
    }
  });
});

const elements = (node: Node): Element[] =>
  isTag(node)
    ? [node, ...node.children.flatMap(elements)]
    : 'children' in node
      ? (node.children as Node[]).flatMap(elements)
      : [];

describe('the built pages', () => {
  const pages = () =>
    BROWSERS.flatMap((b) =>
      filesUnder(join(out, b))
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(b, f)),
    );

  it("are the popup, the options page and the register, in each build, and Chrome's parser", () => {
    expect(pages()).toEqual([
      'chrome/offscreen.html',
      'chrome/options.html',
      'chrome/popup.html',
      'chrome/register.html',
      'firefox/options.html',
      'firefox/popup.html',
      'firefox/register.html',
    ]);
  });

  it('load scripts only from files in the package, with no inline script, handler or script URL', () => {
    for (const page of pages()) {
      const all = elements(parseDocument(readFileSync(join(out, page), 'utf8')));
      const scripts = all.filter((e) => e.name === 'script');
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const script of scripts) {
        const src = script.attribs.src ?? '';
        expect(src, `${page}: every script has a src`).toMatch(/^[\w./-]+\.js$/);
        expect(existsSync(join(out, page, '..', src)), `${page}: ${src} is in the package`).toBe(true);
        expect(script.children, `${page}: no inline code`).toEqual([]);
      }
      for (const element of all)
        for (const [attribute, value] of Object.entries(element.attribs)) {
          expect(attribute, `${page} <${element.name}>`).not.toMatch(/^on/i);
          expect(value, `${page} <${element.name} ${attribute}>`).not.toMatch(
            /^\s*(javascript|data|vbscript):/i,
          );
        }
      const forbidden = all.filter((e) => ['iframe', 'object', 'embed', 'base', 'meta'].includes(e.name));
      // The only meta elements are charset and viewport (no http-equiv that could loosen the CSP).
      expect(
        forbidden.map((e) => Object.keys(e.attribs).join(',')),
        page,
      ).toEqual(['charset', 'name,content']);
    }
  });
});

describe('the built scripts', () => {
  const scripts = () =>
    BROWSERS.flatMap((b) =>
      filesUnder(join(out, b))
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(b, f)),
    );

  it('never compile strings to code (eval, new Function, string timers, importScripts)', () => {
    // Four entries in each browser, the popup's modules loaded by import(), and Chrome's parser
    // document (offscreen.js).
    expect(scripts().length).toBe(BROWSERS.length * (4 + Object.keys(POPUP_LAZY).length) + 1);
    for (const script of scripts()) {
      const code = readFileSync(join(out, script), 'utf8');
      expect(code, script).not.toMatch(/(^|[^\w$.])eval\s*\(/);
      expect(code, script).not.toMatch(/(^|[^\w$.])Function\s*\(/); // with or without `new`
      expect(code, script).not.toMatch(/set(Timeout|Interval)\(\s*["'`]/);
      expect(code, script).not.toMatch(/importScripts\s*\(|import\s*\(\s*["'`]https?:/);
    }
  });

  it("write HTML only in Preact's dangerouslySetInnerHTML support, which our code never uses", () => {
    for (const script of scripts()) {
      const code = readFileSync(join(out, script), 'utf8');
      // Writes only: the page capture reads a page's outerHTML (platform/capture-page.ts), which
      // writes nothing.
      for (const m of code.matchAll(
        /(innerHTML|outerHTML)\s*\+?=(?!=)|insertAdjacentHTML|document\.write/g,
      )) {
        const around = code.slice(Math.max(0, m.index - 60), m.index + 60);
        expect(around, `${script} at ${m.index}`).toMatch(/__html/);
      }
    }
  });
});

describe('the source', () => {
  it('never writes HTML or compiles strings to code (src/)', () => {
    const files = filesUnder(join(ROOT, 'src')).filter((f) => /\.(ts|tsx)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => {
      const code = readFileSync(join(ROOT, 'src', file), 'utf8');
      // A write of HTML, not a read (the page capture reads a page's outerHTML).
      const pattern =
        /\b(innerHTML|outerHTML)\s*\+?=(?!=)|\b(insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|srcdoc|eval\s*\(|new Function)\b/g;
      expect('el.innerHTML = x;'.match(pattern)).toHaveLength(1);
      return [...code.matchAll(pattern)].map((m) => `${file}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });

  it("has Biome's security rules on: dangerouslySetInnerHTML and eval fail the lint", () => {
    // The project's Biome configuration on a probe file outside the repository.
    const dir = mkdtempSync(join(tmpdir(), 'lens-biome-'));
    try {
      const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'biome.json'), JSON.stringify({ ...config, vcs: { enabled: false } }));
      mkdirSync(join(dir, 'src'));
      writeFileSync(
        join(dir, 'src/probe.tsx'),
        'export const A = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n' +
          'export const b = (s: string) => eval(s);\n',
      );
      let report = '';
      try {
        execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', 'src/probe.tsx'], {
          cwd: dir,
          encoding: 'utf8',
          stdio: 'pipe',
        });
      } catch (error) {
        const failed = error as { stdout: string; stderr: string };
        report = failed.stdout + failed.stderr;
      }
      expect(report).toContain('lint/security/noDangerouslySetInnerHtml');
      expect(report).toContain('lint/security/noGlobalEval');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Data files (issue 9): YAML lists of Jekyll and Hugo sites, JSON whose fields hold HTML
// fragments, and page templates (component files) whose markup holds the list.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import type { ParseResult } from '../../../src/core/result';
import { byName, names, parseFixture, parseOk, readFixture } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

function readerOf(result: ParseResult): [string, string, string] | string {
  return result.ok ? [result.format, result.reader, result.confidence] : result.error.code;
}

describe('YAML data files', () => {
  it('reads a Jekyll _data list by its shape: name, purpose, country, website', () => {
    const result = parse(readFixture('jekyll-data.yml'), { today: TODAY });
    expect(readerOf(result)).toEqual(['yaml', 'yaml', 'high']);
    const list = parseFixture('jekyll-data.yml');
    expect(names(list)).toEqual([
      'Hetzner Online GmbH',
      'Postmark (ActiveCampaign, LLC)',
      'Sentry (Functional Software, Inc.)',
      'Cloudflare, Inc.',
    ]);
    const hetzner = byName(list, 'Hetzner Online GmbH');
    expect(hetzner.website).toBe('https://www.hetzner.com');
    expect(hetzner.location).toEqual({ text: 'Germany', country: 'DE' });
    expect(hetzner.use).toEqual(['Hosting of the application servers and backups']);
    const sentry = byName(list, 'Sentry (Functional Software, Inc.)');
    expect(sentry.use).toEqual(['Error monitoring and performance tracing']); // a folded scalar
    expect(sentry.dataProcessed).toEqual(['IP address', 'browser and device information']);
    expect(byName(list, 'Postmark (ActiveCampaign, LLC)').certifications.map((c) => c.id)).toEqual([
      'soc2-type2',
    ]);
  });

  it('reads a wrapped Hugo data file with its title and date', () => {
    const list = parseFixture('hugo-data.yaml');
    expect(list.source).toEqual({
      title: 'Tidewater Analytics subprocessors',
      url: null,
      updated: '2025-09-02',
    });
    expect(names(list)).toEqual(['Amazon Web Services EMEA SARL', 'Mailgun Technologies, Inc.']);
    expect(byName(list, 'Mailgun Technologies, Inc.').dpa).toMatchObject({
      status: 'signed',
      date: '2024-03-03',
    });
  });

  it('takes YAML from the content type or the name even when the shape is unusual', () => {
    const text = '# no list key first\n---\n- vendor: Acme Cloud\n';
    expect(readerOf(parse(text, { today: TODAY, contentType: 'application/yaml' }))).toEqual([
      'yaml',
      'yaml',
      'high',
    ]);
    expect(names(parseOk(text, { fileName: 'subprocessors.yml' }))).toEqual(['Acme Cloud']);
    expect(names(parseOk(text, { url: 'https://raw.example/site/_data/subprocessors.yaml' }))).toEqual([
      'Acme Cloud',
    ]);
  });

  it('says what is wrong with YAML that was declared as YAML', () => {
    const result = parse('- name: [unclosed\n', { today: TODAY, fileName: 'vendors.yml' });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-yaml');
    if (!result.ok) expect(result.error.message).toMatch(/^Not valid YAML: /);
  });

  it('reads text that only opens like YAML as markdown', () => {
    const md = 'Last updated: 3 March 2025\n\n| Vendor | Purpose |\n|---|---|\n| Stripe | Payments |\n';
    const result = parse(md, { today: TODAY });
    expect(readerOf(result)).toEqual(['markdown', 'table', 'high']);
    expect(result.ok && result.list.source.updated).toBe('2025-03-03');
  });

  it('keeps an alias-expansion bomb ("billion laughs") small and quick', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = `${levels.join('\n')}\nvendors:\n  - name: Acme\n    purpose: *i\n    location: *i\n`;
    const started = performance.now();
    const result = parse(bomb, { today: TODAY, fileName: 'bomb.yml' });
    expect(performance.now() - started).toBeLessThan(5000); // 9^9 "lol"s unbounded
    if (!result.ok) throw new Error(result.error.message);
    const [acme] = result.list.vendors;
    expect(acme?.use.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(result.list).length).toBeLessThan(100_000);
  });

  it('refuses more aliases than a data file needs, with a YAML error', () => {
    const many = `x: &x v\nvendors:\n${Array.from({ length: 150 }, (_, i) => `  - {name: V${i}, purpose: *x}`).join('\n')}\n`;
    const result = parse(many, { today: TODAY, fileName: 'many.yml' });
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-yaml');
  });

  it('builds plain data only: no custom tags, no prototype', () => {
    const tagged = '- name: !!js/function "function () { return 1 }"\n  purpose: x\n';
    expect(parse(tagged, { today: TODAY, fileName: 'x.yml' }).ok).toBe(false);
    const proto = '- __proto__: {polluted: true}\n  name: Acme\n  purpose: Hosting\n';
    expect(names(parseOk(proto, { fileName: 'x.yml' }))).toEqual(['Acme']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JSON fields holding HTML fragments', () => {
  const list = parseFixture('json-html-fragments.json');

  it('reads each fragment as clean text through the HTML reader', () => {
    const twilio = byName(list, 'Twilio Inc.');
    expect(twilio.location.text).toBe('USA, Ireland');
    expect(twilio.use).toEqual(['SMS appointment reminders']);
    expect(twilio.website).toBe('https://www.twilio.com'); // the link of an <a> fragment
    const intercom = byName(list, 'Intercom R&D Unlimited Company'); // <strong> and &amp; read
    expect(intercom.use).toEqual(['Customer support chat & help centre']);
    expect(intercom.location).toEqual({ text: 'Ireland', country: 'IE' });
  });

  it('never reads a fragment’s script or markup into a field', () => {
    const doc =
      '[{"name": "Acme<script>alert(1)</script>", "purpose": "<img src=x onerror=alert(1)>Hosting<br/>CDN"}]';
    const [acme] = parseOk(doc).vendors;
    expect(acme?.name).toBe('Acme');
    expect(acme?.use).toEqual(['Hosting', 'CDN']);
  });

  it('leaves text with a lone "<" or "&" as written', () => {
    const [v] = parseOk('[{"name": "R&D Tools", "purpose": "Teams < 5 people & more"}]').vendors;
    expect([v?.name, v?.use]).toEqual(['R&D Tools', ['Teams < 5 people & more']]);
  });
});

describe('page templates (component files)', () => {
  it('reads a Vue single-file component’s <template>', () => {
    const result = parse(readFixture('component.vue'), { today: TODAY });
    expect(readerOf(result)).toEqual(['html', 'table', 'high']);
    expect(result.ok && names(result.list)).toEqual(['DigitalOcean, LLC', 'Paddle.com Market Ltd']);
  });

  it('reads the markup a JSX page returns, without its code and comments', () => {
    const list = parseFixture('component.jsx');
    expect(names(list)).toEqual(['Vercel Inc.', 'Algolia SAS']);
    expect(byName(list, 'Vercel Inc.').use).toEqual(['Hosting and edge functions']);
  });

  it('reads an Astro component after its code fence, and a Svelte one around its script', () => {
    const table =
      '<table><tr><th>Vendor</th><th>Purpose</th></tr><tr><td>Fastly, Inc.</td><td>CDN</td></tr></table>';
    const astro = `---\nimport Layout from '../layouts/Legal.astro';\nconst title = 'Vendors';\n---\n<Layout>${table}</Layout>\n`;
    expect(names(parseOk(astro))).toEqual(['Fastly, Inc.']);
    const svelte = `<script>\n  export let updated;\n</script>\n\n<h1>Vendors</h1>\n${table}\n<style>td{padding:0}</style>\n`;
    expect(names(parseOk(svelte, { fileName: 'Vendors.svelte' }))).toEqual(['Fastly, Inc.']);
  });
});

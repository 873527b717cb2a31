// Lists written as one heading per vendor with labelled lines, and what is not a vendor there.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { byName, names, parseFixture, parseOk, readFixture } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('an introductory "how to read this list" bullet list (intro-bullets.md)', () => {
  const list = parseFixture('intro-bullets.md');

  it('is not a vendor, though its bullets carry the same labels as the vendors', () => {
    expect(names(list)).toEqual(['Postmark', 'Hetzner Online']);
  });

  it('leaves the vendors their own facts', () => {
    expect(byName(list, 'Postmark').dpa).toEqual({
      status: 'signed',
      date: '2022-02-02',
      text: 'Yes – 2 February 2022',
    });
    expect(byName(list, 'Hetzner Online').location).toEqual({ text: 'Nuremberg, Germany', country: 'DE' });
    expect(byName(list, 'Hetzner Online').dataProcessed).toEqual(['All customer data (hosting)']);
  });

  it('is not a vendor under the page title either, whatever the title says', () => {
    const md = [
      '# Fernleaf processing partners',
      '',
      'Each entry below gives:',
      '',
      '- **Location:** the country where the partner stores or processes personal data.',
      '- **Certifications:** the independent security audits it holds, if any.',
      '- **DPA:** whether we signed a data processing agreement with it, and when.',
      '',
      '## Postmark',
      '',
      '[postmarkapp.com](https://postmarkapp.com)',
      '',
      '- **Location:** United States.',
      '- **DPA:** Yes – 2 February 2022.',
    ].join('\n');
    expect(names(parseOk(md))).toEqual(['Postmark']);
  });
});

describe('links to the publisher’s own pages (publisher-links.html)', () => {
  const url = 'https://www.fernleaf.io/legal/subprocessors';

  it('are kept out when the url option names the publisher, its subdomains included', () => {
    const result = parse(readFixture('publisher-links.html'), { url, today: TODAY });
    expect(result.ok && names(result.list)).toEqual(['Cloudflare', 'Postmark']);
    expect(result.ok && result.warnings).toEqual(['3 duplicate or publisher entries merged or left out.']);
    expect(result.ok && result.list.source).toEqual({
      title: 'Subprocessors — Fernleaf',
      url,
      updated: '2025-09-04',
    });
  });

  it('look like vendors without the url: the option is what tells them apart', () => {
    const list = parseFixture('publisher-links.html');
    expect(names(list)).toContain('Our security programme');
    expect(names(list)).toContain('Our Data Processing Addendum');
  });
});

describe('other heading-per-vendor layouts', () => {
  it('reads a bold-only paragraph as a vendor heading', () => {
    const md = [
      '**Plausible Insights OÜ**',
      '',
      'Location: Tallinn, Estonia',
      '',
      'Purpose: Website analytics',
      '',
      '**Resend**',
      '',
      'Location: United States',
      '',
      'Purpose: Sign-in emails',
    ].join('\n');
    const list = parseOk(md);
    expect(names(list)).toEqual(['Plausible Insights OÜ', 'Resend']);
    expect(byName(list, 'Plausible Insights OÜ').location.country).toBe('EE');
    expect(byName(list, 'Resend').use).toEqual(['Sign-in emails']);
  });

  it('reads definition lists (<dt>label</dt><dd>value</dd>)', () => {
    const html = `<!doctype html><h3>Bunny.net</h3>
      <dl><dt>Location</dt><dd>Ljubljana, Slovenia</dd><dt>Purpose</dt><dd>CDN</dd><dt>DPA</dt><dd>Signed 2 March 2023</dd></dl>`;
    const vendor = byName(parseOk(html), 'Bunny.net');
    expect(vendor.location).toEqual({ text: 'Ljubljana, Slovenia', country: 'SI' });
    expect(vendor.use).toEqual(['CDN']);
    expect(vendor.dpa).toEqual({ status: 'signed', date: '2023-03-02', text: 'Signed 2 March 2023' });
  });

  it('needs a link plus a fact, or two facts: a heading with one loose line is not a vendor', () => {
    const md =
      '## Questions\n\nLocation: ask us anywhere.\n\n## Stripe\n\n[stripe.com](https://stripe.com)\n\n- **Use:** Payments';
    expect(names(parseOk(md))).toEqual(['Stripe']);
  });

  it('joins repeated labels and keeps the first link as the website', () => {
    const md = [
      '## Twilio',
      '[twilio.com](https://www.twilio.com) and [status page](https://status.twilio.com)',
      '- **Use:** SMS',
      '- **Use:** Voice calls',
      '- **Location:** United States',
    ].join('\n');
    const twilio = byName(parseOk(md), 'Twilio');
    expect(twilio.website).toBe('https://www.twilio.com');
    expect(twilio.use).toEqual(['SMS', 'Voice calls']);
  });
});

describe('labelled lines in one paragraph, in cards and in definition lists', () => {
  it('splits one <p> of "<strong>Label:</strong> value<br>" lines, with or without a space', () => {
    const html =
      '<!doctype html><h3>Auth0, Inc.</h3><p><strong>Purpose:</strong>Sign-in<br><strong>Location: </strong>United States<br><b>Website:</b> <a href="https://auth0.com">auth0.com</a></p>';
    const vendor = byName(parseOk(html), 'Auth0, Inc.');
    expect([vendor.use, vendor.location.country, vendor.website]).toEqual([
      ['Sign-in'],
      'US',
      'https://auth0.com',
    ]);
  });

  it('continues a label over the unlabelled lines after it (a postal address)', () => {
    const html =
      '<!doctype html><h3>OVH SAS</h3><p><strong>Finalité :</strong> Hébergement<br><strong>Localisation :</strong> 2 rue Kellermann<br>59100 Roubaix<br>France</p>';
    expect(byName(parseOk(html), 'OVH SAS').location).toEqual({
      text: '2 rue Kellermann, 59100 Roubaix, France',
      country: 'FR',
    });
  });

  it('reads cards whose lines are <div>s, and a label in its own <div> for the next one', () => {
    const html = `<!doctype html><div class="card"><h4>Algolia SAS</h4><div class="f"><span>Purpose:</span> Search</div><div class="f"><span>Location:</span>France</div></div>
      <div class="card"><h4>Scaleway SAS</h4><div class="label">Purpose</div><div class="value">Storage</div><div class="label">Location</div><div class="value">France</div></div>`;
    const list = parseOk(html);
    expect(names(list)).toEqual(['Algolia SAS', 'Scaleway SAS']);
    expect(byName(list, 'Scaleway SAS').use).toEqual(['Storage']);
  });

  it('reads <dl><dt>Vendor<dd>… but not a glossary', () => {
    const html = `<!doctype html><dl><dt>Fastly, Inc.<dd>Purpose: CDN<br>Location: United States<dt>Help Scout PBC<dd>Support inbox</dl>
      <dl><dt>Personal data<dd>means any information about a person<dt>Controller<dd>means the one who decides</dl>`;
    const list = parseOk(html);
    expect(names(list)).toEqual(['Fastly, Inc.', 'Help Scout PBC']);
    expect(byName(list, 'Help Scout PBC').use).toEqual(['Support inbox']);
  });
});

// Bullet lists of vendors, and the bullet lists that are not.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { byName, names, parseOk } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('bullet lists of vendors', () => {
  it('reads "[Legal name](link) for purpose." items hard-wrapped over lines', () => {
    const md = [
      '# Subprocessors',
      '',
      '* [Stripe, Inc.](https://stripe.com/legal/privacy-center) for payment',
      '  processing and invoicing.',
      '* [Hetzner Online GmbH](https://www.hetzner.com/) for hosting in',
      '  Germany.',
    ].join('\n');
    const result = parse(md, { today: TODAY });
    expect(result.ok && [result.reader, result.confidence]).toEqual(['bullets', 'high']);
    const list = parseOk(md);
    expect(names(list)).toEqual(['Stripe, Inc.', 'Hetzner Online GmbH']);
    expect(byName(list, 'Stripe, Inc.').use).toEqual(['payment processing and invoicing']);
    // A link to the vendor's privacy page on a path names its site; a home page link stays.
    expect(byName(list, 'Stripe, Inc.').website).toBe('https://stripe.com');
    expect(byName(list, 'Hetzner Online GmbH').website).toBe('https://www.hetzner.com');
  });

  it('takes the registrable domain of a trust page on a subdomain', () => {
    const md =
      '## Vendors\n\n* [Acme Corp.](https://trust.eu.acme.co.uk/gdpr) for analytics.\n* [Beta Ltd](https://legal.beta.io/) for email.';
    const list = parseOk(md);
    expect(list.vendors.map((v) => v.website)).toEqual(['https://acme.co.uk', 'https://beta.io']);
  });

  it('reads "**Vendor** – purpose – location" and keeps d/b/a names as written', () => {
    const md = [
      '- **Google LLC** – Cloud infrastructure – United States',
      '- **Mailgun Technologies, Inc.** (d/b/a Sinch Mailgun) – Email – United States',
      '- **Functional Software, Inc. d/b/a Sentry** – Error tracking – United States',
      '- **Hetzner Online GmbH** – Backups – Nuremberg, Germany',
    ].join('\n');
    const list = parseOk(md);
    expect(names(list)).toEqual([
      'Google LLC',
      'Mailgun Technologies, Inc. (d/b/a Sinch Mailgun)',
      'Functional Software, Inc. d/b/a Sentry',
      'Hetzner Online GmbH',
    ]);
    expect(byName(list, 'Hetzner Online GmbH').location).toEqual({
      text: 'Nuremberg, Germany',
      country: 'DE',
    });
    expect(byName(list, 'Google LLC').use).toEqual(['Cloud infrastructure']);
  });

  it('reads plain "Vendor – purpose – location" items', () => {
    const list = parseOk('- Adyen N.V. – Payments – Netherlands\n- Mollie B.V. – Payments – Netherlands\n');
    expect(names(list)).toEqual(['Adyen N.V.', 'Mollie B.V.']);
    expect(byName(list, 'Adyen N.V.').location.country).toBe('NL');
  });

  it('never reads labels, purposes, countries, navigation or own pages as vendors', () => {
    const html = `<!doctype html><main>
      <ul><li><strong>Location:</strong> where data is stored</li><li><strong>Purpose:</strong> what it does</li></ul>
      <ul><li><strong>Hosting</strong> – our servers</li><li><strong>Germany</strong> – our office</li><li><strong>Analytics</strong> – usage</li></ul>
      <ul><li><a href="/pricing">Pricing</a> – plans</li><li><a href="/docs">Docs</a> – guides</li></ul>
      <ul><li><a href="https://www.acme.com/about">About us</a></li><li><a href="https://www.acme.com/careers">Careers</a></li></ul>
      <div class="cookie-banner"><ul><li><strong>Marketing cookies</strong> – ads – United States</li><li><strong>Stats Co</strong> – usage – United States</li></ul></div>
    </main>`;
    const result = parse(html, { today: TODAY });
    expect(result.ok ? names(result.list) : result.error.code).toBe('no-vendors');
  });

  it('keeps the publisher’s own affiliates and products out', () => {
    const html = `<!doctype html><html><head><title>Subprocessors | Brightloop</title></head><body><main>
      <ul><li><strong>Snowflake Inc.</strong> – Warehousing – United States</li><li><strong>Zendesk, Inc.</strong> – Support – United States</li></ul>
      <ul><li><strong>Brightloop Ltd</strong> – Support – United Kingdom</li><li><strong>Brightloop Insights</strong> – Analytics – Germany</li></ul>
    </main></body></html>`;
    expect(names(parseOk(html))).toEqual(['Snowflake Inc.', 'Zendesk, Inc.']);
  });

  it('reads "Vendor: purpose (Place)" and "**Vendor** (purpose)" items', () => {
    const list = parseOk(
      '# Subprocessors\n\n- Stripe: payments (United States)\n- Hetzner Online GmbH: hosting (Germany)\n- Note: we review vendors yearly\n',
    );
    expect(names(list)).toEqual(['Stripe', 'Hetzner Online GmbH']);
    expect(byName(list, 'Stripe').location.country).toBe('US');
    const parens = parseOk('## Our vendors\n\n- **Amazon Web Services** (hosting)\n- **Postmark** (email)\n');
    expect(byName(parens, 'Postmark').use).toEqual(['email']);
  });

  it('does not read the publisher’s offices or features as vendors', () => {
    const offices =
      '<!doctype html><main><h2>Our offices</h2><ul><li><strong>Berlin</strong> – Engineering – Germany</li><li><strong>Austin</strong> – Sales – United States</li></ul></main>';
    const features =
      '<!doctype html><main><h2>Why Acme</h2><ul><li><strong>Data residency</strong> – choose EU or US hosting</li><li><strong>SSO</strong> – sign in with Okta</li></ul></main>';
    for (const html of [offices, features]) {
      const result = parse(html, { today: TODAY });
      expect(result.ok ? names(result.list) : result.error.code).toBe('no-vendors');
    }
  });
});

// Lists published as tables, in markdown and HTML, in the shapes seen in the wild.
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/parse';
import { byName, certIds, names, parseFixture, readFixture } from '../../support/fixture-lists';
import { TODAY } from '../../support/test-date';

describe('a markdown table (markdown-table.md)', () => {
  const list = parseFixture('markdown-table.md');

  it('reads one vendor per row, named by the Subprocessor column', () => {
    expect(names(list)).toEqual([
      'Amazon Web Services, Inc.',
      'Cloudflare, Inc.',
      'Postmark (ActiveCampaign, LLC)',
      'Sentry (Functional Software, Inc.)',
      'Intercom R&D Unlimited Company',
      'Vercel Inc.',
    ]);
    expect(list.source.title).toBe('Quillbase subprocessors');
  });

  it('maps each column to its field', () => {
    const cloudflare = byName(list, 'Cloudflare, Inc.');
    expect(cloudflare.website).toBe('https://www.cloudflare.com');
    expect(cloudflare.location).toEqual({ text: 'United States', country: 'US' });
    expect(cloudflare.use).toEqual(['Content delivery and DDoS protection']);
    expect(certIds(cloudflare)).toEqual(['iso27001', 'soc2-type2', 'pci-dss']);
    expect(cloudflare.dpa).toEqual({ status: 'signed', date: '2021-05-03', text: 'Signed 3 May 2021' });
  });

  it('takes websites from links, bare URLs and bare hosts', () => {
    expect(byName(list, 'Amazon Web Services, Inc.').website).toBe('https://aws.amazon.com');
    expect(byName(list, 'Postmark (ActiveCampaign, LLC)').website).toBe('https://postmarkapp.com');
    expect(byName(list, 'Sentry (Functional Software, Inc.)').website).toBe('https://sentry.io');
  });

  it('reads DPA wording into a status', () => {
    expect(byName(list, 'Postmark (ActiveCampaign, LLC)').dpa.status).toBe('incorporated');
    expect(byName(list, 'Vercel Inc.').dpa.status).toBe('not-signed'); // "Pending"
    expect(byName(list, 'Intercom R&D Unlimited Company').dpa.status).toBe('signed');
  });
});

describe('an HTML table (html-table.html)', () => {
  const list = parseFixture('html-table.html');

  it('reads thead/tbody rows, the vendor named by its link text', () => {
    expect(names(list)).toEqual([
      'Google Cloud Platform',
      'Twilio Inc.',
      'Datadog, Inc.',
      'Atlassian Pty Ltd',
      'Zendesk, Inc.',
    ]);
    expect(list.source.title).toBe('Sub-processors – Larkspur Health');
  });

  it('maps "Service provided", "Country", "Certifications" and "DPA in place"', () => {
    const twilio = byName(list, 'Twilio Inc.');
    expect(twilio.website).toBe('https://www.twilio.com');
    expect(twilio.use).toEqual(['SMS appointment reminders']);
    expect(twilio.location.country).toBe('US');
    expect(certIds(twilio)).toEqual(['iso27001', 'soc2-type2', 'dpf']);
    expect(twilio.dpa).toEqual({ status: 'signed', date: '2023-06-14', text: 'Yes (signed 14 June 2023)' });
    expect(certIds(byName(list, 'Google Cloud Platform'))).toEqual([
      'iso27001',
      'iso27017',
      'iso27018',
      'soc1',
      'soc2',
      'soc3',
      'hipaa',
      'c5',
    ]);
  });

  it('keeps an empty certifications cell empty and an "Unknown" DPA unknown', () => {
    const zendesk = byName(list, 'Zendesk, Inc.');
    expect(zendesk.certifications).toEqual([]);
    expect(zendesk.dpa.status).toBe('unknown');
    expect(byName(list, 'Atlassian Pty Ltd').dpa.status).toBe('not-signed');
  });

  it('lets a vendor listing the Data Privacy Framework pass the US transfer check', () => {
    expect(byName(list, 'Twilio Inc.').flags.map((f) => f.id)).toContain('transfer-dpf');
    expect(byName(list, 'Zendesk, Inc.').flags.map((f) => f.id)).toContain('transfer-us-no-dpf');
  });
});

describe('several tables, per region and per kind (multi-table.html)', () => {
  const result = parse(readFixture('multi-table.html'), { today: TODAY });
  const list = result.ok ? result.list : null;

  it('merges a vendor listed in more than one table, by name or by website', () => {
    expect(list && names(list)).toEqual([
      'Amazon Web Services EMEA SARL',
      'Mailgun Technologies, Inc.',
      'Hetzner Online GmbH',
      'Zendesk, Inc.',
    ]);
    expect(result.ok && result.warnings).toEqual(['3 duplicate or publisher entries merged or left out.']);
  });

  it('combines the merged facts instead of keeping only the first table', () => {
    if (!list) throw new Error('multi-table.html did not parse');
    const aws = byName(list, 'Amazon Web Services EMEA SARL');
    expect(aws.use).toEqual(['Hosting (EU region)', 'Hosting (US region)']);
    // Two countries: the text keeps both, no single country is claimed.
    expect(aws.location).toEqual({ text: 'Frankfurt, Germany; Virginia, United States', country: null });
    const hetzner = byName(list, 'Hetzner Online GmbH');
    expect(hetzner.website).toBe('https://www.hetzner.com');
    expect(hetzner.use).toEqual(['Backups', 'Monitoring servers']);
    expect(hetzner.location.country).toBe('DE');
    expect(certIds(hetzner)).toEqual(['iso27001']); // from the table that lists certifications
  });

  it('reads group headings between tables as groups, not vendors', () => {
    expect(list && names(list)).not.toContain('European Union');
  });
});

describe('HTML inside markdown cells: a link plus a postal address (markdown-html-cells.md)', () => {
  const list = parseFixture('markdown-html-cells.md');

  it('names the vendor by its link and takes the website from it', () => {
    expect(names(list)).toEqual([
      'Twilio Inc.',
      'HubSpot Ireland Limited',
      'DeepL SE',
      'Slack Technologies, LLC',
    ]);
    expect(byName(list, 'HubSpot Ireland Limited').website).toBe('https://www.hubspot.com');
    expect(byName(list, 'DeepL SE').website).toBe('https://www.deepl.com');
    expect(byName(list, 'Slack Technologies, LLC').website).toBeNull();
  });

  it('reads the address lines as the location when no column gives one', () => {
    expect(byName(list, 'Twilio Inc.').location).toEqual({
      text: '101 Spear Street, Suite 500, San Francisco, CA 94105, USA',
      country: 'US',
    });
    expect(byName(list, 'HubSpot Ireland Limited').location.country).toBe('IE');
    expect(byName(list, 'DeepL SE').location).toEqual({
      text: 'Maarweg 165, 50825 Köln, Germany',
      country: 'DE',
    });
  });

  it('reads "Nature of processing" as use and "Categories of personal data" as data', () => {
    expect(byName(list, 'Twilio Inc.').use).toEqual(['SMS and voice notifications']);
    expect(byName(list, 'Twilio Inc.').dataProcessed).toEqual(['Phone number', 'message content']);
    expect(list.source).toEqual({ title: 'Brightloom sub-processor list', url: null, updated: '2025-01-20' });
  });
});

describe('two vendors in one cell (two-vendors-one-cell.md)', () => {
  const list = parseFixture('two-vendors-one-cell.md');

  it('splits two links, names after ";" and names on separate lines into vendors', () => {
    expect(names(list)).toEqual([
      'Mailgun',
      'Postmark',
      'Sentry',
      'Datadog',
      'Hotjar Ltd',
      'Mixpanel, Inc.',
      'Fastly',
    ]);
    expect(byName(list, 'Mailgun').website).toBe('https://www.mailgun.com');
    expect(byName(list, 'Postmark').website).toBe('https://postmarkapp.com');
  });

  it('gives each of them the row facts', () => {
    for (const name of ['Sentry', 'Datadog']) {
      expect(byName(list, name).use).toEqual(['Error and performance monitoring']);
      expect(byName(list, name).dpa.status).toBe('signed');
    }
    expect(byName(list, 'Mixpanel, Inc.').location).toEqual({ text: 'Malta; United States', country: null });
    expect(byName(list, 'Fastly').location).toEqual({ text: 'Global', country: null });
  });
});

describe('tabs, indentation and runs of spaces (tabs-and-spaces.md)', () => {
  const list = parseFixture('tabs-and-spaces.md');

  it('reads tab-separated, tab-indented and space-indented rows as table rows', () => {
    expect(names(list)).toEqual(['Snowflake Inc.', 'Auth0 (Okta, Inc.)', 'Algolia SAS', 'Pipedrive OÜ']);
  });

  it('folds whitespace runs, tabs and no-break spaces inside cells', () => {
    const snowflake = byName(list, 'Snowflake Inc.');
    expect(snowflake.use).toEqual(['Data warehouse']);
    expect(snowflake.location).toEqual({ text: 'United States', country: 'US' });
    expect(snowflake.certifications.map((c) => c.text)).toEqual(['SOC 2 Type II', 'ISO 27001']);
    expect(byName(list, 'Pipedrive OÜ').location).toEqual({ text: 'Estonia', country: 'EE' });
    expect(byName(list, 'Algolia SAS').location.country).toBe('FR');
  });
});

describe('forms and scripts after the table (forms-and-scripts.html)', () => {
  const list = parseFixture('forms-and-scripts.html');

  it('reads only the real table: no script, noscript, template, form or iframe content', () => {
    expect(names(list)).toEqual(['Adyen N.V.', 'Onfido Ltd']);
    expect(byName(list, 'Onfido Ltd').location).toEqual({ text: 'London, United Kingdom', country: 'GB' });
    expect(byName(list, 'Adyen N.V.').use).toEqual(['Salary payouts']);
  });
});

describe('a cookie table on the same page', () => {
  it('is not read as vendors: only the subprocessor table is', () => {
    const page = `<!doctype html><main><h1>Subprocessors</h1>
      <table><tr><th>Subprocessor</th><th>Purpose</th><th>Location</th></tr>
        <tr><td>Acme Cloud Ltd</td><td>Hosting</td><td>Ireland</td></tr>
        <tr><td>Beta Mail Inc.</td><td>Email delivery</td><td>United States</td></tr></table>
      <h2>Cookies we use</h2>
      <table><tr><th>Cookie</th><th>Provider</th><th>Purpose</th><th>Expiry</th></tr>
        <tr><td>_ga</td><td>Google Analytics</td><td>Analytics</td><td>2 years</td></tr>
        <tr><td>__hssc</td><td>HubSpot</td><td>Marketing</td><td>30 minutes</td></tr></table></main>`;
    const result = parse(page, { today: TODAY, url: 'https://pub.example/legal/subprocessors' });
    expect(result.ok && result.list.vendors.map((v) => v.name)).toEqual(['Acme Cloud Ltd', 'Beta Mail Inc.']);
  });
});

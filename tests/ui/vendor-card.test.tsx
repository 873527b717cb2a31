import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { findingText } from '../../src/core/finding-text';
import { VendorCard } from '../../src/ui/vendor-card';
import {
  BIDI_NAME,
  HUGE_TEXT,
  hostileVendor,
  MARKUP_NAME,
  SCRIPT_MARKER,
  SCRIPT_WEBSITES,
} from '../support/hostile/vendors';
import { french, german, i18n, renderWithI18n, seedVendor, visible } from '../support/ui';

afterEach(cleanup);

/** The <dd> that a <dt> labels, found by the label's text. */
function field(label: string): HTMLElement {
  const term = screen.getAllByText(label).find((el) => el.closest('dt'));
  const dd = term?.closest('dt')?.nextElementSibling;
  if (!(dd instanceof HTMLElement) || dd.tagName !== 'DD') throw new Error(`no field labelled ${label}`);
  return dd;
}

describe('VendorCard with a seed vendor', () => {
  it('shows the name as a heading and every labelled field of Amazon Web Services', () => {
    renderWithI18n(<VendorCard vendor={seedVendor('Amazon Web Services')} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Amazon Web Services' })).toBeTruthy();
    const location = field('Location');
    expect(location.textContent).toContain('Seattle, United States');
    expect(location.textContent).toContain('Country: United States');

    const certs = within(field('Certifications'))
      .getAllByRole('listitem')
      .map((li) => visible(li.textContent));
    expect(certs).toEqual([
      'EU-US Privacy Shield listed as “Privacy Shield”',
      'ISO/IEC 27001 listed as “ISO27001”',
      // "SOC3" differs from "SOC 3" only in spacing: not repeated.
      'SOC 3',
    ]);
    expect(field('Data processed').textContent).toBe('Anonymized content, IP address');
    expect(field('Use').textContent).toBe(
      'Encrypted data storage and backups, CDN, DNS, SSL, domain management',
    );
    expect(field('DPA').textContent).toBe('Incorporated into the terms');
    expect(screen.getByTitle('Data processing agreement').textContent).toBe('DPA');

    const link = within(field('Website')).getByRole('link');
    expect(link.getAttribute('href')).toBe('https://aws.amazon.com/');
    expect(link.textContent).toContain('aws.amazon.com');
  });

  it('shows a signed DPA with its date, and "None listed" for no certifications', () => {
    renderWithI18n(<VendorCard vendor={seedVendor('ChartMogul')} />);
    expect(field('DPA').textContent).toBe('Signed, 8 Oct 2018');
    expect(field('Certifications').textContent).toBe('None listed');
    expect(field('Location').textContent).toContain('Country: Germany');
  });

  it('lists the findings with their explanations and a severity word, not only a colour', () => {
    const vendor = seedVendor('Heroku');
    renderWithI18n(<VendorCard vendor={vendor} />);
    const findings = screen.getByRole('region', { name: 'Findings' });
    const items = within(findings).getAllByRole('listitem');
    expect(items).toHaveLength(vendor.flags.length);
    vendor.flags.forEach((flag, i) => {
      const item = items[i] as HTMLElement;
      expect(item.textContent).toContain(findingText(flag, i18n));
      const word = { risk: 'Risk', warning: 'Warning', info: 'Note' }[flag.severity];
      expect(item.querySelector('.severity')?.textContent).toBe(word);
    });
    expect(findings.textContent).toContain(
      'Privacy Shield, which the Court of Justice of the EU invalidated',
    );
  });

  it('says so when a vendor has no findings and leaves empty fields as "Not stated"', () => {
    renderWithI18n(<VendorCard vendor={hostileVendor({ location: { text: '', country: null } })} />);
    expect(screen.getByText('No findings for this vendor.')).toBeTruthy();
    expect(field('Location').textContent).toBe('Not stated');
    expect(field('Data processed').textContent).toBe('Not stated');
    expect(field('Use').textContent).toBe('Not stated');
    expect(field('DPA').textContent).toBe('Not stated');
  });

  it('shows the original wording of an unclear DPA status', () => {
    renderWithI18n(
      <VendorCard
        vendor={hostileVendor({ dpa: { status: 'unknown', date: null, text: 'Pending review' } })}
      />,
    );
    const dpa = field('DPA');
    expect(dpa.firstChild?.textContent).toBe('Not stated');
    expect(visible(dpa.querySelector('.facts__sub')?.textContent)).toBe('listed as “Pending review”');
  });
});

describe('VendorCard with hostile data', () => {
  it('never turns a non-http(s) website into a link', () => {
    for (const website of SCRIPT_WEBSITES) {
      const { container, unmount } = renderWithI18n(<VendorCard vendor={hostileVendor({ website })} />);
      expect(container.querySelectorAll('a').length, website).toBe(0);
      unmount();
    }
  });

  it('opens http(s) websites in a new tab without opener or referrer', () => {
    renderWithI18n(<VendorCard vendor={hostileVendor({ website: 'http://plain.example/x' })} />);
    const link = screen.getByRole('link');
    expect(link.getAttribute('href')).toBe('http://plain.example/x');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.textContent).toContain('(opens in a new tab)');
  });

  it('renders markup in list fields as text and runs none of it', () => {
    const { container } = renderWithI18n(
      <VendorCard
        vendor={hostileVendor({
          name: MARKUP_NAME,
          use: ['<b>bold</b>'],
          flags: [
            {
              id: '<a href="javascript:alert(1)">click</a>',
              severity: 'risk',
              params: { country: '<b>x</b>' },
            },
          ],
        })}
      />,
    );
    expect(container.querySelector('img, script, b, a[href^="javascript"]')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(MARKUP_NAME);
    expect((window as unknown as Record<string, unknown>)[SCRIPT_MARKER]).toBeUndefined();
  });

  it('shows an unknown severity as a note instead of failing', () => {
    const flags = [{ id: 'x', severity: 'catastrophic' as 'risk', message: 'odd' }];
    renderWithI18n(<VendorCard vendor={hostileVendor({ flags })} />);
    expect(document.querySelector('.finding .severity')?.textContent).toBe('Note');
  });

  it('clips huge strings and keeps bidirectional text isolated in its own element', () => {
    renderWithI18n(<VendorCard vendor={hostileVendor({ name: BIDI_NAME, use: [HUGE_TEXT] })} />);
    const use = field('Use').textContent ?? '';
    expect(use.length).toBeLessThan(1100);
    expect(use.endsWith('…')).toBe(true);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe(BIDI_NAME);
    expect(heading.getAttribute('dir')).toBe('auto');
  });
});

describe('VendorCard in German and French', () => {
  it('reads in German: labels, country name, DPA date and every finding from the German locale', () => {
    const vendor = seedVendor('Heroku');
    renderWithI18n(<VendorCard vendor={vendor} />, german);
    expect(field('Standort').textContent).toContain('Land: Vereinigte Staaten');
    expect(field('AVV').textContent).toBe('Bestandteil der Vertragsbedingungen');
    const findings = screen.getByRole('region', { name: 'Befunde' });
    const texts = within(findings)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(texts).toHaveLength(vendor.flags.length);
    expect(texts[0]).toMatch(/^Warnung/);
    expect(texts.join(' ')).toContain('Gerichtshof der Europäischen Union am 16. Juli 2020');
    expect(texts.join(' ')).toContain('Die Quellliste wurde zuletzt am 8. Oktober 2018 aktualisiert');
    expect(texts.join(' ')).not.toMatch(/Located in|The source list/);
  });

  it('reads in French, with country names and dates from Intl in French', () => {
    renderWithI18n(<VendorCard vendor={seedVendor('Stripe')} />, french);
    expect(field('Localisation').textContent).toContain('Pays\u00a0: États-Unis');
    expect(field('Contrat de sous-traitance').textContent).toBe('Signé, 8 oct. 2018');
    const findings = screen.getByRole('region', { name: 'Constats' });
    expect(findings.textContent).toContain('mise à jour pour la dernière fois le 8 octobre 2018');
    expect(findings.textContent).toContain('clauses contractuelles types (article 46 du RGPD)');
  });
});

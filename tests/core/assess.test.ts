// Findings a privacy reviewer would raise, each with the facts its English sentence must state.
import { describe, expect, it } from 'vitest';
import { assessVendor, formatDate, type VendorFacts } from '../../src/core/assess';
import { findingText } from '../../src/core/finding-text';
import type { Certification, Flag } from '../../src/core/list';
import { parseCertifications } from '../../src/core/normalize/certifications';
import { topFlag } from '../../src/core/severity';
import { english } from '../support/translations';

const SOURCE = { title: 'T', url: null, updated: '2026-01-15' };
const TODAY = { today: '2026-06-01' };

function vendor(overrides: Partial<VendorFacts> = {}): VendorFacts {
  return {
    name: 'Acme',
    website: 'https://acme.example',
    domains: ['acme.example'],
    location: { text: 'Berlin, Germany', country: 'DE' },
    certifications: parseCertifications('ISO 27001'),
    dataProcessed: ['Email address'],
    use: ['Email'],
    dpa: { status: 'signed', date: '2024-01-01', text: 'Yes' },
    ...overrides,
  };
}

const certs = (text: string): Certification[] => parseCertifications(text);
const flag = (flags: Flag[], id: string) => flags.find((f) => f.id === id);
const text = (found: Flag | undefined) => (found ? findingText(found, english) : '');

describe('assessVendor', () => {
  it('raises nothing for a certified EEA vendor with a signed DPA on a current list', () => {
    expect(assessVendor(vendor(), SOURCE, TODAY)).toEqual([]);
  });

  it('privacy-shield: invalidated on 16 July 2020 (Schrems II, C-311/18); DPF of 10 July 2023 or SCCs', () => {
    const found = flag(
      assessVendor(vendor({ certifications: certs('Privacy Shield, SOC 2') }), SOURCE, TODAY),
      'privacy-shield',
    );
    expect(found?.severity).toBe('warning');
    for (const fact of [
      '16 July 2020',
      'Schrems II',
      'C-311/18',
      'Data Privacy Framework',
      '10 July 2023',
      'standard contractual clauses',
    ]) {
      expect(text(found)).toContain(fact);
    }
  });

  it('no-certifications: none listed, asks for an audit report', () => {
    const found = flag(assessVendor(vendor({ certifications: [] }), SOURCE, TODAY), 'no-certifications');
    expect(found?.severity).toBe('warning');
    expect(text(found)).toContain('No security certifications listed');
    expect(text(found)).toMatch(/ISO\/IEC 27001|SOC 2/);
  });

  it('dpa-not-signed is a risk, citing Art. 28(3) GDPR', () => {
    const flags = assessVendor(
      vendor({ dpa: { status: 'not-signed', date: null, text: 'No' } }),
      SOURCE,
      TODAY,
    );
    expect(flag(flags, 'dpa-not-signed')?.severity).toBe('risk');
    expect(text(flag(flags, 'dpa-not-signed'))).toContain('Art. 28(3) GDPR');
    expect(flag(flags, 'dpa-unknown')).toBeUndefined();
  });

  it('dpa-unknown: the list does not say', () => {
    const flags = assessVendor(vendor({ dpa: { status: 'unknown', date: null, text: '' } }), SOURCE, TODAY);
    expect(flag(flags, 'dpa-unknown')?.severity).toBe('warning');
    expect(text(flag(flags, 'dpa-unknown'))).toContain(
      'does not say whether a data processing agreement is signed',
    );
  });

  it('raises no DPA finding for a DPA incorporated into the terms', () => {
    const flags = assessVendor(
      vendor({ dpa: { status: 'incorporated', date: null, text: 'In terms' } }),
      SOURCE,
      TODAY,
    );
    expect(flags.filter((f) => f.id.startsWith('dpa'))).toEqual([]);
  });

  it('transfer-no-adequacy: outside the EEA, no adequacy decision, names the country and SCCs', () => {
    const found = flag(
      assessVendor(vendor({ location: { text: 'Bengaluru, India', country: 'IN' } }), SOURCE, TODAY),
      'transfer-no-adequacy',
    );
    expect(found?.severity).toBe('warning');
    expect(text(found)).toContain('Located in India, outside the EEA and without an EU adequacy decision');
    expect(text(found)).toContain('standard contractual clauses (Art. 46 GDPR)');
  });

  it('transfer-adequate: outside the EEA with an adequacy decision, dated, with its scope', () => {
    const japan = flag(
      assessVendor(vendor({ location: { text: 'Tokyo', country: 'JP' } }), SOURCE, TODAY),
      'transfer-adequate',
    );
    expect(japan).toEqual({
      id: 'transfer-adequate',
      severity: 'info',
      params: { country: 'JP', date: '2019-01-23' },
    });
    expect(text(japan)).toBe(
      'Located in Japan, outside the EEA, which has an EU adequacy decision of 23 January 2019.',
    );
    const canada = flag(
      assessVendor(vendor({ location: { text: 'Toronto', country: 'CA' } }), SOURCE, TODAY),
      'transfer-adequate',
    );
    expect(text(canada)).toContain('PIPEDA');
    const uk = flag(
      assessVendor(vendor({ location: { text: 'London', country: 'GB' } }), SOURCE, TODAY),
      'transfer-adequate',
    );
    expect(text(uk)).toContain('28 June 2021');
  });

  it('United States: a note on the Data Privacy Framework unless the vendor lists it', () => {
    const us = { text: 'Denver, United States', country: 'US' };
    const without = flag(assessVendor(vendor({ location: us }), SOURCE, TODAY), 'transfer-us-no-dpf');
    expect(without?.severity).toBe('info');
    expect(text(without)).toContain('10 July 2023');
    expect(text(without)).toContain('EU-US Data Privacy Framework');
    const withDpf = assessVendor(
      vendor({ location: us, certifications: certs('SOC 2, EU-US DPF') }),
      SOURCE,
      TODAY,
    );
    expect(flag(withDpf, 'transfer-dpf')?.severity).toBe('info');
    expect(flag(withDpf, 'transfer-us-no-dpf')).toBeUndefined();
  });

  it('raises no transfer finding inside the EEA (Norway, Iceland, Liechtenstein included) or without a country', () => {
    for (const country of ['DE', 'IE', 'NO', 'IS', 'LI']) {
      const flags = assessVendor(vendor({ location: { text: country, country } }), SOURCE, TODAY);
      expect(flags.filter((f) => f.id.startsWith('transfer'))).toEqual([]);
    }
    const global = assessVendor(vendor({ location: { text: 'Global', country: null } }), SOURCE, TODAY);
    expect(global.filter((f) => f.id.startsWith('transfer'))).toEqual([]);
  });

  it('stale-list: more than 12 months old, with the list’s date (the bundled 2018 list says so)', () => {
    const old = { ...SOURCE, updated: '2018-10-08' };
    const stale = flag(assessVendor(vendor(), old, TODAY), 'stale-list');
    expect(stale).toEqual({ id: 'stale-list', severity: 'info', params: { updated: '2018-10-08' } });
    expect(text(stale)).toBe(
      'The source list was last updated on 8 October 2018, more than 12 months ago: vendors and terms may have changed since. Check the source.',
    );
  });

  it('stale-list: not at exactly 365 days, yes at 366, never without a date', () => {
    const at = (updated: string | null) =>
      flag(assessVendor(vendor(), { ...SOURCE, updated }, { today: '2026-06-01' }), 'stale-list');
    expect(at('2025-06-01')).toBeUndefined();
    expect(at('2025-05-31')).toBeDefined();
    expect(at(null)).toBeUndefined();
  });

  it('orders findings from risk to warning to info', () => {
    const flags = assessVendor(
      vendor({
        certifications: certs('Privacy Shield'),
        dpa: { status: 'not-signed', date: null, text: 'No' },
        location: { text: 'Tokyo', country: 'JP' },
      }),
      { ...SOURCE, updated: '2018-10-08' },
      TODAY,
    );
    expect(flags.map((f) => f.id)).toEqual([
      'dpa-not-signed',
      'privacy-shield',
      'transfer-adequate',
      'stale-list',
    ]);
  });
});

describe('topFlag', () => {
  it('is the most serious finding, or null', () => {
    const info: Flag = { id: 'i', severity: 'info' };
    const risk: Flag = { id: 'r', severity: 'risk' };
    expect(topFlag([info, risk])).toBe(risk);
    expect(topFlag([])).toBeNull();
  });
});

describe('formatDate', () => {
  it('writes an ISO date the way the English messages do, whatever the machine’s locale', () => {
    expect(formatDate('2018-10-08')).toBe('8 October 2018');
    expect(formatDate('2023-07-10')).toBe('10 July 2023');
  });
});

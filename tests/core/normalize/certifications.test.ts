import { describe, expect, it } from 'vitest';
import { parseCertifications } from '../../../src/core/normalize/certifications';

const ids = (text: string) => parseCertifications(text).map((c) => c.id);

describe('parseCertifications', () => {
  it('reads the seed’s five: Privacy Shield, ISO27001, 27017, 27018 SOC2 Type 1', () => {
    expect(parseCertifications('Privacy Shield, ISO27001, 27017, 27018 SOC2 Type 1.')).toEqual([
      { id: 'privacy-shield', label: 'EU-US Privacy Shield', text: 'Privacy Shield' },
      { id: 'iso27001', label: 'ISO/IEC 27001', text: 'ISO27001' },
      { id: 'iso27017', label: 'ISO/IEC 27017', text: '27017' },
      { id: 'iso27018', label: 'ISO/IEC 27018', text: '27018' },
      { id: 'soc2-type1', label: 'SOC 2 Type 1', text: 'SOC2 Type 1' },
    ]);
  });

  it.each(['None.', 'none', 'N/A', '-', '—', '', '   '])('%j means no certifications', (text) => {
    expect(parseCertifications(text)).toEqual([]);
  });

  it.each([
    ['PCI.', ['pci-dss']],
    ['PCI-DSS Level 1', ['pci-dss']],
    ['ISO 27001:2013', ['iso27001']],
    ['ISO/IEC 27001:2022, SOC 2 Type II', ['iso27001', 'soc2-type2']],
    ['ISO 27701', ['iso27701']],
    ['SOC 1 Type 2', ['soc1']],
    ['SOC II Type I', ['soc2-type1']],
    ['SOC 2', ['soc2']],
    ['SOC2, SOC3', ['soc2', 'soc3']],
    ['EU-US Privacy Shield', ['privacy-shield']],
    ['EU-U.S. and Swiss-U.S. Privacy Shield', ['privacy-shield']],
    ['EU-US Data Privacy Framework', ['dpf']],
    ['EU–US DPF', ['dpf']],
    ['HIPAA compliant', ['hipaa']],
    ['CSA STAR Level 2', ['csa-star']],
    ['FedRAMP Moderate', ['fedramp']],
    ['TISAX', ['tisax']],
    ['BSI C5', ['c5']],
  ])('%s -> %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('keeps what it does not know as "other", with its own text', () => {
    expect(parseCertifications('ISO 9001 and Cyber Essentials Plus')).toEqual([
      { id: 'other', label: 'ISO 9001', text: 'ISO 9001' },
      { id: 'other', label: 'Cyber Essentials Plus', text: 'Cyber Essentials Plus' },
    ]);
  });

  it('lists each certification once, in the order written', () => {
    expect(ids('SOC 2, ISO 27001, SOC2, iso27001')).toEqual(['soc2', 'iso27001']);
  });

  it('does not read a 27001 inside a longer number', () => {
    expect(ids('Ref 1270015')).toEqual(['other']);
  });
});

// Which header cell or bullet label names which field.
import { describe, expect, it } from 'vitest';
import { classifyLabel } from '../../../src/core/parse/fields';

describe('classifyLabel', () => {
  it.each([
    ['Subprocessor', 'name'],
    ['Sub-processor', 'name'],
    ['Vendor', 'name'],
    ['Name', 'name'],
    ['Entity', 'name'],
    ['Legal entity', 'name'],
    ['Third party', 'name'],
    ['Company', 'name'],
    ['Purpose', 'use'],
    ['Use', 'use'],
    ['Service provided', 'use'],
    ['Function', 'use'],
    ['Nature of processing', 'use'],
    ['Description', 'use'],
    ['Location', 'location'],
    ['Country', 'location'],
    ['Region', 'location'],
    ['Headquarters', 'location'],
    ['Data location', 'location'],
    ['Subprocessor location', 'location'],
    ['Location of processing', 'location'],
    ['Website', 'website'],
    ['URL', 'website'],
    ['Web site', 'website'],
    ['Data processed', 'data'],
    ['Categories of personal data', 'data'],
    ['Personal information', 'data'],
    ['Data security certifications', 'certifications'],
    ['Certifications', 'certifications'],
    ['Compliance', 'certifications'],
    ['DPA', 'dpa'],
    ['DPA signed', 'dpa'],
    ['DPA in place', 'dpa'],
    ['Data processing agreement', 'dpa'],
    ['**Location:**', 'location'],
  ])('%s -> %s', (label, field) => {
    expect(classifyLabel(label)).toBe(field);
  });

  it.each(['', 'Notes', 'Pricing', 'Logo', 'x'.repeat(61)])('"%s" names no field', (label) => {
    expect(classifyLabel(label)).toBeNull();
  });
});

// The stored history's schema: what historyEntry makes reads back as it was, and a damaged value
// reads as empty (so the page says "reworded") instead of reaching the page as garbage.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema } from '../../../src/core/register/history-schema';
import { entryFor, seedWith } from '../../support/options';
import { seedList } from '../../support/ui';

const changedAws = () =>
  seedWith('Amazon Web Services', (vendor) => ({
    ...vendor,
    website: 'https://aws.example.com',
    location: { text: 'Dublin, Ireland', country: 'IE' },
    certifications: vendor.certifications.slice(1),
    dpa: { status: 'signed', date: '2026-11-01', text: 'Signed 1 Nov 2026' },
    dataProcessed: [...vendor.dataProcessed, 'Email address'],
  }));

describe('HistoryEntrySchema', () => {
  it('reads an entry as historyEntry made and stored it', () => {
    const entry = entryFor(seedList(), changedAws(), '2026-11-27T14:02:00Z');
    expect(entry.changed[0]?.changes.map((c) => c.field)).toEqual([
      'website',
      'location',
      'certifications',
      'dataProcessed',
      'dpa',
    ]);
    const stored = JSON.parse(JSON.stringify(entry));
    expect(v.parse(HistoryEntrySchema, stored)).toEqual(entry);
  });

  it('reads a damaged value as empty, keeping the entry and the change', () => {
    const entry = entryFor(seedList(), changedAws(), '2026-11-27T14:02:00Z');
    const damaged = {
      ...entry,
      changed: [
        {
          name: 'AWS',
          changes: [
            { field: 'location', before: 42, after: { text: 'Dublin' } },
            { field: 'certifications', before: 'SOC 2', after: [{ label: 'no id' }] },
            { field: 'name', before: null, after: 'AWS' },
          ],
        },
      ],
    };
    expect(v.parse(HistoryEntrySchema, damaged).changed[0]?.changes).toEqual([
      { field: 'location', before: null, after: null },
      { field: 'certifications', before: [], after: [] },
      { field: 'name', before: '', after: 'AWS' },
    ]);
  });

  it('refuses an entry whose change names a field no history keeps', () => {
    const entry = entryFor(seedList(), changedAws(), '2026-11-27T14:02:00Z');
    const odd = {
      ...entry,
      changed: [{ name: 'AWS', changes: [{ field: 'flags', before: [], after: [] }] }],
    };
    expect(v.safeParse(HistoryEntrySchema, odd).success).toBe(false);
  });
});

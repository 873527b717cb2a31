// One field's change in the history, in words: "San Francisco, United States → Dublin, Ireland",
// "added SOC 2 Type 2; removed EU-US Privacy Shield". History is stored data, so every value is
// checked before use: a damaged entry reads as "changed" rather than breaking the page.
import type { FieldChange, VendorField } from '../core/register/diff';
import { clip, displayHost, formatDay } from '../ui/format';
import type { I18n } from '../ui/i18n';
import { isolate } from '../ui/i18n';
import { regionName } from '../ui/vendor-facts';

export const FIELD_LABEL_KEY: Partial<Record<VendorField, string>> = {
  name: 'fieldName',
  website: 'fieldWebsite',
  domains: 'fieldDomains',
  location: 'fieldLocation',
  certifications: 'fieldCertifications',
  dataProcessed: 'fieldDataProcessed',
  use: 'fieldUse',
  dpa: 'fieldDpa',
};

const DPA_KEY: Record<string, string> = {
  signed: 'dpaSigned',
  incorporated: 'dpaIncorporated',
  'not-signed': 'dpaNotSigned',
  unknown: 'dpaUnknown',
};

const MAX_TEXT = 300;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const text = (x: unknown): string => (typeof x === 'string' ? x : '');

function items(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) =>
      typeof item === 'string' ? item : isRecord(item) ? text(item.label) || text(item.text) : '',
    )
    .filter((item) => item.trim() !== '');
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

function delta(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const had = items(before);
  const has = items(after);
  const hadKeys = new Set(had.map(fold));
  const hasKeys = new Set(has.map(fold));
  return {
    added: [...new Set(has.filter((x) => !hadKeys.has(fold(x))))],
    removed: [...new Set(had.filter((x) => !hasKeys.has(fold(x))))],
  };
}

function locationText(value: unknown, i18n: I18n): string {
  if (!isRecord(value)) return '';
  const place = text(value.text).trim();
  const country = text(value.country);
  if (place) return place;
  return country ? regionName(country, i18n.locale) : '';
}

function dpaText(value: unknown, i18n: I18n): string {
  if (!isRecord(value)) return '';
  const status = i18n.t(DPA_KEY[text(value.status)] ?? 'dpaUnknown');
  const date = text(value.date);
  return /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? i18n.t('dpaDated', [status, formatDay(date, i18n.locale)])
    : status;
}

function single(field: VendorField, value: unknown, i18n: I18n): string {
  switch (field) {
    case 'name':
      return text(value);
    case 'website':
      return text(value) ? displayHost(text(value)) : '';
    case 'location':
      return locationText(value, i18n);
    case 'dpa':
      return dpaText(value, i18n);
    default:
      return '';
  }
}

const quoted = (value: string, i18n: I18n) => (value ? isolate(clip(value, MAX_TEXT)) : i18n.t('notStated'));

/** The change as a phrase (without the field's label). */
export function fieldChangeText(change: Pick<FieldChange, 'field' | 'before' | 'after'>, i18n: I18n): string {
  const { field } = change;
  if (field === 'domains' || field === 'certifications' || field === 'dataProcessed' || field === 'use') {
    const { added, removed } = delta(change.before, change.after);
    const list = (xs: string[]) => xs.map((x) => isolate(clip(x, MAX_TEXT))).join(', ');
    const parts = [
      ...(added.length ? [i18n.t('changeAddedItems', list(added))] : []),
      ...(removed.length ? [i18n.t('changeRemovedItems', list(removed))] : []),
    ];
    return parts.length ? parts.join('; ') : i18n.t('changeReworded');
  }
  const before = single(field, change.before, i18n);
  const after = single(field, change.after, i18n);
  if (before === after) return i18n.t('changeReworded');
  return i18n.t('changeFromTo', [quoted(before, i18n), quoted(after, i18n)]);
}

// One field's change in the history, in words: "San Francisco, United States → Dublin, Ireland",
// "added SOC 2 Type 2; removed EU-US Privacy Shield". History is stored data: its schema
// (core/register/history-schema.ts) reads a damaged value as empty, so it shows as "reworded" here.
import type { Dpa, DpaStatus, VendorLocation } from '../core/list';
import { fieldDelta, type VendorField } from '../core/register/diff';
import type { HistoryFieldChange } from '../core/register/history-schema';
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

const DPA_KEY: Record<DpaStatus, string> = {
  signed: 'dpaSigned',
  incorporated: 'dpaIncorporated',
  'not-signed': 'dpaNotSigned',
  unknown: 'dpaUnknown',
};

const MAX_TEXT = 300;

function locationText(value: VendorLocation | null, i18n: I18n): string {
  if (!value) return '';
  const place = value.text.trim();
  if (place) return place;
  return value.country ? regionName(value.country, i18n.locale) : '';
}

function dpaText(value: Dpa | null, i18n: I18n): string {
  if (!value) return '';
  const status = i18n.t(DPA_KEY[value.status]);
  return value.date ? i18n.t('dpaDated', [status, formatDay(value.date, i18n.locale)]) : status;
}

/** The two sides of a change of a single-valued field, in words ('' when not stated). */
function sides(
  change: Extract<HistoryFieldChange, { field: 'name' | 'website' | 'location' | 'dpa' }>,
  i18n: I18n,
): [string, string] {
  switch (change.field) {
    case 'name':
      return [change.before, change.after];
    case 'website':
      return [change.before ? displayHost(change.before) : '', change.after ? displayHost(change.after) : ''];
    case 'location':
      return [locationText(change.before, i18n), locationText(change.after, i18n)];
    case 'dpa':
      return [dpaText(change.before, i18n), dpaText(change.after, i18n)];
  }
}

const quoted = (value: string, i18n: I18n) => (value ? isolate(clip(value, MAX_TEXT)) : i18n.t('notStated'));

function itemsText(delta: { added: string[]; removed: string[] } | null, i18n: I18n): string {
  const list = (xs: string[]) => xs.map((x) => isolate(clip(x, MAX_TEXT))).join(', ');
  const parts = [
    ...(delta?.added.length ? [i18n.t('changeAddedItems', list(delta.added))] : []),
    ...(delta?.removed.length ? [i18n.t('changeRemovedItems', list(delta.removed))] : []),
  ];
  return parts.length ? parts.join('; ') : i18n.t('changeReworded');
}

/** The change as a phrase (without the field's label). */
export function fieldChangeText(change: HistoryFieldChange, i18n: I18n): string {
  switch (change.field) {
    case 'domains':
    case 'certifications':
    case 'dataProcessed':
    case 'use':
      // The items added and removed by the rule the history itself was made with (diff.ts).
      return itemsText(fieldDelta(change), i18n);
    default: {
      const [before, after] = sides(change, i18n);
      if (before === after) return i18n.t('changeReworded');
      return i18n.t('changeFromTo', [quoted(before, i18n), quoted(after, i18n)]);
    }
  }
}

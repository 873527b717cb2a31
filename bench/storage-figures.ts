// What a stored vendor costs in storage.local (issue 14, finding 4): Chrome counts each item as its
// key plus its value serialised as JSON, in UTF-8 bytes, against a 10 MB quota without
// unlimitedStorage. Measured on the same generated register two ways: findings as ids with params
// (what is stored now) and, as the baseline, findings as English sentences (store schema 2). The
// read views hold the same vendors again, gzip-compressed in base64 (store/packed-json.ts).
import { gzipSync } from 'node:zlib';
import type { Messages } from '../src/core/translate';
import type { Workload } from './load-workload';
import type { Row } from './table';

const QUOTA = 10 * 1024 * 1024;
const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const base64Gzip = (value: unknown) => Math.ceil(gzipSync(JSON.stringify(value)).length / 3) * 4;
const perVendor = (total: number, count: number) => `${Math.round(total / count)} B`;
const mib = (total: number) => `${(total / 1024 / 1024).toFixed(2)} MB`;

export function storageFigures(w: Workload, log: (line: string) => void): Row[] {
  const size = 20_000;
  log(`storage at ${size.toLocaleString('en-US')} vendors`);
  const list = w.registerList(size);
  const english = w.translationOf(w.translatorFromMessages(w.englishMessages as Messages));
  const withSentences = {
    ...list,
    vendors: list.vendors.map((vendor) => ({
      ...vendor,
      flags: vendor.flags.map((flag) => ({
        id: flag.id,
        severity: flag.severity,
        message: w.findingText(flag, english),
      })),
    })),
  };
  const at = `${size.toLocaleString('en-US')} vendors`;
  const now = bytes(list);
  const before = bytes(withSentences);
  const viewsNow = base64Gzip(list.vendors);
  const viewsBefore = base64Gzip(withSentences.vendors);
  const row = (figure: string, ours: string, baseline: string, ratio: string, within = ''): Row => ({
    figure,
    at,
    ours,
    // The extension asks for unlimitedStorage (README: Permissions): the quota is what a browser
    // that did not grant it would hold.
    budget: figure.includes('record + views') ? `${mib(QUOTA)} without unlimitedStorage` : '',
    baseline,
    ratio,
    within,
  });
  return [
    row(
      'stored list, bytes per vendor (JSON)',
      perVendor(now, size),
      `${perVendor(before, size)} (findings as sentences)`,
      `${((1 - now / before) * 100).toFixed(0)}% smaller`,
    ),
    row('stored list, total', mib(now), mib(before), `${((1 - now / before) * 100).toFixed(0)}% smaller`),
    row(
      'read views, bytes per vendor (gzip, base64)',
      perVendor(viewsNow, size),
      perVendor(viewsBefore, size),
      `${((1 - viewsNow / viewsBefore) * 100).toFixed(0)}% smaller`,
    ),
    row(
      'record + views, total',
      mib(now + viewsNow),
      mib(before + viewsBefore),
      `${((1 - (now + viewsNow) / (before + viewsBefore)) * 100).toFixed(0)}% smaller`,
      now + viewsNow <= QUOTA ? 'yes' : 'no',
    ),
  ];
}

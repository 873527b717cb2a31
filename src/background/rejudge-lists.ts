// After an update of the extension: every stored list is read again by this version's parser (a v1
// document is re-cleaned and re-assessed like any input), so rules added since a list was stored
// hold for it too; since issue 14, that a vendor claims only its own site (a list stored by an
// older version could hold a vendor at co.uk, or "Stripe" claiming paypal.com). Only the worker
// does this: the parser, and the Public Suffix List with it, stays off the popup's path.

import type { Vendor } from '../core/list';
import { sameJson } from '../core/register/diff';
import { readStore, updateStore } from '../platform/store';
import { parser } from './parser';

export async function rejudgeStoredLists(): Promise<void> {
  const read = await readStore();
  if (read.kind !== 'ok') return;
  // Read again first (the parser answers later, in Chrome from its offscreen document), then one
  // write that takes a list read again only where the stored list is still the one that was read.
  const again = new Map<string, { was: Vendor[]; now: Vendor[] }>();
  for (const source of Object.values(read.record.sources)) {
    if (!source.list) continue;
    const parsed = await parser.parse(JSON.stringify(source.list), {});
    // A list this version cannot read at all stays as stored: the reader reports it.
    if (parsed.ok && !sameJson(parsed.list.vendors, source.list.vendors))
      again.set(source.id, { was: source.list.vendors, now: parsed.list.vendors });
  }
  if (again.size === 0) return;
  await updateStore((record) => {
    let changed = false;
    for (const source of Object.values(record.sources)) {
      const reread = again.get(source.id);
      if (!source.list || !reread || !sameJson(source.list.vendors, reread.was)) continue;
      source.list = { ...source.list, vendors: reread.now };
      changed = true;
    }
    return changed ? record : null;
  });
}

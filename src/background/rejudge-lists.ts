// After an update of the extension: every stored list is read again by this version's parser (a v1
// document is re-cleaned and re-assessed like any input), so rules added since a list was stored
// hold for it too; since issue 14, that a vendor claims only its own site (a list stored by an
// older version could hold a vendor at co.uk, or "Stripe" claiming paypal.com). Only the worker
// does this: the parser, and the Public Suffix List with it, stays off the popup's path.

import { parse } from '../core/parse/index';
import { sameJson } from '../core/register/diff';
import { updateStore } from '../platform/store';

export async function rejudgeStoredLists(): Promise<void> {
  await updateStore((record) => {
    let changed = false;
    for (const source of Object.values(record.sources)) {
      if (!source.list) continue;
      const again = parse(JSON.stringify(source.list), {});
      // A list this version cannot read at all stays as stored: the reader reports it.
      if (!again.ok || sameJson(again.list.vendors, source.list.vendors)) continue;
      source.list = { ...source.list, vendors: again.list.vendors };
      changed = true;
    }
    return changed ? record : null;
  });
}

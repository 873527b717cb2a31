// Intl formatters cost far more to make than to use: the register's page of 50 rows made hundreds
// per keystroke. Each one is made once per locale and options, then kept (a page uses a handful).
const made = new Map<string, unknown>();

/** The formatter under `key` (say "day|de|short"), made by `make` the first time. A `make` that
 * throws (a malformed locale tag) throws again next time: nothing is kept for it. */
export function intlOnce<T>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    made.set(key, value);
  }
  return value;
}

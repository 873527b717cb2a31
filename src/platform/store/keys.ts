// The extension's storage keys, in one place so that tests (and later migrations) can name them
// without loading the browser API. docs/storage.md has the table: what each holds, who writes it.

/** storage.local: the versioned record of stored lists (see store/record.ts). */
export const STORE_KEY = 'lens.store';
/** storage.local: the record as it was found when it was unreadable or newer, before a write. */
export const STORE_BACKUP_KEY = `${STORE_KEY}.backup`;
/** storage.sync (storage.local where sync is missing): the user's settings (see settings.ts). */
export const SETTINGS_KEY = 'lens.settings';
/** storage.local: the lookup tables' head, written with the record (see store/lookup-write.ts). */
export const LOOKUP_KEY = 'lens.view';
/** storage.local: shard N of the lookup tables (the domains whose last two labels hash to N). */
export const siteShardKey = (shard: number) => `${LOOKUP_KEY}.site.${shard}`;
/** storage.local: chunk K of the lookup tables (the vendors at register indices K * chunkSize ...). */
export const vendorChunkKey = (chunk: number) => `${LOOKUP_KEY}.vendors.${chunk}`;
/** storage.local: what the options page shows of the sources and their history, packed, written
 * with the record and stamped like the lookup tables (see store/pages-summary.ts). */
export const PAGES_KEY = 'lens.view.pages';
/** storage.local: the addresses of the pages followed from the popup (a few bytes), written with the
 * record, so a navigation learns whether to re-read its page without reading the record. */
export const FOLLOWED_KEY = 'lens.followed';
/** storage.local: the organisation's policy as the worker last applied it (see managed-policy.ts):
 * the sources it follows and the settings it locks. Written by the worker only. */
export const POLICY_KEY = 'lens.policy';
/** storage.session: long work in the worker (refresh of every source, an import, a first load) and
 * how far it is, for the options page (see progress.ts). Written by the worker only. */
export const PROGRESS_KEY = 'lens.progress';
/** storage.local: the team's review of each vendor, versioned (see store/reviews.ts). Written by the
 * register page and by Import; never by a refresh, so removing a source keeps its vendors' reviews. */
export const REVIEW_KEY = 'lens.review';
/** storage.local: the review record as it was found when it was damaged or newer, before a write. */
export const REVIEW_BACKUP_KEY = `${REVIEW_KEY}.backup`;

// The extension's storage keys, in one place so that tests (and later migrations) can name them
// without loading the browser API.

/** storage.local: the versioned record of stored lists (see store-record.ts). */
export const STORE_KEY = 'lens.store';
/** storage.sync (storage.local where sync is missing): the user's settings (see settings.ts). */
export const SETTINGS_KEY = 'lens.settings';
/** storage.local: the read views' head, written with the record (see store-views.ts). */
export const VIEW_KEY = 'lens.view';
/** storage.local: shard N of the read views (the domains whose last two labels hash to N). */
export const siteShardKey = (shard: number) => `${VIEW_KEY}.site.${shard}`;
/** storage.local: chunk K of the read views (the vendors at register indices K * chunkSize ...). */
export const vendorChunkKey = (chunk: number) => `${VIEW_KEY}.vendors.${chunk}`;
/** storage.local: the team's review of each vendor, versioned (see review-store.ts). Written by the
 * register page and by Import; never by a refresh, so removing a source keeps its vendors' reviews. */
export const REVIEW_KEY = 'lens.review';
/** storage.local: the review record as it was found when it was damaged or newer, before a write. */
export const REVIEW_BACKUP_KEY = `${REVIEW_KEY}.backup`;

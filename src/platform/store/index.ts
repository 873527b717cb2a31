// Storage, in one room: every read and write of the extension's stored data goes through here.
//   keys.ts              every storage key, what it holds and who writes it
//   record.ts            the stored lists' record: its schema, typed reading, migrations
//   source-parts.ts      the schemas of a source's parts besides its list (attempt, retry, held, history)
//   record-io.ts         reading the record, and its serialised atomic writes with the lookup tables
//   register.ts          the register a record gives (every source's last good list merged)
//   register-read.ts     the register read the full way (the record), for the pages and the refresh
//   lookup-write.ts      the lookup tables the badge and popup read, made when the record is written
//   lookup-read.ts       reading the lookup tables: a host's vendor, or the whole register for search
//   lookup-cache.ts      the worker's memory of the lookup parts it read
//   packed-json.ts       how the lookup tables are packed (gzip JSON in base64)
//   pages-summary.ts     what the options page shows, written with the record: read instead of it
//   source-summaries.ts  what the pages show of each source, its history, the register as a file
//   reviews.ts           the team's review of each vendor
//   settings.ts          the user's settings (storage.sync)
export * from './keys';
export * from './lookup-cache';
export * from './lookup-read';
export * from './lookup-write';
export * from './record';
export * from './record-io';
export * from './register';
export * from './register-read';
export * from './reviews';
export * from './settings';
export * from './source-summaries';

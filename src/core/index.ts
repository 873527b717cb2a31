// The core's public surface: pure functions over the list document, usable anywhere.

export { assessVendor, formatDate, topFlag } from './assess';
export { countryName } from './country-name';
export * from './list';
export {
  buildMatchIndex,
  hostOfInput,
  type MatchIndex,
  type MatchResult,
  match,
  type Relation,
} from './match';
export { normalizeWebsite } from './normalize/url';
export { detectFormat, MAX_INPUT_CHARS, type ParseOptions, parse } from './parse/index';
export * from './result';
export { buildSearchIndex, type SearchHit, type SearchIndex } from './search/search';

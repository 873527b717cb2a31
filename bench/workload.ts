// Everything the benchmark measures, in one module: bench/load-workload.ts bundles it with esbuild
// the way the extension is bundled, so the figures are those of shipped code (not of tsx's
// on-the-fly transform).
export { default as Fuse } from 'fuse.js';
export { default as englishMessages } from '../assets/_locales/en/messages.json';
export { findingText } from '../src/core/finding-text';
export { validateList } from '../src/core/list';
export { buildMatchIndex, match } from '../src/core/match';
export { parse } from '../src/core/parse/index';
export { buildSearchIndex, FUSE_OPTIONS, searchDocOf } from '../src/core/search/search';
export { translationOf, translatorFromMessages } from '../src/core/translate';
export { generateVendors, registerList, registerOf } from '../tests/support/generate-vendors';
export { TOP_3_QUERIES, TYPED_QUERIES } from '../tests/support/search-queries';

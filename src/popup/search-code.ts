// The popup's search code: fuse.js and the word index, two thirds of the popup's script. Loaded by
// import() (./index.tsx) once the first card is painted, beside the register it searches: the card
// never waits for it, and a search typed before both are there says it is loading.
export { buildSearchIndex } from '../core/search/search';

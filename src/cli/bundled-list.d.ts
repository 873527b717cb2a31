// Provided at build time by scripts/build.ts: the bundled list, already parsed.
declare module 'virtual:bundled-list' {
  import type { SubprocessorList } from '../core/list';

  const list: SubprocessorList;
  export default list;
}

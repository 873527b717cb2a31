// The bundled Dovetail list as the build makes it (scripts/build-data.ts), on a fixed day so findings
// that depend on the date are stable: what the worker and pages load when nothing is stored.
import { buildBundledLists } from '../../scripts/build-data';
import type { SubprocessorList } from '../../src/core/list';
import { TODAY } from './test-date';

const [dovetail] = buildBundledLists(process.cwd(), TODAY);
if (!dovetail) throw new Error('no bundled source');

export const bundled: SubprocessorList = dovetail.list;

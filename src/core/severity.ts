// Ordering findings by severity. Its own file so that the service worker, which needs only topFlag,
// does not bundle assess.ts's country data (about 25 KB of i18n-iso-countries).
import type { Flag, Severity } from './list';

const RANK: Record<Severity, number> = { risk: 0, warning: 1, info: 2 };

export function bySeverity(a: Flag, b: Flag): number {
  return RANK[a.severity] - RANK[b.severity];
}

/** The most serious finding, for a badge colour or a title; null when there is none. */
export function topFlag(flags: readonly Flag[]): Flag | null {
  return [...flags].sort(bySeverity)[0] ?? null;
}

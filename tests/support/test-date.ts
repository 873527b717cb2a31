// The fixed day the tests run on: "N days ago", the stale-list finding, history entries and retry
// times never depend on the clock. Other dates in tests are set relative to this day.

/** The test day: the seed list (8 October 2018) is then 8 years old. */
export const TODAY = '2026-11-27';

/** The instant tests call "now": noon (UTC) on the test day. */
export const NOW = new Date(`${TODAY}T12:00:00Z`);

/** A time of the test day as an ISO string: onTestDay('08:00') is '2026-11-27T08:00:00.000Z'. */
export function onTestDay(time: string): string {
  return new Date(`${TODAY}T${time}:00Z`).toISOString();
}

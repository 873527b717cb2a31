// What a badge decision needs: the match index and the settings. Held in worker memory only as a
// cache for the life of one worker: MV3 stops idle workers, and a fresh one reads storage again
// (falling back to the bundled list). Building the index is a Map insert per domain, so it is rebuilt
// rather than persisted; see the report on issue 3 for the measured cost.
import { buildMatchIndex, type MatchIndex } from '../core/match';
import { type LoadedList, loadList } from '../platform/list-store';
import { loadSettings, type Settings } from '../platform/settings';

let index: Promise<MatchIndex> | null = null;
let settings: Promise<Settings> | null = null;

function retryOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

export function currentIndex(): Promise<MatchIndex> {
  index ??= retryOnFailure(
    loadList().then((loaded) => buildMatchIndex(loaded.list)),
    () => {
      index = null;
    },
  );
  return index;
}

export function currentSettings(): Promise<Settings> {
  settings ??= retryOnFailure(loadSettings(), () => {
    settings = null;
  });
  return settings;
}

/** The stored lists changed: use the new one from now on. */
export function useList(loaded: LoadedList): void {
  index = Promise.resolve(buildMatchIndex(loaded.list));
}

export function useSettings(next: Settings): void {
  settings = Promise.resolve(next);
}

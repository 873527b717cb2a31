// "DPA signed" cells ("Yes – 8 October 2018", "Yes – incorporated into terms.") to status and date.
import type { DpaStatus } from '../list';
import { findDate } from './date';
import { cleanText, stripTrailingStop } from './text';

export interface Dpa {
  status: DpaStatus;
  date: string | null;
  text: string;
}

export function parseDpa(raw: string | undefined): Dpa {
  const text = stripTrailingStop(cleanText(raw ?? '', 500));
  const lower = text.toLowerCase();
  const date = findDate(text);
  let status: DpaStatus = 'unknown';
  if (!text || /^(n\/a|na|not applicable|unknown|tbd|tbc|-|—|\?)$/.test(lower)) status = 'unknown';
  // Whole words: "Signed 3 November 2021" says "no" nowhere.
  else if (
    /\b(no|not|none|nope|unsigned|pending|outstanding|in progress|negotiat\w*)\b/.test(lower) &&
    !/^yes\b/.test(lower)
  )
    status = 'not-signed';
  else if (
    /incorporat|part of (the|our|their)|included in|within (the|our|their)|terms of service|standard terms/.test(
      lower,
    )
  )
    status = 'incorporated';
  else if (/^(yes|signed|executed|in place|y\b|✓|✔)/.test(lower) || date) status = 'signed';
  return { status, date, text };
}

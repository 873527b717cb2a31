// Dates as lists write them ("8 October 2018", "October 8, 2018", "2018-10-08") to YYYY-MM-DD.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1990 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 February and the like
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_RE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
const DAY_MONTH_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_RE = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');

const MONTH_YEAR_RE = new RegExp(`\\b${MONTH_NAME},?\\s+(\\d{4})\\b`, 'i');

export interface DateOptions {
  /** "March 2024" reads as 2024-03-01. Right for a list's "Last updated" line (staleness counts
   * from the month's start, the earliest it can mean), wrong for a DPA's signing date. */
  monthOnly?: boolean;
}

/** The first date found in the text, or null. Numeric d/m/y orders are ambiguous and ignored. */
export function findDate(text: string, options: DateOptions = {}): string | null {
  const sample = text.slice(0, 500);
  let m = ISO_RE.exec(sample);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_RE.exec(sample);
  if (m) return iso(Number(m[3]), monthIndex(m[2] ?? '') + 1, Number(m[1]));
  m = MONTH_DAY_RE.exec(sample);
  if (m) return iso(Number(m[3]), monthIndex(m[1] ?? '') + 1, Number(m[2]));
  m = options.monthOnly ? MONTH_YEAR_RE.exec(sample) : null;
  if (m) return iso(Number(m[2]), monthIndex(m[1] ?? '') + 1, 1);
  return null;
}

/**
 * Dates a question states as its premise: a month of a year, or a day of one (最初のコミットって
 * 2015年6月6日ですよね, since June 2019, from October 2022). A calendar date is a fact of the
 * story, not of the asker's situation; when no page of the results shown holds it in any of the
 * ways articles write dates (2014年6月6日, June 6, 2014, 2014-06-06), the articles give that
 * event another date or none: the question is about a fact they do not have, and the answer is
 * none. A bare year (2019年から) is left alone: articles round years into eras (2010年代) and
 * questions write "this year" as one.
 * Pure: answer.ts hands in the shown results' whole pages, read only when a date is stated.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = `(${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
const YEAR = '((?:19|20)\\d{2})';

/** Ways a question writes a month of a year (2015年6月, 2015年6月6日, June 2019, June 6, 2019, 6 June 2019, 2019-06-06). */
const STATED: ReadonlyArray<{ re: RegExp; year: number; month: number; day?: number; monthName?: boolean }> = [
  { re: new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?`, 'gu'), year: 1, month: 2, day: 3 },
  { re: new RegExp(`\\b${MONTH_NAME}\\s+(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?${YEAR}\\b`, 'giu'), year: 3, month: 1, day: 2, monthName: true },
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\s+${YEAR}\\b`, 'giu'), year: 3, month: 2, day: 1, monthName: true },
  { re: new RegExp(`\\b${YEAR}[-/](\\d{1,2})(?:[-/](\\d{1,2}))?\\b`, 'gu'), year: 1, month: 2, day: 3 },
];

export interface StatedDate {
  /** As the question writes it (2015年6月6日, June 2019). */
  text: string;
  year: number;
  month: number;
  day?: number;
}

/** The calendar dates (a month of a year at least) the question states. */
export function statedDates(question: string): StatedDate[] {
  const text = question.normalize('NFKC');
  const out: StatedDate[] = [];
  for (const { re, year, month, day, monthName } of STATED) {
    for (const m of text.matchAll(re)) {
      const mo = monthName ? MONTHS.findIndex((name) => name.startsWith(m[month]!.toLowerCase().slice(0, 3))) + 1 : Number(m[month]);
      const d = day !== undefined && m[day] !== undefined ? Number(m[day]) : undefined;
      if (mo < 1 || mo > 12 || (d !== undefined && (d < 1 || d > 31))) continue;
      out.push({ text: m[0].trim(), year: Number(m[year]), month: mo, ...(d !== undefined ? { day: d } : {}) });
    }
  }
  return out;
}

/** A pattern for the date as pages write it (lower-cased NFKC text): its day too when the question gives one. */
function heldPattern({ year, month, day }: StatedDate): RegExp {
  const mo = `0?${month}`;
  const name = MONTHS[month - 1]!;
  const monthName = `${name.slice(0, 3)}(?:${name.slice(3)})?\\.?`;
  const d = day === undefined ? '' : `0?${day}`;
  const forms = day === undefined
    ? [`${year}\\s*年\\s*${mo}\\s*月`, `${monthName}\\s+(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?${year}`, `\\d{1,2}\\s+${monthName}\\s+${year}`, `${year}[-/]${mo}(?!\\d)`]
    : [`${year}\\s*年\\s*${mo}\\s*月\\s*${d}\\s*日`, `${monthName}\\s+${d}(?:st|nd|rd|th)?,?\\s+${year}`, `${d}\\s+${monthName}\\s+${year}`, `${year}[-/]${mo}[-/]${d}(?!\\d)`];
  return new RegExp(`(?<!\\d)(?:${forms.join('|')})`, 'u');
}

/** The stated dates, as the question writes them, that none of the pages holds. */
export function findUnheldDates(question: string, pages: () => readonly string[]): string[] {
  const stated = statedDates(question);
  if (stated.length === 0) return [];
  const texts = pages().map((p) => p.normalize('NFKC').toLowerCase());
  return [...new Set(stated.filter((date) => !texts.some((t) => heldPattern(date).test(t))).map((date) => date.text))];
}

/**
 * Front matter read as written: YAML's core schema keeps `2026-13-45` the string it is (the
 * YAML 1.1 timestamp type that gray-matter's js-yaml applies would roll it over into
 * 2027-02-14), so dates are validated from their text.
 */
import { parse } from 'yaml';

/** gray-matter options whose YAML engine keeps dates as strings. */
export const FRONT_MATTER_OPTIONS = {
  engines: { yaml: (text: string): object => (parse(text, { schema: 'core' }) as object | null) ?? {} },
};

const WRITTEN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2})(?:\s+[A-Z]{2,5})?)?$)/;

/**
 * The calendar day a front-matter date names, as written (YYYY-MM-DD), or undefined when it
 * is not a real day: month 13, day 45, 29 February of a common year. A time after the day
 * (Hugo's `2024-06-20T10:00:00+09:00`) is allowed when `withTime`, and does not shift the day.
 */
export function parseWrittenDate(value: unknown, { withTime = false } = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = WRITTEN_DATE.exec(text);
  if (!m || (!withTime && text.length !== 10)) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : undefined;
}

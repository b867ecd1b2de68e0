/** Number formatting and Markdown tables for the benchmark report. */

/** Milliseconds, readable: `0.42 ms`, `12.3 ms`, `1.25 s`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** Bytes in decimal units: `512 B`, `1.2 kB`, `34.5 MB`. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '–';
  // A heap difference can come out below zero when GC freed more than the index took.
  if (bytes < 0) return `−${formatBytes(-bytes)} (GC)`;
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** ours / baseline as `3.2×`; `–` when either side is missing or the baseline is zero. */
export function formatRatio(ours: number | null | undefined, baseline: number | null | undefined): string {
  if (ours === null || ours === undefined || baseline === null || baseline === undefined || !(baseline > 0) || !Number.isFinite(ours)) return '–';
  const r = ours / baseline;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A GitHub-flavoured Markdown table; `|` inside cells is escaped. */
export function markdownTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Pure: a sync run's report as the lines an operator reads (stdout of `npm run sync`). */
import { isSyncRunOk, type SyncReport } from './run-sync.js';

/** Feed text is untrusted: no terminal control sequences reach the operator's screen. */
const clean = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

export function formatSyncReport(report: SyncReport, stateLocation?: string): string {
  const lines: string[] = [];
  lines.push(`Sync: ${report.feeds.length} feed(s)${stateLocation ? `, state in ${stateLocation}` : ''}`);
  for (const f of report.feeds) {
    const what = f.status === 'read' ? `read, ${f.items} item(s)${f.title ? ` — ${clean(f.title)}` : ''}` : f.status === 'not-modified' ? 'not modified since the last run (304)' : `FAILED: ${clean(f.reason ?? 'unknown')}`;
    lines.push(`  ${f.url}: ${what}`);
  }
  if (report.added.length > 0) {
    lines.push(`Added ${report.added.length} article(s):`);
    for (const a of report.added) lines.push(`  + ${a.date} ${clean(a.title)} <${a.url}> → ${a.file}`);
  } else {
    lines.push('Added nothing: no new items.');
  }
  if (report.known > 0) lines.push(`Already in the corpus or fetched before: ${report.known} item(s)`);
  if (report.skipped.length > 0) {
    lines.push(`Skipped ${report.skipped.length} item(s):`);
    for (const s of report.skipped) lines.push(`  - ${clean(s.item)} (feed ${s.feed}): ${clean(s.reason)}`);
  }
  for (const w of report.warnings) lines.push(`Warning: ${clean(w)}`);
  if (!isSyncRunOk(report)) lines.push('Some feeds could not be read: their new items come with a later run. Exit code 1.');
  return lines.join('\n');
}

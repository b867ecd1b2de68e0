/** Pure: a digest run's report as the lines an operator reads (stdout of `npm run digest`). */
import { formatProblems } from '../corpus/read-corpus.js';
import { isDigestRunOk, type DigestReport, type PostOutcome } from './run-digest.js';

export function formatDigestReport(report: DigestReport): string {
  const lines: string[] = [];
  const to = report.digestChannel ? ` → #${report.digestChannel.name}` : '';
  const mode = report.offline ? ' (dry run, offline: Slack was not asked; nothing is posted, the record is not written)' : report.dryRun ? ' (dry run: nothing is posted, the record is not written)' : '';
  lines.push(`Digest${mode}${to}`);
  if (report.offline) {
    lines.push(
      'Offline: SIG channels are listed whether or not the bot is a member there (a real run posts only where it is), and the channel history was not read (a real run looks there for earlier digests and for posts a stopped run may have made).',
    );
  }
  if (report.start?.kind === 'baseline' && report.offline) {
    lines.push(
      `No record yet: a first run takes the ${report.start.baseline} article(s) of the corpus as the baseline and announces none of them` +
        (report.start.since ? `, except those dated from ${report.start.since}.` : '. (--since YYYY-MM-DD announces articles from that day.)'),
    );
  } else if (report.start?.kind === 'baseline') {
    lines.push(
      `First run: no record and no earlier digest in the channel. ${report.start.baseline} article(s) taken as the baseline, not announced` +
        (report.start.since ? `; articles dated from ${report.start.since} are announced.` : '. (--since YYYY-MM-DD announces articles from that day.)'),
    );
  } else if (report.start?.kind === 'recovered') {
    lines.push(
      `The record was missing: rebuilt from ${report.start.recovered} article(s) named in earlier digests in the channel. ` +
        `${report.start.baseline} other article(s) of the corpus were taken as already known and are not announced` +
        (report.start.since ? ` (except those dated from ${report.start.since}).` : '; rerun with --since YYYY-MM-DD after moving the record aside to announce some of them.'),
    );
  }
  for (const s of report.newSources ?? []) lines.push(`New source ${s.source}: ${s.baseline} article(s) taken as its baseline, not announced; its new articles are announced from the next run.`);
  if (report.sinceIgnored) lines.push('--since was ignored: it only applies when there is no record yet.');

  const done = report.posts.filter((p) => p.ts !== undefined || report.dryRun);
  const failed = report.posts.filter((p) => p.error !== undefined);
  if (done.length > 0) {
    lines.push(report.dryRun ? 'Would post:' : 'Posted:');
    for (const p of done) lines.push(...formatPost(p, p.ts ? `ts ${p.ts}` : ''));
  }
  if (failed.length > 0) {
    lines.push('NOT posted (announced by the next run):');
    for (const p of failed) lines.push(...formatPost(p, p.error ?? ''));
  }
  if (report.posts.length === 0 && report.fatal === undefined) lines.push('No new articles: nothing to post.');
  for (const s of report.skipped) lines.push(`Not announced in #${s.channel} (${s.reason}): ${s.articleIds.join(', ')}`);
  if (report.waiting.length > 0) lines.push(`Waiting (due, but not in the corpus now): ${report.waiting.join(', ')}`);
  if (report.problems.length > 0) {
    lines.push(`Broken articles, skipped until fixed (${new Set(report.problems.map((p) => p.file)).size}):`, indent(formatProblems(report.problems)));
  }
  if (report.fatal !== undefined) lines.push(`Stopped: ${report.fatal}`);
  if (!isDigestRunOk(report)) lines.push('The run FAILED: rerun it (or wait for the next one); nothing posted above is posted again.');
  return lines.join('\n');
}

function formatPost(p: PostOutcome, note: string): string[] {
  return [`  #${p.channel.name}: ${p.articles.length} article(s)${note ? ` — ${note}` : ''}`, ...p.articles.map((a) => `    - ${a.id}  ${a.title}`)];
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

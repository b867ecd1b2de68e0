/** Renders an Answer for a person in a terminal. */
import type { Answer, ExcerptSegment } from '../answer/types.js';
import { PLAIN_STYLE, type TextStyle } from '../text-style.js';

export function renderAnswerText(answer: Answer, style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  for (const notice of answer.notices) lines.push(style.dim(`(${notice})`));
  if (!answer.answered) {
    lines.push(answer.query === '' ? 'Ask a question about Kubernetes, e.g. "サイドカーコンテナってどう定義するの?"' : `No confident answer in the articles for: ${answer.query}`);
    if (answer.suggestions.length > 0) {
      lines.push('', 'Closest articles:');
      for (const s of answer.suggestions) lines.push(`  - ${s.title}${s.date ? ` (${s.date})` : ''}`, `    ${s.url}`);
    }
    if (answer.channel) lines.push('', `Ask the community in #${answer.channel.name}: ${answer.channel.url}`);
    return lines.join('\n');
  }
  if (answer.confidence === 'low') lines.push(style.dim('関連しそうな箇所です。確信はありません (these passages may help; the articles may not answer this exactly).'));
  answer.results.forEach((r, i) => {
    lines.push('', style.bold(`${answer.offset + i + 1}. ${r.title}${r.section ? ` › ${r.section}` : ''}`));
    lines.push(style.dim(`   ${[r.date, r.url].filter(Boolean).join('  ')}`));
    lines.push(`   ${renderExcerpt(r.excerpt, style)}`);
  });
  if (answer.channel) lines.push('', style.dim(`Discussed in #${answer.channel.name}: ${answer.channel.url}`));
  return lines.join('\n').replace(/^\n/, '');
}

function renderExcerpt(segments: readonly ExcerptSegment[], style: TextStyle): string {
  return segments.map((s) => (s.match ? style.bold(s.text) : s.text)).join('');
}

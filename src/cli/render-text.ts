/** Renders an Answer for a person in a terminal, in the question's language; code indented. */
import type { Answer, ExcerptSegment } from '../answer/types.js';
import { selectLanguage } from '../i18n/language.js';
import { messages, type Lang } from '../i18n/messages.js';
import { PLAIN_STYLE, type TextStyle } from '../text-style.js';

export function renderAnswerText(answer: Answer, style: TextStyle = PLAIN_STYLE, lang: Lang = selectLanguage(answer.query)): string {
  const m = messages(lang);
  const lines: string[] = [];
  for (const notice of answer.notices) lines.push(style.dim(`(${m.notice(notice)})`));
  if (answer.followUpOf) lines.push(style.dim(m.followUpOf(answer.followUpOf)));
  if (!answer.answered || answer.confidence === 'none') {
    lines.push(answer.query === '' ? m.askPrompt.replace(/_/g, '') : `${m.noAnswer} ${m.questionLabel} ${answer.query}`);
    if (answer.suggestions.length > 0) {
      lines.push('', m.closestArticles);
      for (const s of answer.suggestions) lines.push(`  - ${s.title}${s.date ? ` (${s.date})` : ''}`, `    ${s.url}`);
    }
    if (answer.channel) lines.push('', `${m.askCommunity(`#${answer.channel.name}`)} ${answer.channel.url}`);
    return lines.join('\n');
  }
  if (answer.confidence === 'low') lines.push(style.dim(m.lowConfidence));
  answer.results.forEach((r, i) => {
    lines.push('', style.bold(`${answer.offset + i + 1}. ${r.title}${r.section ? ` › ${r.section}` : ''}`));
    lines.push(style.dim(`   ${[r.date, r.url].filter(Boolean).join('  ')}`));
    lines.push(`   ${renderExcerpt(r.excerpt, style)}`);
    if (r.code) lines.push('', ...r.code.split('\n').map((l) => `       ${l}`));
    if (r.channel && r.channel.name !== answer.channel?.name) lines.push(style.dim(`   ${m.resultChannel(`#${r.channel.name}`)}`));
  });
  if (answer.channel) lines.push('', style.dim(`${m.discussedIn(`#${answer.channel.name}`)}: ${answer.channel.url}`));
  return lines.join('\n').replace(/^\n/, '');
}

function renderExcerpt(segments: readonly ExcerptSegment[], style: TextStyle): string {
  return segments.map((s) => (s.match ? style.bold(s.text) : s.text)).join('');
}

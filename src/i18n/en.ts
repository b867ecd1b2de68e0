/** English: for questions asked in English, and users whose Slack locale is English. */
import type { EvidenceKind } from '../answer/types.js';
import type { RoleGap } from '../answer/role-evidence.js';
import type { DetailKind } from '../answer/detail-evidence.js';
import type { Messages } from './messages.js';

/** What a question asks for (search/asked-things.ts), as the missingKinds notice names it. */
const EN_KINDS: Record<EvidenceKind, string> = { time: 'date or version', person: 'name of a person', number: 'number', flag: 'flag', gate: 'feature gate name', code: 'example or manifest' };

/** A role asked about in English: as written when it is, else its title family's name (チェア: chair, テックリード: tech lead). */
function englishRole(gap: RoleGap): string {
  if (/[A-Za-z]/.test(gap.role) || !gap.family) return gap.role;
  return gap.family === 'lead' && /テック|テクニカル/u.test(gap.role) ? 'tech lead' : gap.family;
}
/** A detail asked for (detail-evidence.ts), as the missingDetails notice names it. */
const EN_DETAILS: Record<DetailKind, string> = { place: 'place it was held', country: 'country', day: 'day or time', title: 'title', count: 'count at that release or year', duration: 'length of time', default: 'default value', stage: 'release reaching that stage', setting: 'place to set it', released: 'date of that release', amount: 'sum of money', figure: 'measured figure' };

export const en: Messages = {
  lang: 'en',
  questionLabel: 'Q:',
  emptyQuestion: '(empty question)',
  askPrompt: 'Ask me a question about Kubernetes, e.g. _how do I define a sidecar container?_',
  noAnswer: "Sorry, I couldn't find a confident answer to that in the articles.",
  closestArticles: 'The closest articles:',
  askCommunity: (channel) => `You could ask the community in ${channel}.`,
  discussedIn: (channel) => `💬 Discussed in ${channel}`,
  resultChannel: (channel) => `💬 ${channel}`,
  sharedBy: (user) => `Shared by ${user}`,
  lowConfidence: '⚠️ These passages look related, but I am not sure they answer it.',
  noConfidence: (missing) => (missing ? `No article mentions ${missing}.` : 'No article answers this question.'),
  followUpOf: (question) => `↩︎ Also searched with the thread's earlier question "${question}"`,
  sectionFromText: (words) => `from “${words}”`,
  codeCut: (lines) => `(${lines} more lines in the article)`,
  notice: (n) => {
    switch (n.kind) {
      case 'truncated':
        return `The question was ${n.length} characters long; only the first ${n.max} were searched.`;
      case 'empty':
        return 'The question is empty.';
      case 'noSearchableWords':
        return 'The question has no searchable words.';
      case 'unknownNames':
        return `No article mentions ${n.names.join(', ')}.`;
      case 'absentNames':
        return `The first result's page does not mention ${n.names.join(', ')}: these passages are about something nearby.`;
      case 'unheldValues':
        return `No article states ${n.values.join(' or ')}: the question's premise may differ from what the articles say.`;
      case 'unheldRoles':
        return `${n.roles.map((r) => `No article presents ${r.person} as ${r.owner ? `${r.owner}'s ` : ''}${r.role}.`).join(' ')} The question's premise may differ from what the articles say.`;
      case 'unheldAffiliations':
        return `${n.affiliations.map((a) => (a.product ? `No article presents ${a.person} as made by ${a.firm}.` : `No article presents ${a.person} as being with ${a.firm}.`)).join(' ')} The question's premise may differ from what the articles say.`;
      case 'unheldPairings':
        return `${n.pairings.map((p) => `The articles pair ${p.name} with ${p.found}, not with ${p.stated}.`).join(' ')} The question's premise may differ from what the articles say.`;
      case 'strandedNames':
        return `The articles mention ${n.names.join(' and ')}, but never together with the rest of the question.`;
      case 'missingKinds':
        return `The articles touch on this, but none gives the ${n.kinds.map((k) => EN_KINDS[k]).join(' or ')} asked for.`;
      case 'siblingNames':
        return n.contrasts.map((c) => `What I found is about ${c.found.slice(0, 2).join(' and ')}, not ${c.asked}.`).join(' ');
      case 'passingNames':
        return `The articles only mention ${n.names.join(' and ')} in passing; none explains it.`;
      case 'roleGaps':
        return n.gaps.map((g) => (g.asks === 'role' ? `No article gives ${g.of}'s role.` : `No article says who the ${englishRole(g)}${g.of ? ` of ${g.of}` : ''} is.`)).join(' ');
      case 'missingDetails':
        return [
          ...(n.kinds.length > 0 ? [`The articles touch on this, but none gives the ${n.kinds.map((k) => EN_DETAILS[k]).join(' or ')} asked for.`] : []),
          ...(n.editions.length > 0 ? [`No article mentions ${n.editions.join(' or ')} itself.`] : []),
        ].join(' ');
    }
  },
  moreResults: 'More results',
  share: 'Share in channel',
  starting: "I'm still loading the articles — please ask again in a few seconds.",
  apology: 'Sorry, something went wrong while answering. Please try again in a moment.',
  mayNotHaveArrived: "Sorry, I couldn't confirm that my answer reached you. If you don't see it, please ask again.",
  expired: 'That button has expired. Please ask the question again.',
  thanks: 'Thanks for the feedback!',
  cannotShare: "Sorry, I couldn't share the answer in this channel. If I'm not a member, invite me with `/invite @k8s-bot` and try again.",
  noMoreResults: 'There are no more results for this question.',
  helpHeader: (command) => `How to use ${command}`,
  helpUsage: (command) => [
    `\`${command} <question>\` — answers from the Japanese Kubernetes articles, only you see it (then *Share in channel* if it helps others)`,
    `\`${command} latest\` — the newest articles`,
    `\`${command} digest\` — a preview of the next digest of newly added articles`,
    `\`${command} help\` — this message`,
    'Mention me in a channel (`@k8s-bot <question>`) and I answer in the thread; mention me again in the thread and I take the earlier question into account. Or send me a direct message.',
    'On any message, the ⋯ menu → *Ask k8s-bot* answers about that message (only you see it).',
  ],
  helpExamplesTitle: '*Examples*',
  helpExamples: ['how do I apply a seccomp profile from an OCI registry', 'サイドカーコンテナってどう定義するの?', 'PodDisruptionBudget unhealthy pod eviction'],
  helpFooter: 'Every answer cites its article, section and date, and names the community channel where the topic is discussed.',
  helpFallback: (command) => `Ask me about Kubernetes: ${command} <question>, ${command} latest, ${command} help`,
  latestHeader: 'Newest articles',
  noArticles: 'There are no articles yet.',
  shortcutEmpty: 'That message has no text I could ask about.',
  homeTitle: 'Welcome to k8s-bot',
  homeHowTo: (command) => [
    `\`${command} <question>\` — an answer only you see`,
    '`@k8s-bot <question>` in a channel — answered in the thread; mention me again there to follow up',
    'A direct message in this app\'s Messages tab — answered in the DM',
    'The ⋯ menu on a message → *Ask k8s-bot* — answers about that message',
  ],
  homeLatest: 'Newest articles',
  homeChannels: 'Community channels',
  homeChannelLine: (channel, sigs) => (sigs ? `${channel} — ${sigs}` : channel),
  digestHeading: (range) => `New articles (${range})`,
  digestHeadingFor: (channel, range) => `New articles for #${channel} (${range})`,
  digestRange: (first, last, total) => `${first}–${last} of ${total}`,
  previewHeader: 'Next digest (preview)',
  previewNoRun: (articles, channel) =>
    `No digest has run yet. The first run takes the ${articles} articles in the corpus now as the baseline and announces none of them; articles added after it are announced${channel ? ` in #${channel}` : ''}.`,
  previewNothingNew: 'Nothing new since the last digest: the next run posts nothing.',
  previewAnnounces: (count, channel, nextRun) => `The next digest${channel ? ` in #${channel}` : ''}${nextRun ? ` (next run ${nextRun})` : ''} announces ${count} article(s):`,
  previewMore: (count) => `…and ${count} more.`,
  previewAlsoIn: (channels) => `Also announced in ${channels} where the bot is a member.`,
  previewBroken: (files) => `Skipped until fixed (broken): ${files}`,
};

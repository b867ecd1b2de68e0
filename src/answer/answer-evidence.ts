/**
 * Answer-kind evidence: a question asking for a thing that can be recognised in text (a date
 * or release for いつ / when, a person for 誰 / who, a count for いくつ / how many, a
 * command-line flag for どのフラグ / which flag, code for 書き方 / 設定例 / an example) is
 * answered only by a passage holding such a thing beside the question's own words. When the
 * passages shown hold one only far from those words (another release's date), or none at all,
 * the corpus mentions the topic but not the asked detail: the answer's confidence is none.
 * What is asked and what a sentence holds are read by search/asked-things.ts (ranking reads
 * them too); this decides what the shown passages lack.
 */
import { looksLikeOutput } from '../corpus/command-output.js';
import { findSpans } from '../search/spans.js';
import type { SearchOutcome } from '../search/searcher.js';
import { BESIDE_IDEA_KINDS, heldBesideIdea } from './beside-idea.js';
import { countedTerms, countHeld } from './counted-evidence.js';
import { heaviestIdea } from './heaviest-idea.js';
import { ASKS_COMMAND, ASKS_DATE, buildEvidenceQuestion, measureEvidence, selectEvidenceKinds, ANSWER_EVIDENCE, type EvidenceKind, type EvidenceSpan, type KindEvidence, type ThingKind } from '../search/asked-things.js';

/**
 * Code in prose: a command line, a YAML key line, a command-line flag, or a field named as the
 * manifest spells it (restartPolicy, spec.containers; not a host name such as kubernetes.io):
 * prose that says which field to set and to what answers "どう書けば" too, and the Markdown
 * code span around it is gone by now.
 */
const CODE_IN_TEXT = /^\s*(?:\$ |kubectl |apiVersion:|kind: )|(?<![\w-])--[a-z][a-z0-9-]+|(?<![\w.-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![\w-])|(?<![\w.-])(?![a-z0-9.-]*\.(?:io|com|org|net|dev)(?![\w.-]))[a-z]{2,}(?:\.[a-z][A-Za-z0-9]+)+(?![\w-])/mu;
/** A clause asking what a thing is (…って何で、 / なに？ / 何ですか？), beside the kinds asked. */
const ASKS_WHAT_TOO = /(?:何|なに|なん)(?:なの|だった|でしたか|ですか|だっけ|でしょう)?\s*(?:で[、,]|[?？])/u;
/** Whether the question asks what in a clause of its own, and a kind of thing in another (本って何で、いつ始まった？; not リリース日は何？). */
function asksWhatApart(question: string): boolean {
  const text = question.normalize('NFKC');
  const m = ASKS_WHAT_TOO.exec(text);
  if (!m) return false;
  const start = Math.max(...[...'、,。?？!！\n'].map((d) => text.lastIndexOf(d, m.index))) + 1;
  const rest = `${text.slice(0, start)} ${text.slice(m.index + m[0].length)}`;
  return selectEvidenceKinds(rest).some((k) => k !== 'code');
}
/** The word command, as a term or its concept: what is asked for, not what it is for. */
const COMMAND_WORD = /^(?:~command|コマンド|commands?)$/u;
/** A command line: a prompt, sudo or kubectl at a line's start. */
const COMMAND_LINE = /^\s*(?:\$ |sudo |kubectl )/mu;

/**
 * Whether a passage shows code: a code block, or a command, YAML line or flag in its text that
 * the question does not name itself (a flag the question asks how to fill in is no example of it).
 */
export function holdsCode(passage: EvidencePassage, question = ''): boolean {
  if ((passage.code?.length ?? 0) > 0) return true;
  const named = question.normalize('NFKC').toLowerCase();
  for (const m of passage.text.matchAll(CODE_IN_TEXT_ALL)) if (named === '' || !named.includes(m[0].trim().toLowerCase())) return true;
  return false;
}
const CODE_IN_TEXT_ALL = new RegExp(CODE_IN_TEXT.source, 'gmu');

export interface EvidencePassage {
  text: string;
  /** `[start, end)` of its code blocks. */
  code?: ReadonlyArray<readonly [number, number]>;
}

/**
 * The kinds the question asks for that the passages do not answer, when every asked kind fails
 * (a question asking what and when is partly answered by the what): a thing of the kind exists
 * but only away from the question's words, or none exists and the top passage covers the
 * question only in part (`topCoverage` below `highTopCoverage`; a well-covered question whose
 * answer ranks lower keeps its answer).
 */
export function selectMissingKinds(evidence: readonly KindEvidence[], topCoverage: number, highTopCoverage: number, settings = ANSWER_EVIDENCE, askedByName: readonly EvidenceKind[] = []): EvidenceKind[] {
  // Code is asked for by name (the YAML, an example), and so is a date (リリース日, what date), a
  // person (誰) and a feature gate: no passage showing any is no answer, however well it covers
  // the words (いつ / どのバージョンから may be answered in words; so may a flag: treating どのフラグ
  // / 引数 as asked by name cost a held-out set a false refusal for each refusal it gained).
  const fails = (e: KindEvidence): boolean => (e.held ? e.near < (e.kind === 'person' ? settings.personNearShare : settings.nearShare) : e.kind === 'code' || askedByName.includes(e.kind) || topCoverage < highTopCoverage);
  return evidence.length > 0 && evidence.every(fails) ? evidence.map((e) => e.kind) : [];
}

/** Words naming what is asked for (an example, a manifest), not what it is for. */
const ARTIFACT_WORD = /^(?:~manifest|~example|~configuration|~yaml|マニフェスト|manifests?|examples?|yaml|サンプル|例|設定例)$/u;

/**
 * Whether a shown passage holds code and names the question's heaviest idea outside its code
 * blocks, or holds code in its text: a name only in a block of command output (a release listed
 * by `helm list`) is no example of configuring it.
 */
function exampleHeld(shown: readonly EvidencePassage[], query: SearchOutcome['query'], groupWeights: readonly number[], spansOf: (text: string) => readonly EvidenceSpan[]): boolean {
  const whole = heaviestIdea(query, groupWeights, ARTIFACT_WORD);
  return shown.some((p) => {
    if (!holdsCode(p, query.text)) return false;
    const blocks = p.code ?? [];
    if (blocks.length === 0 || whole.size === 0) return true;
    const named = spansOf(p.text).filter((s) => whole.has(s.term));
    const blockOf = (s: EvidenceSpan): number => blocks.findIndex(([start, end]) => s.start >= start && s.end <= end);
    return named.some((s) => {
      const block = blocks[blockOf(s)];
      return block === undefined || !looksLikeOutput(p.text.slice(block[0], block[1]));
    });
  });
}

/**
 * Whether a shown passage holds a command (a code block or a command line) and the question's
 * heaviest idea, the thing the command is for: a flag of another tool in a passage beside it
 * (CRI-O's --enable-criu-support for cri-dockerd) is no answer.
 */
function commandHeld(shown: readonly EvidencePassage[], query: SearchOutcome['query'], groupWeights: readonly number[], spansOf: (text: string) => readonly EvidenceSpan[]): boolean {
  // The thing is a name or a concept: not an ordinary word (取り of 取りたい, rare in the corpus and
  // so heavy), nor the word command itself; the heaviest idea of all when none is.
  const whole = heaviestIdea(query, groupWeights, COMMAND_WORD, true);
  return shown.some((p) => ((p.code?.length ?? 0) > 0 || COMMAND_LINE.test(p.text)) && spansOf(p.text).some((s) => whole.has(s.term)));
}

/**
 * The kinds the question asks for that the shown passages do not answer (see selectMissingKinds):
 * empty, and nothing read, when it asks for no recognisable kind (most questions).
 */
export function findMissingKinds(outcome: Pick<SearchOutcome, 'query' | 'weights'>, shown: readonly EvidencePassage[], topCoverage: number, highTopCoverage: number, spansOf = (text: string): readonly EvidenceSpan[] => findSpans(text, outcome.query.terms, outcome.weights, { foldProlonged: true })): EvidenceKind[] {
  const kinds = selectEvidenceKinds(outcome.query.text);
  if (kinds.length === 0 || shown.length === 0) return [];
  const question = buildEvidenceQuestion(outcome);
  const { groupWeights } = question;
  const things = kinds.filter((k): k is ThingKind => k !== 'code' && !(BESIDE_IDEA_KINDS as readonly string[]).includes(k));
  const evidence: KindEvidence[] = things.length > 0 ? measureEvidence(shown.map(({ text }) => ({ text, spans: spansOf(text) })), question, things) : [];
  // A count of a thing named (how many clusters) is held only beside that thing, and asked for by name.
  const counted = kinds.includes('number') ? countedTerms(outcome.query) : undefined;
  if (counted) {
    const held = countHeld(shown, counted, spansOf);
    const at = evidence.findIndex((e) => e.kind === 'number');
    if (at >= 0) evidence[at] = { kind: 'number', held, near: held ? 1 : 0 };
  }
  for (const kind of BESIDE_IDEA_KINDS) {
    if (!kinds.includes(kind)) continue;
    const held = heldBesideIdea(kind, shown, outcome.query, groupWeights, spansOf);
    evidence.push({ kind, held, near: held ? 1 : 0 });
  }
  if (kinds.includes('code')) {
    const held = ASKS_COMMAND.test(outcome.query.text) ? commandHeld(shown, outcome.query, groupWeights, spansOf) : exampleHeld(shown, outcome.query, groupWeights, spansOf);
    evidence.push({ kind: 'code', held, near: held ? 1 : 0 });
  }
  // A question asking what as well (最初の本って何で、いつ始まった？) is partly answered by a
  // passage covering it well, whatever its kinds' evidence: that passage says what.
  if (topCoverage >= highTopCoverage && !kinds.includes('code') && asksWhatApart(outcome.query.text)) return [];
  return selectMissingKinds(evidence, topCoverage, highTopCoverage, ANSWER_EVIDENCE, [...(ASKS_DATE.test(outcome.query.text) ? ['time' as const] : []), 'person', ...(counted ? ['number' as const] : []), ...BESIDE_IDEA_KINDS]);
}

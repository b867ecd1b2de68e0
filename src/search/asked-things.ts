/**
 * What a question asks for that a sentence can hold (a date or release for いつ / when, a person
 * for 誰 / who, a count for いくつ / how many, a command-line flag for どのフラグ / which flag;
 * code for 書き方 / 設定例 / an example is found by the passage) and whether passages hold one
 * beside the question's own words. Read by ranking (answer-type.ts: a passage holding the asked
 * thing ranks higher) and by the answer's confidence (answer/answer-evidence.ts: none when the
 * shown passages hold none).
 */
import { locateLineSentences, sentenceTexts } from '../corpus/sentences.js';
import { ASKS_EXAMPLE } from '../text/asks-how.js';
import { selectAnswerKinds } from './answer-kind.js';
import { groupWeightsOf, type AnalysedQuery } from './query.js';
import { LruCache } from './lru-cache.js';
import { isOrdinaryWord } from './unknown-entities.js';
export type EvidenceKind = 'time' | 'person' | 'number' | 'flag' | 'gate' | 'code';

/** The kinds found as things in sentences; `code` is found by the passage (its code blocks). */
export type ThingKind = Exclude<EvidenceKind, 'code' | 'gate'>;

/** A date asked for by name rather than by いつ (`リリース日は？`, `初コミット 日付`). */
export const ASKS_DATE = /日付|リリース日|公開日|何月何日|\b(?:what|which) date\b|\brelease date\b/iu;

/**
 * A command asked for by name (コマンド教えて, どのコマンド, the exact command to…; not
 * 「dockerコマンド叩いてた」, which tells what the asker did): answered by a command or a code
 * block beside the thing it is for (commandHeld).
 */
export const ASKS_COMMAND = /コマンド(?:を|は|って)?(?:教えて|なに|何|[?？])|(?:どの|何の|どんな)コマンド|\b(?:exact|which|what) commands?\b|\bcommands? (?:to|for)\b/iu;
/**
 * A setting asked for by name (どのフィールド, which setting, the Helm values to set, 設定項目は):
 * answered, like an example, by code or a field named as the manifest spells it, beside the
 * thing it configures; prose saying a thing can be configured is no answer.
 */
export const ASKS_SETTING = /(?:どの|何の|どんな)\s*(?:フィールド|パラメータ|パラメーター|設定項目|キー)|フィールド名|設定項目(?:は|って|を)|\b(?:which|what) (?:field|setting|parameter|key|helm value)s?\b|\bhelm values\b/iu;
/**
 * A feature gate asked for by name (フィーチャーゲート名, feature gate の名前, which feature
 * gate): answered by a gate's name (ContainerCheckpoint, PDBUnhealthyPodEvictionPolicy) beside
 * the feature; a passage saying a gate exists names none.
 */
export const ASKS_GATE = /(?:フィーチャーゲート|feature ?gate|機能ゲート)\s*(?:の\s*)?(?:名前?|教えて|(?:って|は)(?:何|なに|なん))|(?:どの|何の|どんな)\s*(?:フィーチャーゲート|feature ?gate|機能ゲート)|\b(?:which|what) feature ?gates?\b|\bname of the feature gate\b/iu;
/**
 * Who keeps a thing going (誰が maintain してる, who has committed to maintaining it, どこが開発):
 * a company or a project answers as a person does.
 */
const ASKS_ORGANISATION = /(?:誰|だれ|どこ)(?:が|の)?[^。?？]{0,20}?(?:メンテ|maintain|維持|開発|提供|管理|サポート|寄贈|支援)|(?:メンテ|maintain|維持|開発|提供|管理|サポート|寄贈|支援)[^。?？]{0,20}?(?:誰|だれ|どこ)|\bwho\b[^?？]{0,60}?\b(?:maintain|develop|provid|support|donat|sponsor|commit)\w*/iu;
/** A sentence saying who keeps a thing going: a verb of doing so. */
const ORGANISATION_VERB = /メンテ|維持|開発|提供|管理|サポート|寄贈|支援|\b(?:maintain|develop|provid|support|donat|sponsor)\w*/iu;
/** A capitalised name (Mirantis, Red Hat): the organisation, when it is no ordinary word and the question does not name it. */
const CAPITALISED_NAME = /(?<![\w-])[A-Z][A-Za-z0-9]+(?:\s+[A-Z][A-Za-z0-9]+)*/gu;

function holdsOrganisation(sentence: string, question: string): boolean {
  if (!ORGANISATION_VERB.test(sentence)) return false;
  const asked = question.normalize('NFKC').toLowerCase();
  for (const m of sentence.matchAll(CAPITALISED_NAME)) {
    const name = m[0].toLowerCase();
    if (!asked.includes(name) && (name.includes(' ') || !isOrdinaryWord(name))) return true;
  }
  return false;
}


/**
 * Who: the question asks for a person (not だれない or だれて: growing slack). An English who,
 * whom or whose asks at the start of a sentence or clause, after know / tell me / wonder, or as
 * by / to whom; after a noun it is a relative pronoun (`a pod whose securityContext`).
 */
const ASKS_PERSON = /誰|だれ(?!ない|て|る|た)|どなた|(?:^|[.?!,;:]\s*|\b(?:and|but|or|know|tell me|wonder|ask|asking|remember|sure|idea|out)\s+)(?:who(?:m|se)?)\b|\b(?:by|to|with|from) whom\b/iu;

/** A pattern of lower-case ASCII letters matching either case ([jJ][aA][nN]). */
function caseless(pattern: string): string {
  return pattern.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Things of each kind as written. Matched on NFKC text; a thing the question names itself does not count. */
const THINGS: Record<ThingKind, RegExp> = {
  time: new RegExp(
    [
      '(?:19|20)\\d{2}\\s*年(?:\\s*\\d{1,2}\\s*月)?',
      '\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日',
      '\\b(?:19|20)\\d{2}\\b',
      `\\b(?:${caseless(MONTHS)})\\.?\\s+\\d{1,2}\\b`,
      '\\b[vV]?\\d+\\.\\d+(?:\\.\\d+)?\\b',
      '(?:今年|昨年|去年|来年|先月|今月|来月|先週|今週|来週)',
    ].join('|'),
    // Cases spelled out rather than the i flag: six times faster with u, the same matches.
    'gu',
  ),
  person: new RegExp(
    [
      // 田中氏, 田中さん, Kelsey さん, カンジェレフ氏: the suffix found first, then the name before it
      // (a name run matched first is retried from each of its characters: ten times slower).
      '(?:氏|さん)(?<=[\\p{Script=Han}\\p{Script=Katakana}ー・A-Za-z]{2}\\s?(?:氏|さん))',
      // Kelsey Hightower, Sergey Kanzhelev, Verónica López (any Latin letters, accents too). The
      // first letter is matched as a Latin capital before the lookbehind is tried: five times
      // faster than looking behind at every character, and the same matches on the corpus.
      '[A-Z\\u00C0-\\u00DE\\u0100-\\u024F](?<=\\p{Lu})(?<![\\p{Lu}\\p{Ll}\\p{N}]\\p{Lu})\\p{Ll}+(?:\\s+\\p{Lu}\\.)?\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?![\\p{Lu}\\p{Ll}\\p{N}])',
      // @handle
      '(?<![\\w.])@[A-Za-z][\\w-]{1,38}',
    ].join('|'),
    'gu',
  ),
  number: /(?:\d+|[一二三四五六七八九十百千万数]+)\s*(?:つ|個|人|名|回|件|日|週|ヶ?月|か月|年|秒|分|時間|%|％)|\b\d+\b/gu,
  flag: /(?<![\w-])--[a-z][a-z0-9-]*/giu,
};

/** A counter the question asks how many of (何行 → 行, 何人 → 人 or 名, 何% → % or パーセント). */
const ASKED_COUNTER = /何\s*(個|人|名|回|度|週|日|秒|分|時間|[ヶかカケ]月|行|件|台|本|社|倍|割|桁|種類|パーセント|[%％])(?!も)/u;
/** Counters written either way. */
const SAME_COUNTER: Record<string, string> = { 人: '人|名', 名: '人|名', パーセント: '%|％|パーセント', '%': '%|％|パーセント', '％': '%|％|パーセント', ヶ月: '[ヶかカケ]月', か月: '[ヶかカケ]月', カ月: '[ヶかカケ]月', ケ月: '[ヶかカケ]月' };

/**
 * Whether a text holds a count of the counter the question asks for (`約150万行` for 何行), or
 * undefined when the question names no counter. A question asking 何行 is not answered by the
 * `1年以上` beside its words: any number would lift every passage on the topic alike.
 */
export function countFinder(question: string): ((text: string) => boolean) | undefined {
  const counter = ASKED_COUNTER.exec(question.normalize('NFKC'))?.[1];
  if (counter === undefined) return undefined;
  const count = new RegExp(`(?:\\d|[一二三四五六七八九十百千万億数])\\s*[万千百億]?\\s*(?:${SAME_COUNTER[counter] ?? counter})`, 'u');
  return (text) => count.test(text.normalize('NFKC'));
}

/**
 * Whether a match of THINGS[kind] is a thing of that kind. Two capitalised words are a
 * person's name unless both are ordinary English words: Special Interest, Tech Lead, Cloud
 * Provider, Steering Committee and Red Hat are titles, roles and firms, while Bob Killen or
 * Dawn Chen keeps a word the list lacks.
 */
function isThing(kind: ThingKind, m: RegExpMatchArray): boolean {
  if (kind !== 'person' || !/^[A-Z]/.test(m[0])) return true;
  return !m[0].split(/[\s-]+/).every((word) => /^[A-Z]\.$/.test(word) || isOrdinaryWord(word.toLowerCase()));
}

/** What the question asks for, of the kinds that can be recognised in text. */
export function selectEvidenceKinds(question: string): EvidenceKind[] {
  const kinds = new Set<EvidenceKind>();
  for (const k of selectAnswerKinds(question)) if (k === 'time' || k === 'number' || k === 'flag') kinds.add(k);
  if (ASKS_DATE.test(question)) kinds.add('time');
  if (ASKS_PERSON.test(question)) kinds.add('person');
  if (ASKS_GATE.test(question)) kinds.add('gate');
  // A manifest or an example asked for (`YAMLの書き方`, `設定例ある？`, `どう書けば`) is answered by code.
  if (ASKS_EXAMPLE.test(question) || ASKS_COMMAND.test(question) || ASKS_SETTING.test(question)) kinds.add('code');
  return [...kinds];
}

const NAME_BEFORE = /[\p{Script=Han}\p{Script=Katakana}ー・A-Za-z]+\s?$/u;
/** A thing as compared with the question's: `v1.31` is `1.31`; `さん` is the name before it. */
function key(m: RegExpMatchArray): string {
  const name = m[0] === '氏' || m[0] === 'さん' ? (NAME_BEFORE.exec(m.input!.slice(Math.max(0, m.index! - 24), m.index)) ?? [''])[0] : '';
  return (name + m[0]).toLowerCase().replace(/\s+/g, '').replace(/^v(?=\d)/, '');
}

/** The things of the kind the question names itself (`1.31` of `1.31はいつ？`): they answer nothing. */
function namedThings(question: string, kind: ThingKind): Set<string> {
  return new Set([...question.normalize('NFKC').matchAll(THINGS[kind])].filter((m) => isThing(kind, m)).map(key));
}

function holdsThing(text: string, kind: ThingKind, named: ReadonlySet<string>): boolean {
  for (const m of text.normalize('NFKC').matchAll(THINGS[kind])) if (isThing(kind, m) && !named.has(key(m))) return true;
  return false;
}

/** Whether a text names a person the question does not name itself (role-evidence.ts reads it sentence by sentence). */
export function personFinder(question: string): (text: string) => boolean {
  const named = namedThings(question, 'person');
  return (text) => holdsThing(text, 'person', named);
}

/** Whether the text holds a thing of the kind that the question does not name itself. */
export function holdsEvidence(text: string, kind: ThingKind, question: string): boolean {
  return holdsThing(text, kind, namedThings(question, kind));
}

export interface EvidenceSpan {
  start: number;
  end: number;
  term: string;
}

export interface EvidenceQuestion {
  /** The question as searched. */
  text: string;
  /** The weight of each of its groups of terms (an idea counts once, at its strongest term). */
  groupWeights: readonly number[];
  /** The group a term belongs to. */
  groupOf: (term: string) => number | undefined;
}

/** What the passages offer of one asked kind. */
export interface KindEvidence {
  kind: EvidenceKind;
  /** Some passage holds a thing of the kind (one the question does not name). */
  held: boolean;
  /**
   * The best share of the question's weight within reach of a sentence holding one (0 when none
   * does); when a question asking when names a release or year itself (`1.31` of `1.31はいつ？`),
   * only where that one is within reach too: a date beside 1.30 is 1.30's. (A count's own
   * numbers only qualify it: `how many … over its first 10 years` is not answered beside a 10.)
   */
  near: number;
}

/**
 * For each kind, whether the passages hold a thing of that kind and the best share of the
 * question's weight held within `reach` sentences of one: a date beside the question's own
 * words answers it; one paragraphs away from them is another release's date.
 */
export function measureEvidence(passages: ReadonlyArray<{ text: string; spans: readonly EvidenceSpan[] }>, question: EvidenceQuestion, kinds: readonly ThingKind[], reach = ANSWER_EVIDENCE.reach): KindEvidence[] {
  const out = kinds.map((kind) => ({ kind, held: false, near: 0 }));
  const total = question.groupWeights.reduce((a, b) => a + b, 0);
  const named = kinds.map((k) => namedThings(question.text, k));
  const orgAsked = kinds.includes('person') && ASKS_ORGANISATION.test(question.text.normalize('NFKC'));
  for (const { text, spans } of passages) {
    const layout = layoutOf(text);
    const { sentences, normalised } = layout;
    let groups: Array<Set<number>> | undefined;
    const groupsOf = (): Array<Set<number>> =>
      sentences.map(({ start, end }) => {
        const held = new Set<number>();
        for (const s of spans) {
          if (s.start < start || s.end > end) continue;
          const g = question.groupOf(s.term);
          if (g !== undefined) held.add(g);
        }
        return held;
      });
    out.forEach((e, k) => {
      // Per sentence: whether it holds a thing of the kind, and one the question names.
      const found = new Set<number>();
      const naming = new Set<number>();
      for (const thing of thingsIn(layout, e.kind)) (named[k]!.has(thing.key) ? naming : found).add(thing.sentence);
      if (e.kind === 'person' && orgAsked) normalised.forEach((sentence, i) => holdsOrganisation(sentence, question.text) && found.add(i));
      if (found.size === 0) return;
      e.held = true;
      const mustName = e.kind === 'time' && named[k]!.size > 0;
      for (const i of found) {
        const [from, to] = [Math.max(0, Math.min(i, layout.introducedBy[i]!) - reach), Math.min(sentences.length - 1, i + reach)];
        if (mustName && ![...naming].some((j) => j >= from && j <= to)) continue;
        groups ??= groupsOf();
        const near = new Set<number>();
        for (let j = from; j <= to; j++) for (const g of groups[j]!) near.add(g);
        let w = 0;
        for (const g of near) w += question.groupWeights[g] ?? 0;
        if (total > 0) e.near = Math.max(e.near, w / total);
      }
    });
  }
  return out;
}

/**
 * Whether a text holds a thing of any of the kinds that the question does not name itself, read
 * from the kept layout (no spans needed); what the question names is read once.
 */
export function anyThingFinder(question: string, kinds: readonly ThingKind[]): (text: string) => boolean {
  const named = kinds.map((kind) => namedThings(question, kind));
  const orgAsked = kinds.includes('person') && ASKS_ORGANISATION.test(question.normalize('NFKC'));
  return (text) => {
    const layout = layoutOf(text);
    return kinds.some((kind, k) => thingsIn(layout, kind).some((t) => !named[k]!.has(t.key)) || (kind === 'person' && orgAsked && layout.normalised.some((s) => holdsOrganisation(s, question))));
  };
}

/** A passage's sentences, NFKC-normalised and joined so that each kind is one scan, and the things of each kind found in them. */
interface SentenceLayout {
  sentences: Array<{ start: number; end: number }>;
  normalised: string[];
  joined: string;
  starts: number[];
  /** For each sentence, the sentence that introduces the list it is an item of (itself when none). */
  introducedBy: number[];
  things: Partial<Record<ThingKind, Array<{ sentence: number; key: string }>>>;
}

// The same passages are read for ranking, for the answer's confidence and for question after
// question: their sentences and things are kept once found (they depend on the text alone).
const layouts = new LruCache<string, SentenceLayout>(1_000);

function layoutOf(text: string): SentenceLayout {
  let layout = layouts.get(text);
  if (layout === undefined) {
    const sentences = locateLineSentences(text);
    const normalised = sentenceTexts(text, sentences);
    const starts: number[] = [];
    normalised.reduce((at, n) => (starts.push(at), at + n.length + 1), 0);
    layout = { sentences, normalised, joined: normalised.join('\n'), starts, introducedBy: listIntroductions(text, sentences), things: {} };
    layouts.set(text, layout);
  }
  return layout;
}

/** A list item as the passage keeps it (its marker gone): a short line of its own with no sentence end. */
const LIST_ITEM = /^[^\n]{1,60}$/u;
const ITEM_END = /[。．.!?！？:：]\s*$/u;
/** A sentence that introduces a list ends its line with 。 or a colon. */
const INTRODUCES = /[。:：]\s*$/u;

/**
 * Each sentence's introducing sentence: a run of list items (names, options, steps) reads as
 * the continuation of the sentence before it (…に感謝を捧げます。 then one name per line), so
 * an item is within reach of that sentence however long the list.
 */
function listIntroductions(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): number[] {
  const out = sentences.map((_, i) => i);
  const lineOf = (i: number): string => text.slice(sentences[i]!.start, sentences[i]!.end);
  const startsLine = (i: number): boolean => sentences[i]!.start === 0 || text[sentences[i]!.start - 1] === '\n';
  const endsLine = (i: number): boolean => sentences[i]!.end >= text.length || text[sentences[i]!.end] === '\n';
  let intro = -1;
  for (let i = 0; i < sentences.length; i++) {
    const line = lineOf(i);
    if (intro >= 0 && startsLine(i) && endsLine(i) && LIST_ITEM.test(line.trim()) && !ITEM_END.test(line)) {
      out[i] = intro;
      continue;
    }
    intro = endsLine(i) && INTRODUCES.test(line) ? i : -1;
  }
  return out;
}

/** The things of the kind in the passage: the sentence each is in, and its key (key()). */
function thingsIn(layout: SentenceLayout, kind: ThingKind): Array<{ sentence: number; key: string }> {
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = layout.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (layout.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (layout.things[kind] ??= [...layout.joined.matchAll(THINGS[kind])].filter((m) => isThing(kind, m)).map((m) => ({ sentence: sentenceAt(m.index), key: key(m) })));
}

/**
 * Settings, measured with npm run eval (dev and holdout; see README "Answer-kind evidence"):
 * - nearShare: a thing of the asked kind within reach of less than this share of the question's
 *   weight answers nothing (the lowest answerable question with its answer shown has 0.28;
 *   `1.31はいつ？` beside another release's date 0.12);
 * - personNearShare: the same for a person. Once title-case phrases stopped counting as names
 *   (isThing), the lowest answerable who-question has 0.16 (h015: `aojea さんが原因を見つけて`,
 *   beside few of its words) and the unanswerable ones holding a person 0.49 or more: 0.1;
 * - reach: sentences either side of the one holding the thing (a name and its role are often
 *   in neighbouring sentences: `Sergey Kanzhelevと申します。… 現在はSIG Nodeの議長を務めています`).
 */
export const ANSWER_EVIDENCE = { nearShare: 0.2, personNearShare: 0.1, reach: 1 };

/** The question as the evidence checks read it: each group's weight and the group of each term. */
export function buildEvidenceQuestion(outcome: { query: AnalysedQuery; weights: ReadonlyMap<string, number> }): EvidenceQuestion {
  const groupOf = new Map<string, number>();
  outcome.query.groups.forEach((g, i) => g.terms.forEach((t) => groupOf.set(t, i)));
  return { text: outcome.query.text, groupWeights: groupWeightsOf(outcome.query, outcome.weights), groupOf: (t) => groupOf.get(t) };
}

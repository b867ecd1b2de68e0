/**
 * What kind of thing a question asks for (a time or version, a flag, a value to set, a number,
 * what happens under a condition, whether something can be done) and whether a sentence holds
 * one. The answering sentence often shares few of the question's words (`いつ入った？` →
 * `2019年に導入された…`) but holds a thing of the asked kind that the question itself does not
 * name, or says it in the asked way (`…場合、…失敗します`, `…できます`): a sign it answers.
 */

export type AnswerKind = 'time' | 'flag' | 'value' | 'number' | 'outcome' | 'ability';

const ASKS: ReadonlyArray<readonly [AnswerKind, RegExp]> = [
  // `when` asks only at the start or before its verb (`when did…`), not in `what happens when…`,
  // nor at the start of a clause the question follows (`When I run X, what do I get…`).
  ['time', /いつ|何年|何月|どの\s*(?:kubernetes|k8s)?\s*(?:バージョン|リリース)|どのパッチ|何バージョン|(?:どの|何)\s*(?:version|release)\b|^\s*when\b(?![^?？,]*,\s*(?:what|how|which|why|who|where|is|are|do|does|did|can|could|should|will|would)\b)|\bwhen (?:did|was|were|is|will|does|do|can)\b|\bwhat year\b|\b(?:which|what) (?:kubernetes |k8s )?(?:minor |major |patch )?(?:version|release)s?\b|\bsince when\b/iu],
  ['flag', /フラグ|オプション|引数|\bflags?\b|\boptions?\b|\barguments?\b/iu],
  ['value', /何に(?:すれば|設定|指定|する)|何を(?:設定|指定)|(?:値|value)は(?:何|いくつ)|\bwhat value\b|\bset (?:it )?to what\b/iu],
  // 何 before a counter asks how many (何行, 何件, 何台, 何倍, 何割, 何種類); 何回も / 何日も say
  // 'again and again', and 何年 / 何月 ask when.
  ['number', /(?:いくつ|何(?:個|人|名|回|度|週|日|秒|分|時間|[ヶかカケ]月|行|件|台|本|社|倍|割|桁|種類|つ|パーセント|[%％]))(?!も)|どのくらい|どれくらい|どれだけ|\bhow (?:many|much|long)\b/iu],
  ['outcome', /どうなる|どうなり|どうなっ|\bwhat happens\b|\bwhat if\b|\bhappens? (?:if|when)\b/iu],
  ['ability', /\b(?:can|could) (?:i|we|you|it)\b|\bis it possible\b|できる(?:の|んですか|か)?[?？]|できますか|可能(?:です|なの)?(?:か)?[?？]|いける[?？]/iu],
];

/** Things of each kind, as written: a sentence holds one the question does not name itself. */
const THINGS: Partial<Record<AnswerKind, RegExp>> = {
  time: /(?:19|20)\d{2}年(?:\d{1,2}月)?|\b(?:19|20)\d{2}\b|\bv?\d+\.\d+(?:\.\d+)?\b/giu,
  flag: /(?<![\w-])--[a-z][a-z0-9-]*(?:=\S+)?/giu,
  value: /[A-Za-z0-9_."'`/-]+(?=\s*(?:に設定|に指定|を指定|を設定|に変更))|(?<=\bset (?:it )?to )\S+|(?<=[\w-]=)[\w."/-]+/giu,
  number: /\d+(?:\.\d+)?/gu,
};

/** Wording of each kind: the sentence says it the way the question asks. */
const WORDING: Partial<Record<AnswerKind, RegExp>> = {
  // What happens under a condition: the sentence that states one (`プロファイルが利用できない場合、…`).
  outcome: /場合|(?:る|た|ない)と[、,]|\bif\b|\bunless\b|\botherwise\b/iu,
  // Whether it can be done: the sentence that says it can.
  ability: /できます|できる|可能|\bcan\b/iu,
};

/**
 * `when` asking in which situation, not at what date: with a modal or a person (when should I
 * use…, when do we need…), or before a verb of applying (when does imagefs come into play,
 * kick in, take effect, make sense). Such a question is answered by a condition, not a release.
 */
const SITUATIONAL_WHEN = /\bwhen (?:should|would|do (?:i|we|you)|does (?:it|one)|is it (?:worth|better|needed|necessary|useful))\b|\bwhen (?:does|do|is|are) [^?？,.]{1,40}?\b(?:come into play|kicks? in|appl(?:y|ies)|matters?|makes? sense|used|needed|useful|takes? effect|triggered)\b/giu;

/** The kinds of thing the question asks for (most ask for none). */
export function selectAnswerKinds(question: string): AnswerKind[] {
  const withoutSituations = question.replace(SITUATIONAL_WHEN, ' ');
  return ASKS.filter(([kind, asks]) => asks.test(kind === 'time' ? withoutSituations : question)).map(([kind]) => kind);
}

/** Whether the sentence holds a thing of that kind that the question does not name itself, or says it the asked way. */
export function holdsAnswerKind(sentence: string, kind: AnswerKind, question: string): boolean {
  const wording = WORDING[kind];
  if (wording) return wording.test(sentence);
  const things = THINGS[kind]!;
  const key = (m: RegExpMatchArray): string => m[0].toLowerCase().replace(/^v(?=\d)/, '');
  const named = new Set([...question.normalize('NFKC').matchAll(things)].map(key));
  return [...sentence.normalize('NFKC').matchAll(things)].some((m) => !named.has(key(m)));
}

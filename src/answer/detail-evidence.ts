/**
 * Detail evidence: a question asking for a detail of a kind the articles seldom give (where an
 * event was held, which weekday or time a group meets, a talk's title, a count of people or at another
 * release, how long something is kept, a default value, the release a field went GA in, where
 * a thing the page never names is set) or
 * naming one edition of an event (KubeCon EU 2023) is answered only by a shown
 * passage holding that detail beside the question's words. The articles often mention the
 * topic (KubeCon, SIG Auth, the number of contributors today) without the asked detail: then
 * the answer's confidence is none and the notice names what was not found.
 *
 * Measured with `npx tsx src/cli/eval.ts` (dev, holdout, blind-2, blind-4 read item by item;
 * blind and blind-3 aggregates only) and `npx tsx src/cli/eval-real-docs.ts`: see README
 * "How retrieval works" (a detail the articles seldom give).
 */
import { locateLineSentences, sentenceTexts } from '../corpus/sentences.js';
import { countryNamePattern } from '../text/country-names.js';
import { normalizeFolded } from '../text/normalize.js';
import type { SearchOutcome } from '../search/searcher.js';
import type { EvidencePassage } from './answer-evidence.js';
import { ANSWER_EVIDENCE, buildEvidenceQuestion, type EvidenceQuestion, type EvidenceSpan } from '../search/asked-things.js';

/** A detail asked for: a place, a weekday or time of day, a title, a count of people or one qualified by a release or year, a length of time, a default value, the release a thing reached a stage (GA) in. */
export type DetailKind = 'place' | 'country' | 'day' | 'title' | 'count' | 'duration' | 'default' | 'stage' | 'setting' | 'released' | 'amount' | 'figure';

/**
 * Where an event is held (どこで開催, 会場はどこ, where was … held, which city); not where a file
 * or a setting goes (どこに置けば, どこを設定) nor where a thing is discussed (どこでやってる: in
 * Slack), which the articles answer in words of their own.
 */
const ASKS_PLACE = /どこで(?:開催|行われ)|開催(?:地|場所)|会場(?:は|って)?(?:どこ|[?？])|\bwhere (?:was|is|were|will|did|does)\b.{0,60}\b(?:held|hosted|take place|took place)\b|\b(?:which|what) (?:city|country|venue)\b/iu;
/**
 * A country asked for (どこの国の会社, 国籍は, where is … based): answered by a country's name
 * beside the subject. "Which country" is the place kind's (where an event was held).
 */
const ASKS_COUNTRY = /どこの国|どの国|何の国|国籍|\bwhere (?:is|are|was|were)\b[^?？]{1,60}?\b(?:based|headquartered)\b/iu;
/**
 * The weekday or hour of a meeting (何曜日, ミーティングは何時), asked for, not mentioned (曜日による
 * 影響 is no question for a day); a bare 何時 is also いつ in kanji (何時から使える? asks since when),
 * and いつ / when … meet may be answered by 毎週 (every week), which is the time kind's to judge.
 */
const ASKS_DAY = /何曜|(?:どの|何の)曜日|曜日(?:は|って|を)?(?:何|いつ|どこ|教えて|[?？])|(?:ミーティング|会議|定例|集まり|meeting)(?:の|は|って)?何時|\b(?:what|which) (?:day|weekday|time)\b/iu;
/** A title asked for (講演タイトルは？, 何というタイトル, the title of the talk); not one mentioned (PRはタイトルしか読まない). */
const ASKS_TITLE = /(?:タイトル|題名|表題)(?:は|って|を|が)?(?:何|なに|なん|教えて|[?？]|$)|(?:何|なん|どんな)(?:という|って|て)?(?:タイトル|題名|表題)|\bwhat (?:was|is) the title\b|\btitle of\b|\b(?:was|is) (?:it|the \w+) titled\b/iu;
/** A count asked for with its counter: 何人 → 人 or 名, 何行 → 行. `いくつ` and `how many` accept any count. */
const ASKS_COUNT = /何(人|名|行|社|個|回|件|本|台|つ)|\bhow many\b|いくつ/iu;
/**
 * A count of people asked for (何人, 何名, how many people): answered by a number of people,
 * with or without a release or year; other counts only when qualified by one (NAMES_QUALIFIER),
 * as a bare "how many" is often answered in words (数千人, 数倍).
 */
const ASKS_PEOPLE_COUNT = /何(?:人|名)|\bhow many (?:people|persons|contributors|members|maintainers|applicants|attendees|participants|reviewers|approvers|users)\b/iu;
/** What counts people in English after a number (600 members). */
const PEOPLE_COUNTERS = ['人', '名', 'people', 'persons', 'contributors', 'members', 'maintainers', 'applicants', 'attendees', 'participants', 'reviewers', 'approvers', 'users', 'committers', 'representatives'];

/**
 * A length of time asked for: 何秒 / 何ヶ月 / 何日, a retention or support period (保持期間,
 * サポート期間は), how long. Not 何年 (何年に asks for a year) nor 何時 (a time of day, or いつ).
 */
const ASKS_DURATION = /何\s*(?:秒|分(?!か|析|散|類|野|割)|時間|日間?|週間?|[ヶかカヵケ]月)|(?:保持|保存|猶予|サポート|有効)期間(?:は|って|を|の設定|[?？])|どれ(?:くらい|ぐらい)の期間|\bhow long\b|\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b|\bretention (?:period|time)\b/iu;
/**
 * The default value asked for (デフォルトの猶予って何秒, 既定値は何, what is the default), not
 * whether a default stays (デフォルトのまま残る?) nor how a thing behaves by default.
 */
const ASKS_DEFAULT = /(?:デフォルト|既定|初期値)[^。?？\n]{0,15}?(?:何|なに|なん|いくつ|どれ(?:くらい|ぐらい)|どのくらい)|\bwhat(?:'s| is| was) the default\b|\bdefault (?:value|timeout|period|limit|setting)s? (?:is|of|for)\b/iu;
/** Which release a thing reached a stage in (In which release did … graduate to GA, どのバージョンで GA): the stage asked, by family. */
const ASKS_STAGE = /\b(?:which|what) (?:kubernetes |k8s )?(?:minor |major |patch )?(?:release|version)\b[^?？]{0,80}?\b(ga|graduat\w*|stable|general availability|beta|alpha)\b|(?:どの|何|いつの)\s*(?:バージョン|リリース|version|release)[^。?？]{0,30}?(GA|一般提供|安定版|stable|ベータ|beta|アルファ|alpha)|(GA|一般提供|安定版|ベータ|アルファ)[^。?？]{0,20}?(?:になった|になる|に昇格|に卒業|に上が|に進|に移行)[^。?？]{0,25}?(?:どの|何|いつの)\s*(?:バージョン|リリース|version|release)|いつ[^。?？]{0,6}?(GA|一般提供|安定版|stable|ベータ|beta|アルファ|alpha)\s*(?:に|へ)(?:なった|なる|昇格|卒業)|\bwhen (?:did|was|will)\b[^?？]{0,60}?\b(?:go|goes|become|became|graduat\w*|reach\w*|move\w*|promoted)\b[^?？]{0,20}?\b(ga|beta|alpha|stable)\b/iu;
/** A stage asked with when (いつbetaになった, when did … become beta): a date answers it as well as a release. */
const ASKS_STAGE_WHEN = /いつ[^。?？]{0,6}?(?:GA|一般提供|安定版|stable|ベータ|beta|アルファ|alpha)\s*(?:に|へ)(?:なった|なる|昇格|卒業)|\bwhen (?:did|was|will)\b/iu;
/**
 * Where a thing is set (認証情報ってどこに設定するの, どこに書けば, where do I set …): the thing is
 * the words before って / は / を. Its answer names the thing: a shown passage must hold it.
 */
const ASKS_SETTING = /([\p{Script=Han}\p{Script=Katakana}ーA-Za-z0-9.\-_]+)\s*(?:って|は|を)\s*どこ(?:に|で|を)?\s*(?:設定|書|置|指定)|\bwhere (?:do|should|can) (?:i|we|you) (?:set|configure|put|specify) (?:the )?([\w.\-]+(?: [\w.\-]+)?)/iu;
/**
 * When a named release came out or is due (When was Kubernetes 1.25 released?, On what date was
 * v1.30 released?, containerd 2.0って
 * いつリリースされる予定, v1.30の正式リリース日, 何年何月にリリース): a question naming a version.
 */
const ASKS_RELEASED = /\bwhen (?:was|is|will|did)\b[^?？]{0,60}?\breleas|\b(?:what|which) (?:exact |precise )?(?:date|day)\b[^?？]{0,60}?\breleas|\brelease date\b|いつ[^。?？]{0,15}?リリース|リリース(?:日|予定日?)?(?:は|って)?\s*いつ|何年何月に[^。?？]{0,6}?リリース|リリース日/iu;
/** A sum of money asked for (how much was the project paying, いくらかかる, 費用はどれくらい). */
const ASKS_AMOUNT = /\bhow much (?:money\b|[^?？]{0,60}?\b(?:pay|paid|paying|costs?|costing|spend|spent|spending|charged?|charges|billed)\b)|いくら(?!でも|か)|(?:費用|コスト|料金|金額)[^。?？]{0,10}?(?:は|って)?\s*(?:どれ(?:くらい|ぐらい)|どのくらい|何円|何ドル)/iu;
/**
 * A measured difference asked for (how much faster, any numbers?, a benchmark, 何倍,
 * どのくらい変わる / 短くなる): answered by a figure beside the subject, not by the articles'
 * words that a thing improves (パフォーマンスが向上します), which they often say.
 */
const ASKS_FIGURE = /\bhow much (?:faster|slower|lower|higher|smaller|bigger|larger|less|more|better|worse|quicker|shorter|longer|cheaper)\b|\bby how much\b|\bany (?:numbers|figures|data|benchmarks?)\b|\bbenchmark(?:s|ed|ing)?\b|ベンチマーク|何\s*倍|(?:どの|どれ)(?:くらい|ぐらい)\s*(?:速|遅|早|短|減|増|変わ|改善|向上|小さ|大き|軽|少な)|性能差/iu;
/** A figure: a count, a share, a ratio or a measured amount (150万行, 40%, 3倍, 2x, half, 150ms, 1.5秒, 200MB); not a year. */
const FIGURE = /(?<![\d.,])(?!(?:19|20)\d{2}(?!\d))\d[\d,]*\s*(?:万|千|億)?\s*(?:行|個|件|台|人|名|本|回)|\d+(?:\.\d+)?\s*(?:%|パーセント|percent\b|倍|x\b|times\b|ms\b|ミリ秒|秒|seconds?\b|[KMGT]i?B\b)|半分|半減|\bhalf\b|\btwice\b|\bdoubled?\b/giu;
/** A sum of money ($100, 1万ドル, 150,000 dollars, 5 million USD; 3M$ as written in Japanese posts). */
const MONEY = /[$¥€£]\s?\d|(?<![\w.])\d[\d,.]*\s*[KMB]?\s*[$¥€£]|\d[\d,.]*\s*(?:万|億|千|百万|thousand|million|billion)?\s*(?:ドル|円|ユーロ|\bdollars?\b|\bUSD\b|\bJPY\b|\bEUR\b|\beuros?\b)/iu;
/** A version as a question names a release (1.25, v2.0), and as a sentence does. */
const VERSION = /(?<![\w.])v?(\d+\.\d+)(?:\.\d+)?(?![\w.]*\d)/giu;
/** A date: a year, a month and day, a month name with a number (2022年8月, 8月23日, August 2022, 2022-08-23). */
const DATE = /(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d|(?:19|20)\d{2}[-/]\d{1,2}/iu;
/** The words of a stage's family (GA is also stable, 一般提供, 安定版, graduated). */
const STAGE_FAMILIES: Readonly<Record<string, RegExp>> = {
  ga: /\bGA\b|一般提供|安定版|\bstable\b|general availability|\bgraduat\w*/giu,
  beta: /ベータ|\bbeta\b/giu,
  alpha: /アルファ|\balpha\b/giu,
};
/** A length of time (30秒, 1年, 3ヶ月, 90 days, 1m30s); not a year, a date's day (8月12日) or a month of the year (12月). */
const DURATION = /(?<![\d.,月])(?!(?:19|20)\d{2}年)\d+(?:\.\d+)?\s*(?:秒|分(?!か|析|散|類|野|割)|時間|日間?|週間?|[ヶかカヵケ]月|年(?!\d{1,2}月|度))|(?<![\w.])\d+(?:\.\d+)?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b|(?<![\w.])\d+(?:h|m|s|ms)(?:\d+(?:m|s))*\b/giu;
/** A default's value: a sentence naming a default and a value (a number, true or false, a quoted value) in it. */
const DEFAULT = /(?:デフォルト|既定|初期値|\bdefaults?\b)[^。\n]{0,60}?(?:\d|\btrue\b|\bfalse\b|["`「])|(?:\d|\btrue\b|\bfalse\b|["`」])[^。\n]{0,60}?(?:デフォルト|既定|初期値|\bdefaults?\b)/giu;
/** A release (1.26, v1.29), as a stage's answer holds it beside the stage. */
const RELEASE = /\bv?1\.\d{1,2}\b/iu;

/** What answers a place: a sentence saying where something was held (で開催, 会場, held in, took place in). */
const PLACE = /(?:で|にて)(?:開催|行われ)|開催地|会場|\b(?:held|hosted|took place|takes place)\s+(?:in|at)\b|\bvenue\b/giu;
/** What answers a day: a weekday or an hour (金曜日, Tuesdays, 17:00, 午後5時, 9am, UTC). */
const DAY = /[月火水木金土日]曜|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b\d{1,2}:\d{2}\b|午[前後]\s*\d{1,2}\s*時|\d{1,2}\s*時(?!間|点|代)|\b\d{1,2}\s*[ap]\.?m\.?\b|\b(?:UTC|JST|PST|PDT|CET|CEST)\b/giu;
/** What answers a title: text in quotes or brackets (「…」, 『…』, "…", “…”). */
const TITLE = /「[^」\n]{2,80}」|『[^』\n]{2,80}』|"[^"\n]{3,80}"|“[^”\n]{3,80}”/gu;
/** A count: a number with a counter or a noun after it (88,474人, 150万行, 5つ, 600 members), not a year or a release. */
const COUNT = /(?<![\d.,])(?!(?:19|20)\d{2}(?!\d))\d[\d,]*(?:\.\d+)?\s*(?:万|千|億)?\s*(人|名|行|社|個|回|件|本|台|つ|[a-z]{3,})/giu;
/** A release or year, as the question names it and as a passage's sentence does (1.0, v1.0, 2017). */
const QUALIFIER = /\bv?\d+\.\d+(?:\.\d+)?\b|(?:19|20)\d{2}(?!\d)/giu;
const MONTH_NAMES = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Spring|Summer|Autumn|Fall|Winter|Q[1-4]';
/**
 * A release or year that qualifies the count asked for: 1.0のとき, 2017年時点, 2015年当時, 2020年には,
 * at 1.0, as of 2017; not one that dates something else (2021年に始まって今何人, v1.31で削除された
 * 行数: the articles may give that count in another paragraph than the release).
 */
const NAMES_QUALIFIER = /(?:\bv?\d+\.\d+(?:\.\d+)?|(?:19|20)\d{2}(?:年(?:\d{1,2}月)?)?)(?:の)?(?:とき|時点|当時|頃|ころ)|(?:19|20)\d{2}年(?:\d{1,2}月)?には|\b(?:at|as of|back in|during|around)\s+(?:(?:kubernetes|version|release)\s+)?(?:v?\d+\.\d+|(?:19|20)\d{2})\b/iu;
/** Counters that answer each other: 何社 is answered by 5つ, 何個 by 3つ. */
const SAME_COUNTER: Readonly<Record<string, readonly string[]>> = { 人: ['人', '名'], 名: ['人', '名'], 社: ['社', 'つ'], 個: ['個', 'つ'], つ: ['つ', '個'] };

/**
 * An event's edition: a capitalised name, any region or city qualifiers (EU, NA, Europe), then a
 * year (KubeCon EU 2023, DockerCon 2014). The question is about that edition, not another. A
 * month is no event (April 2021 is a date, and the articles write it 2021年4月), nor is a year
 * written as a date (Kubernetes 2014年6月).
 */
const EDITION = new RegExp(`(?<![\\w-])(?!(?:${MONTH_NAMES})\\b)([A-Z][A-Za-z]*(?:[A-Z][a-z]+)*)((?:\\s+(?!(?:${MONTH_NAMES})\\b)(?:[A-Z]{2,4}|[A-Z][a-z]+))*)\\s+((?:19|20)\\d{2})(?![\\d.年/])`, 'gu');

export interface Edition {
  /** As the question writes it: `KubeCon EU 2023`. */
  text: string;
  name: string;
  /** Region or city qualifiers (EU, NA) and the year. */
  qualifiers: string[];
}

/** The details the question asks for (most ask for none). */
export function selectDetailKinds(question: string): DetailKind[] {
  const q = question.normalize('NFKC');
  const kinds: DetailKind[] = [];
  if (ASKS_PLACE.test(q)) kinds.push('place');
  if (ASKS_COUNTRY.test(q)) kinds.push('country');
  if (ASKS_DAY.test(q)) kinds.push('day');
  if (ASKS_TITLE.test(q)) kinds.push('title');
  if ((ASKS_COUNT.test(q) && NAMES_QUALIFIER.test(q)) || ASKS_PEOPLE_COUNT.test(q)) kinds.push('count');
  // A default asked in seconds is the default's to judge: an example value (1m30s) is no default.
  if (ASKS_DEFAULT.test(q)) kinds.push('default');
  else if (ASKS_DURATION.test(q)) kinds.push('duration');
  if (ASKS_STAGE.test(q)) kinds.push('stage');
  if (ASKS_SETTING.test(q)) kinds.push('setting');
  if (ASKS_RELEASED.test(q) && versionsOf(q).size > 0) kinds.push('released');
  if (ASKS_AMOUNT.test(q)) kinds.push('amount');
  if (ASKS_FIGURE.test(q)) kinds.push('figure');
  return kinds;
}

/** The editions of events the question names (KubeCon EU 2023). */
export function selectEditions(question: string): Edition[] {
  return [...question.normalize('NFKC').matchAll(EDITION)].map((m) => ({
    text: m[0],
    name: m[1]!,
    qualifiers: [...m[2]!.trim().split(/\s+/).filter(Boolean), m[3]!],
  }));
}

/** The Latin words and numbers of a sentence as written (`2023で話すCarlos` is 2023 and Carlos), for matching an edition. */
function wordsOf(sentence: string): string[] {
  return sentence.match(/\p{Script=Latin}+|\p{N}+/gu) ?? [];
}

/** An abbreviation (EU, NA: two to four capitals) and a capitalised word it starts (Europe). */
function abbreviates(short: string, long: string): boolean {
  return /^\p{Lu}{2,4}$/u.test(short) && /^\p{Lu}\p{Ll}+$/u.test(long) && long.toLowerCase().startsWith(short.toLowerCase());
}

/**
 * Whether a qualifier is among the words: the word itself (in any case), an abbreviation of it
 * or the word it abbreviates (EU and Europe), or the initials of neighbouring capitalised words
 * (NA of North America).
 */
function qualifierIn(qualifier: string, words: readonly string[]): boolean {
  const q = qualifier.toLowerCase();
  if (words.some((w) => w.toLowerCase() === q || abbreviates(qualifier, w) || abbreviates(w, qualifier))) return true;
  if (!/^\p{Lu}{2,4}$/u.test(qualifier)) return false;
  for (let i = 0; i + q.length <= words.length; i++) {
    const run = words.slice(i, i + q.length);
    if (run.every((w) => /^\p{Lu}/u.test(w)) && run.map((w) => w[0]!.toLowerCase()).join('') === q) return true;
  }
  return false;
}

/**
 * Whether some passage names the edition: a sentence holding its name and its year, with each
 * other qualifier in it or a neighbouring sentence (`KubeCon NA 2023で話す…` is not EU 2023).
 */
export function holdsEdition(texts: readonly string[], edition: Edition, reach = ANSWER_EVIDENCE.reach): boolean {
  const name = edition.name.toLowerCase();
  const year = edition.qualifiers[edition.qualifiers.length - 1]!;
  const others = edition.qualifiers.slice(0, -1);
  for (const text of texts) {
    const sentences = sentenceTexts(text).map(wordsOf);
    for (let i = 0; i < sentences.length; i++) {
      const words = sentences[i]!;
      if (!words.some((w) => w.toLowerCase().startsWith(name)) || !words.includes(year)) continue;
      const near = sentences.slice(Math.max(0, i - reach), i + reach + 1).flat();
      if (others.every((q) => qualifierIn(q, near))) return true;
    }
  }
  return false;
}

export interface DetailPassage {
  text: string;
  spans: readonly EvidenceSpan[];
}

export type DetailQuestion = EvidenceQuestion;

/** What answers each detail; the country names are built on first use (about 35 ms of ICU lookups, kept out of start-up). */
const DETAIL_THINGS: Record<Exclude<DetailKind, 'count' | 'stage' | 'setting' | 'released' | 'amount'>, () => RegExp> = { place: () => PLACE, country: countryNamePattern, day: () => DAY, title: () => TITLE, duration: () => DURATION, default: () => DEFAULT, figure: () => FIGURE };
/** Kinds whose subject must be named whole beside the detail (findMissingDetails). */
const WHOLE_KINDS: ReadonlySet<DetailKind> = new Set(['duration', 'default', 'stage']);
/**
 * A sentence naming a default and ending in a colon introduces the values (既存のデフォルト値を
 * 使用できます:) in the lines after it that hold a number and end no sentence (imagefs.available < 15%).
 */
const INTRODUCES_DEFAULT = /(?:デフォルト|既定|初期値|\bdefaults?\b)[^。\n]*[:：]\s*$/iu;
const VALUE_LINE = /\d/u;
const SENTENCE_END = /[。.]\s*$/u;
/**
 * The share of the question's weight beside a duration, default or stage that answers it
 * whatever the heaviest word (スペース of 'available space'). Measured with npx tsx
 * src/cli/eval.ts: blind-4's b4-021 (a default answered by a list) holds 0.48 of its weight
 * beside the list, blind-5's b5-027 (a release no page gives) 0.33 beside other GA releases.
 */
const SUBJECT_FREE_SHARE = 0.4;
/** Kinds a share of SUBJECT_FREE_SHARE answers without the subject: a figure too (約150万行のコードを削除, beside the words of the change asked about). */
const SUBJECT_FREE_KINDS: ReadonlySet<DetailKind> = new Set([...WHOLE_KINDS, 'figure']);
/**
 * Kinds judged within ANSWER_EVIDENCE.reach sentences of the detail: a duration or a default
 * pages away belongs to something else. A stage within its own sentence (reach 0): the sentence
 * beside 「SidecarGateはv1.29でGAになりました」 may be about another gate.
 */
const NEAR_KINDS: ReadonlySet<DetailKind> = new Set(['count', 'country', 'duration', 'default', 'stage', 'figure']);

/** The words asking for a stage's release (graduate, GA, release): its stage word and the release asked for. */
function stageWords(question: string): string {
  const m = ASKS_STAGE.exec(question.normalize('NFKC'));
  return m ? ` ${(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5])!.toLowerCase()} release version リリース バージョン` : '';
}

/** The stage the question asks a release for (ga, beta, alpha), or undefined. */
function stageAsked(question: string): string | undefined {
  const m = ASKS_STAGE.exec(question.normalize('NFKC'));
  const word = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4] ?? m?.[5])?.toLowerCase();
  if (word === undefined) return undefined;
  return /ベータ|beta/u.test(word) ? 'beta' : /アルファ|alpha/u.test(word) ? 'alpha' : 'ga';
}

/** The asked counter's accepted counters, or undefined when any count will do (いくつ, how many). */
function countersAsked(question: string): readonly string[] | undefined {
  if (ASKS_PEOPLE_COUNT.test(question.normalize('NFKC'))) return PEOPLE_COUNTERS;
  const unit = /何(人|名|行|社|個|回|件|本|台|つ)/u.exec(question.normalize('NFKC'))?.[1];
  return unit === undefined ? undefined : (SAME_COUNTER[unit] ?? [unit]);
}

/**
 * The best share of the question's weight within `reach` sentences of a sentence holding the
 * detail and the question's subject (0 when no sentence does). A place, day or title is judged
 * by the passage (reach: all of it, headings included): an interview answers 最初に読んだ本の
 * タイトル with 『Production Kubernetes』 under the heading that names the book club, sentences
 * away from any word of the question. A count is held only within one sentence of one naming
 * the release or year the question qualifies it by (88,474人 today is not the count at 1.0).
 */
export function measureDetail(passages: readonly DetailPassage[], question: DetailQuestion, kind: DetailKind, reach = kind === 'stage' ? 0 : NEAR_KINDS.has(kind) ? ANSWER_EVIDENCE.reach : Infinity): number {
  // Where a thing is set is judged by whether a passage names the thing (holdsSettingThing).
  if (kind === 'setting' || kind === 'released' || kind === 'amount') return 0;
  const total = question.groupWeights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  const q = question.text.normalize('NFKC');
  // A count of people asked with no release or year of its own (2021年に始まって今何人) is today's: no qualifier to meet.
  const qualifiers = kind === 'count' && NAMES_QUALIFIER.test(q) ? new Set([...q.matchAll(QUALIFIER)].map((m) => m[0].toLowerCase().replace(/^v(?=\d)/, ''))) : new Set<string>();
  const counters = kind === 'count' ? countersAsked(q) : undefined;
  const thing = kind === 'count' ? COUNT : kind === 'stage' ? STAGE_FAMILIES[stageAsked(q) ?? 'ga']! : DETAIL_THINGS[kind]();
  const whenStage = kind === 'stage' && ASKS_STAGE_WHEN.test(q);
  // The stage's own word, whole (for topicAsked), made once when first needed.
  let stageWord: RegExp | undefined;
  // A weekday, title, count or duration the question writes itself answers nothing; a place's, default's or stage's wording (で開催, デフォルト, GA) is the question's too.
  const named = kind === 'place' || kind === 'default' || kind === 'stage' ? new Set<string>() : new Set([...q.matchAll(thing)].map((m) => m[0].toLowerCase()));
  // The heaviest idea the passages hold is the question's subject: a weekday beside SIG Node's
  // meeting is no answer for SIG Auth's, however many other words (ミーティング) it shares.
  let subject: number | undefined;
  for (const { spans } of passages)
    for (const s of spans) {
      const g = question.groupOf(s.term);
      if (g !== undefined && (subject === undefined || (question.groupWeights[g] ?? 0) > (question.groupWeights[subject] ?? 0))) subject = g;
    }
  let best = 0;
  for (const { text, spans } of passages) {
    const located = locateLineSentences(text);
    const sentences = sentenceTexts(text, located);
    const introduces = sentences.map((s) => kind === 'default' && INTRODUCES_DEFAULT.test(s));
    // A stage is answered by a sentence naming a release beside the stage's word (1.26でGA).
    const holds = sentences.map((s, i) => introduces[i] || ((kind !== 'stage' || RELEASE.test(s) || (whenStage && DATE.test(s))) && [...s.matchAll(thing)].some((m) => !named.has(m[0].toLowerCase()) && (counters === undefined || counters.includes(m[1]!.toLowerCase())))));
    const qualified = sentences.map((s) => [...s.matchAll(QUALIFIER)].some((m) => qualifiers.has(m[0].toLowerCase().replace(/^v(?=\d)/, ''))));
    let groups: Array<Set<number>> | undefined;
    for (let i = 0; i < sentences.length; i++) {
      if (!holds[i]) continue;
      let last = i;
      if (introduces[i]) while (last + 1 < sentences.length && VALUE_LINE.test(sentences[last + 1]!) && !SENTENCE_END.test(sentences[last + 1]!)) last++;
      const [from, to] = [Math.max(0, i - reach), Math.min(sentences.length - 1, last + reach)];
      if (kind === 'count' && qualifiers.size > 0 && !qualified.slice(from, to + 1).some(Boolean)) continue;
      groups ??= located.map(({ start, end }) => new Set(spans.filter((s) => s.start >= start && s.end <= end).map((s) => question.groupOf(s.term)).filter((g): g is number => g !== undefined)));
      const near = new Set<number>();
      for (let j = from; j <= to; j++) for (const g of groups[j]!) near.add(g);
      let w = 0;
      for (const g of near) w += question.groupWeights[g] ?? 0;
      // A sentence whose topic (X は…) is a thing the question names may have the subject a sentence or two off
      // (実行中のコンテナをコピーする / チェックポイント処理は v1.25 で alpha…); one on another thing is that thing's.
      const subjectNear = subject === undefined || near.has(subject) || (reach < ANSWER_EVIDENCE.reach && topicAsked(text, sentences[i]!, located[i]!.start, spans, question, (stageWord ??= new RegExp(`^(?:${thing.source})$`, 'iu'))) && groups.slice(Math.max(0, i - ANSWER_EVIDENCE.reach), last + ANSWER_EVIDENCE.reach + 1).some((g) => g.has(subject!)));
      if (!subjectNear && !(SUBJECT_FREE_KINDS.has(kind) && w / total >= SUBJECT_FREE_SHARE)) continue;
      best = Math.max(best, w / total);
    }
  }
  return best;
}

/** A Japanese sentence's topic, before its first は. */
const TOPIC = /^[^。、,]{1,60}?は/u;

/**
 * Whether the sentence's topic holds one of the question's words with weight, as a word of its
 * own: not a piece of a longer Latin word (ga of SidecarGate), nor the stage asked about.
 */
function topicAsked(text: string, sentence: string, start: number, spans: readonly EvidenceSpan[], question: DetailQuestion, stageWord: RegExp): boolean {
  const topic = TOPIC.exec(sentence);
  if (topic === null) return false;
  const end = start + topic[0].length;
  return spans.some((s) => {
    const g = s.start >= start && s.end <= end ? question.groupOf(s.term) : undefined;
    if (g === undefined || (question.groupWeights[g] ?? 0) <= 0) return false;
    const written = text.slice(s.start, s.end);
    return !/[A-Za-z]/.test(text[s.start - 1] ?? '') && !/[A-Za-z]/.test(text[s.end] ?? '') && !stageWord.test(written);
  });
}

export interface MissingDetails {
  /** Details asked for that no shown passage holds beside the question's words. */
  kinds: DetailKind[];
  /** Editions the question names (KubeCon EU 2023) that no shown passage names. */
  editions: string[];
}

/**
 * What the question asks for that the shown passages do not give: every asked detail missing
 * (a question asking where and when is partly answered by either), and every named edition no
 * shown passage names. Nothing is read when the question asks for no detail and names no
 * edition (most questions).
 */
export function findMissingDetails(
  outcome: Pick<SearchOutcome, 'query' | 'weights'>,
  shown: ReadonlyArray<EvidencePassage & { sectionPath?: readonly string[] }>,
  spansOf: (text: string) => readonly EvidenceSpan[],
  settings = ANSWER_EVIDENCE,
  samePage: ReadonlyArray<EvidencePassage & { sectionPath?: readonly string[] }> = [],
): MissingDetails {
  const text = outcome.query.text;
  const asked = selectDetailKinds(text);
  const editions = selectEditions(text);
  if ((asked.length === 0 && editions.length === 0) || shown.length === 0) return { kinds: [], editions: [] };
  const texts = shown.map((p) => p.text);
  const missingEditions = editions.filter((e) => !holdsEdition(texts, e)).map((e) => e.text);
  if (asked.length === 0) return { kinds: [], editions: missingEditions };
  const question: DetailQuestion = buildEvidenceQuestion(outcome);
  const { groupWeights } = question;
  // The headings name the passage's subject too (ブッククラブで扱うトピック); the text's spans are
  // the ones answer() finds for the excerpt anyway (spansOf caches them), the headings' are few.
  const toDetail = (p: EvidencePassage & { sectionPath?: readonly string[] }): DetailPassage => {
    const headings = p.sectionPath && p.sectionPath.length > 0 ? `${p.sectionPath.join('\n')}\n` : '';
    const shift = headings.length;
    return { text: headings + p.text, spans: [...(headings ? spansOf(headings) : []), ...spansOf(p.text).map((sp) => ({ ...sp, start: sp.start + shift, end: sp.end + shift }))] };
  };
  const passages = shown.map(toDetail);
  // A page states the release a feature came in once, in its opening often (v1.25でalpha機能として
  // 導入されました), while the passages shown are about using it: the best page's next retrieved
  // passage answers a stage too.
  const stagePassages = samePage.length > 0 ? [...passages, ...samePage.map(toDetail)] : passages;
  // The words asking for the detail (タイトル, 開催, held) are not written where it is given.
  const asking = [ASKS_PLACE, ASKS_DAY, ASKS_TITLE, ASKS_DEFAULT, ASKS_DURATION, ASKS_FIGURE].map((re) => re.exec(text.normalize('NFKC'))?.[0] ?? '').join(' ').toLowerCase() + stageWords(text);
  // Terms are folded (バジョン for バージョン): the asking words are compared folded too.
  const askingFolded = normalizeFolded(asking);
  const weights = groupWeights.map((w, i) => (outcome.query.groups[i]!.terms.some((t) => askingFolded.includes(t.toLowerCase())) ? 0 : w));
  // A duration, default or stage belongs to the thing named whole beside it: Pod in PodDisruptionBudget is no sign of unhealthyPodEvictionPolicy.
  const wholeOf = new Map<string, number>();
  outcome.query.groups.forEach((g, i) => g.terms.forEach((t) => g.parts?.[t] === undefined && wholeOf.set(t, i)));
  const whole: DetailQuestion = { ...question, groupWeights: weights, groupOf: (t) => wholeOf.get(t) };
  const missing = asked.filter((k) => (k === 'setting' ? !holdsSettingThing(passages, outcome, wholeOf, text) : k === 'released' ? !holdsReleaseDate(stagePassages, text) : k === 'amount' ? !shown.some((p) => MONEY.test(p.text.normalize('NFKC'))) : measureDetail(k === 'stage' ? stagePassages : passages, WHOLE_KINDS.has(k) ? whole : { ...question, groupWeights: weights }, k) < settings.nearShare));
  return { kinds: missing.length === asked.length ? missing : [], editions: missingEditions };
}

/**
 * Whether a shown passage names the thing a where-to-set question asks about: every weighed
 * group the thing's words fall in (認証 and 情報 of 認証情報) is held whole by some passage.
 * A question naming nothing the analyser keeps there is held (nothing to judge).
 */
function holdsSettingThing(passages: readonly DetailPassage[], outcome: Pick<SearchOutcome, 'query' | 'weights'>, wholeOf: ReadonlyMap<string, number>, question: string): boolean {
  const m = ASKS_SETTING.exec(question.normalize('NFKC'));
  const thing = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  if (thing === '') return true;
  const groups = new Set<number>();
  outcome.query.groups.forEach((g, i) => {
    if (g.terms.some((t) => !t.startsWith('~') && g.parts?.[t] === undefined && (outcome.weights.get(t) ?? 0) > 0 && thing.includes(t))) groups.add(i);
  });
  if (groups.size === 0) return true;
  const held = new Set<number>();
  for (const { spans } of passages) for (const s of spans) { const g = wholeOf.get(s.term); if (g !== undefined) held.add(g); }
  return [...groups].every((g) => held.has(g));
}

/** The versions a text names, as major.minor (v1.25.0 is 1.25). */
function versionsOf(text: string): Set<string> {
  return new Set([...text.normalize('NFKC').matchAll(VERSION)].map((m) => m[1]!));
}

/**
 * Whether a passage gives the date of the release the question names: one sentence holding
 * that version and a date (Kubernetes 1.25は2022年8月23日にリリースされました). A page that names
 * the release only for what it brought (v1.25でalpha機能として導入) does not date it.
 */
export function holdsReleaseDate(passages: ReadonlyArray<{ text: string }>, question: string): boolean {
  const asked = versionsOf(question);
  return passages.some(({ text }) =>
    sentenceTexts(text).some((sentence) => DATE.test(sentence) && [...versionsOf(sentence)].some((v) => asked.has(v))),
  );
}

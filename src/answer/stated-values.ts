/**
 * Values a question states as the end or the start of a change (サポート期間が2年に延びた, 年3回から
 * 年2回に減らされた, raised from three to four releases a year): its premise. When no passage
 * shown holds the value with its unit, the corpus does not state that fact (it gives 1年, 年4回から
 * 年3回): the question is about a fact the articles do not have, and the answer is none. A value
 * written in kanji (三回) or in English words (two years) is compared as its digits; a year (2022年
 * に) is a date, not a value.
 */

const NUMBER = '(\\d+(?:\\.\\d+)?|[一二三四五六七八九十]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
/**
 * Units, each with its family (what a Japanese passage writes for an English question's unit
 * too): lengths of time counted in years or months, release counts, people. Not days, weeks,
 * percentages or multiples: a question states those of its own situation (85%になると, 2日から
 * 動かない), which the articles need not repeat.
 */
const UNIT_FAMILIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:年|years?)$/iu, '(?:年|years?)'],
  [/^(?:か月|ヶ月|カ月|ヵ月|months?)$/iu, '(?:か月|ヶ月|カ月|ヵ月|months?)'],
  [/^(?:回|releases?|times)$/iu, '(?:回|releases?|times)'],
  [/^(?:人|名|people|members)$/iu, '(?:人|名|people|members)'],
];
const UNIT = '(年|か月|ヶ月|カ月|ヵ月|回|人|名|years?|months?|releases?|times|people|members)';
/** N unit followed by から, or by に / へ / まで and a verb of change (延びた, 減らされた, になった). */
const JA_STATED = new RegExp(`(?:年|月|週)?\\s*${NUMBER}\\s*${UNIT}\\s*(?:から|(?:に|へ|まで)\\s*(?:延|伸|増|減|短|縮|変|な|上が|下が|引き|拡|落|戻))`, 'giu');
/** from / to N unit (from three to four releases, extended to 2 years). */
const EN_STATED = new RegExp(`\\b(?:from|to)\\s+${NUMBER}\\s+${UNIT}\\b`, 'giu');

const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const KANJI_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A number as its digits (三 → 3, 十二 → 12, two → 2). */
function digitsOf(number: string): string {
  const word = WORD_NUMBERS[number.toLowerCase()];
  if (word !== undefined) return String(word);
  if (!/^[一二三四五六七八九十]+$/u.test(number)) return number;
  const ten = number.indexOf('十');
  if (ten < 0) return String(KANJI_DIGITS[number] ?? number);
  const tens = ten === 0 ? 1 : (KANJI_DIGITS[number.slice(0, ten)] ?? 1);
  const ones = KANJI_DIGITS[number.slice(ten + 1)] ?? 0;
  return String(tens * 10 + ones);
}

export interface StatedValue {
  /** As the question writes it (2年に延, from three to four releases). */
  text: string;
  /** As the answer would hold it (2年). */
  value: string;
  held: RegExp;
}

/** The values the question states as a change's end or start, years aside. */
export function statedValues(question: string): StatedValue[] {
  const text = question.normalize('NFKC');
  const out: StatedValue[] = [];
  for (const m of [...text.matchAll(JA_STATED), ...text.matchAll(EN_STATED)]) {
    const digits = digitsOf(m[1]!);
    if (/^\d{4}$/u.test(digits)) continue;
    const family = UNIT_FAMILIES.find(([unit]) => unit.test(m[2]!))?.[1] ?? m[2]!;
    const kanji = Object.entries(KANJI_DIGITS).find(([, d]) => String(d) === digits)?.[0];
    const number = kanji ? `(?:${digits}|${kanji})` : digits.replace('.', '\\.');
    out.push({ text: m[0].trim(), value: `${digits}${/^[a-z]/iu.test(m[2]!) ? ` ${m[2]}` : m[2]}`, held: new RegExp(`(?<![\\d.])${number}\\s*${family}`, 'iu') });
  }
  return out;
}

/** The stated values (as the answer would hold them) that none of the passages holds. */
export function findUnheldValues(question: string, passages: ReadonlyArray<{ text: string; sectionPath?: readonly string[] }>): string[] {
  const stated = statedValues(question);
  if (stated.length === 0) return [];
  const texts = passages.map((p) => `${(p.sectionPath ?? []).join(' ')}\n${p.text}`.normalize('NFKC'));
  return [...new Set(stated.filter((v) => !texts.some((t) => v.held.test(t))).map((v) => v.value))];
}

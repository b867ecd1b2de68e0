/**
 * Speaker turns in an interview (`Carlos Santana (CS): もちろんです。…`, `FSM: それで…`, `Arpit:
 * …`): a sentence opening with a speaker's label starts a turn that runs to the next label, and
 * what is said in it is said by that speaker (`過去2年間、AWSのシニア・ソリューション・アーキテクト
 * としての役割で…` is Carlos Santana's own title, several sentences after his name). Pure.
 */

/** A label opening a sentence: a name of up to three words or initials (M/G/S), an optional (XX), then a colon. */
const LABEL = /^\s*([\p{Lu}][\p{L}.'/-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,2})\s*(?:\(([\p{Lu}]{2,4})\))?\s*[:：]/u;

/** The speaker label each sentence is said under, or undefined outside any turn. */
export function speakerLabels(sentences: readonly string[]): Array<string[] | undefined> {
  let current: string[] | undefined;
  return sentences.map((sentence) => {
    const m = LABEL.exec(sentence.normalize('NFKC'));
    if (m) current = [m[1]!, ...(m[2] ? [m[2]] : [])];
    return current;
  });
}

/** Whether a label names the person: their name, first name or initials (CS for Carlos Santana; M/G/S holds M). */
export function labelNames(label: readonly string[], person: string): boolean {
  const words = person.normalize('NFKC').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return false;
  const initials = words.map((w) => w[0]!.toUpperCase()).join('');
  const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, '');
  return label.some((l) => fold(l) === fold(person) || fold(l) === fold(words[0]!) || l === initials);
}

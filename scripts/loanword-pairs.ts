/**
 * Every katakana ⇄ English pair the loanword sound key makes on an index's vocabulary, and
 * whether the vowel check (src/text/loanword-vowels.ts) keeps it: the measurement behind that
 * check (README, "Loanwords").
 *
 *   npx tsx scripts/loanword-pairs.ts                     # the corpus (corpus/)
 *   npx tsx scripts/loanword-pairs.ts --real-docs         # the corpus + qa/real-docs, as eval:real-docs builds it
 *   npx tsx scripts/loanword-pairs.ts --real-docs --judged scripts/data/loanword-pairs-real-docs.tsv
 *
 * Prints `katakana TAB english TAB key TAB kept` lines; with --judged (lines `katakana TAB
 * english TAB key TAB label`, label 1 the same word, 2 a related form such as scheduler and
 * スケジュール, 0 a wrong pair), the precision and recall of the key alone and of key + vowels.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readChannelMap } from '../src/corpus/channels.js';
import { buildIndex } from '../src/search/build-index.js';
import { Searcher } from '../src/search/searcher.js';
import { readArticles } from '../src/sources/read-articles.js';
import { englishKeys, katakanaKey, MIN_KEY_LENGTH, soundsAlike } from '../src/text/loanwords.js';

const { values } = parseArgs({ options: { 'real-docs': { type: 'boolean' }, judged: { type: 'string' } } });

async function readVocabulary(realDocs: boolean): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'loanword-pairs-'));
  try {
    let sourcesFile: string | undefined;
    if (realDocs) {
      sourcesFile = join(scratch, 'sources.yml');
      await writeFile(sourcesFile, `hugo:\n  - dir: ${JSON.stringify(resolve('qa/real-docs/content/ja'))}\n    base_url: https://kubernetes.io/ja/\n`);
    }
    const { articles } = await readArticles('corpus', sourcesFile ? { sourcesFile } : {});
    const searcher = new Searcher(buildIndex({ articles: [...articles], channels: await readChannelMap('corpus'), corpusDigest: 'loanword-pairs' }));
    return [...searcher.index.vocabulary()];
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Pairs of one sound key (of MIN_KEY_LENGTH sounds or more), as the key alone made them. */
function keyPairs(vocabulary: readonly string[]): Array<{ katakana: string; english: string; key: string }> {
  const englishByKey = new Map<string, Set<string>>();
  for (const term of vocabulary) {
    if (!/^[a-z]{4,}$/.test(term)) continue;
    for (const word of /[^aeiouy]$/.test(term) ? [term, `${term}e`] : [term]) {
      for (const key of englishKeys(word)) if (key.length >= MIN_KEY_LENGTH) (englishByKey.get(key) ?? englishByKey.set(key, new Set()).get(key)!).add(term);
    }
  }
  const pairs = [];
  for (const katakana of vocabulary) {
    const key = katakanaKey(katakana);
    if (key.length >= MIN_KEY_LENGTH) for (const english of englishByKey.get(key) ?? []) pairs.push({ katakana, english, key });
  }
  return pairs.sort((a, b) => (a.katakana + a.english < b.katakana + b.english ? -1 : 1));
}

const pairs = keyPairs(await readVocabulary(values['real-docs'] ?? false)).map((p) => ({ ...p, kept: soundsAlike(p.katakana, p.english) }));
if (!values.judged) {
  for (const p of pairs) process.stdout.write(`${p.katakana}\t${p.english}\t${p.key}\t${p.kept ? 'kept' : 'dropped'}\n`);
  process.stderr.write(`${pairs.length} pairs, ${pairs.filter((p) => p.kept).length} kept\n`);
} else {
  const labels = new Map((await readFile(values.judged, 'utf8')).trim().split('\n').map((line) => {
    const [k, e, , label] = line.split('\t');
    return [`${k}\t${e}`, label] as const;
  }));
  const unjudged = pairs.filter((p) => !labels.has(`${p.katakana}\t${p.english}`));
  const count = (f: (p: (typeof pairs)[number], label: string) => boolean): number => pairs.filter((p) => f(p, labels.get(`${p.katakana}\t${p.english}`) ?? '?')).length;
  const same = count((_, l) => l === '1');
  const forms = count((_, l) => l === '2');
  const kept = count((p) => p.kept);
  const keptSame = count((p, l) => p.kept && l === '1');
  const keptForms = count((p, l) => p.kept && l === '2');
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(
    [
      `${pairs.length} pairs (${unjudged.length} not in ${values.judged}): ${same} the same word, ${forms} related forms, ${count((_, l) => l === '0')} wrong`,
      `key alone:    precision ${f(same / pairs.length)} (forms counted right ${f((same + forms) / pairs.length)}), recall 1.000`,
      `key + vowels: ${kept} kept, precision ${f(keptSame / kept)} (forms counted right ${f((keptSame + keptForms) / kept)}), recall same word ${f(keptSame / same)}, forms ${f(keptForms / forms)}; wrong pairs removed ${count((p, l) => !p.kept && l === '0')}`,
      ...unjudged.map((p) => `not judged: ${p.katakana} ${p.english}`),
    ].join('\n') + '\n',
  );
}

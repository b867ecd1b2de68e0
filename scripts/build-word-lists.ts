/**
 * `npm run build:word-lists`: writes src/text/lexicon/ordinary-words.txt.gz, the general
 * English and Japanese vocabulary that tells an ordinary word (configure, 設定, ゲートウェイ)
 * from a name the corpus lacks (Karpenter, AppArmor). Sources, both maintained npm packages
 * installed as devDependencies, with their versions recorded in ordinary-words.json:
 * - English: an-array-of-english-words (~275,000 words), and the names of months and weekdays
 *   from ICU (Intl.DateTimeFormat), which that list leaves out with the proper nouns;
 * - Japanese: the IPADIC lexicon shipped in kuromoji's dict/tid_pos.dat.gz (surface forms,
 *   conjugated forms included), without its proper nouns (固有名詞: places, people,
 *   organisations), which are names, not ordinary words; and the headwords of SudachiDict's
 *   synonym groups (sudachi-synonyms-dictionary), which add the katakana loanwords IPADIC
 *   lacks (ゲートウェイ, ワークフロー); their Latin spellings are left to the English list.
 * Words are stored folded as the analyser folds them (NFKC, lower case, English plural and
 * tense folding, katakana prolonged marks), the unfolded spelling too. Japanese words of every
 * script are kept (kanji, katakana, kana endings: 切り離す, 動かす), Latin ones only from the
 * English list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync, gunzipSync } from 'node:zlib';
import { foldKatakana, foldPlural, normalizeText } from '../src/text/normalize.js';
import { ORDINARY_WORDS_FILE, ORDINARY_WORDS_SOURCES } from '../src/text/ordinary-words.js';

const require = createRequire(import.meta.url);
// Read from node_modules directly: not every package exports its package.json.
const version = (pkg: string): string => (JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;

const LATIN = /^[a-z]+$/;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+$/u;

function englishWords(): string[] {
  const words = require('an-array-of-english-words') as string[];
  return words.map(normalizeText).filter((w) => LATIN.test(w)).flatMap((w) => [w, foldPlural(w)]);
}

function japaneseWords(): string[] {
  const file = require.resolve('kuromoji/dict/tid_pos.dat.gz');
  // Each entry is a NUL-terminated "surface,pos,pos1,…" row (kuromoji's TokenInfoDictionary.put).
  const rows = gunzipSync(readFileSync(file)).toString('utf8').split('\0');
  const words: string[] = [];
  for (const row of rows) {
    const [surface, , pos1] = row.split(',');
    if (!surface || pos1 === '固有名詞') continue;
    const w = normalizeText(surface);
    if (KATAKANA.test(w)) words.push(w, foldKatakana(w));
    else if (JAPANESE.test(w)) words.push(w);
  }
  return words;
}

async function sudachiWords(): Promise<string[]> {
  const { fetchDictionary } = require('sudachi-synonyms-dictionary') as { fetchDictionary(): Promise<Array<{ items: Array<{ midashi: string; expandControl: number; gokeiSyubetsu: string }> }>> };
  const groups = await fetchDictionary();
  const words: string[] = [];
  for (const { items } of groups) {
    for (const item of items) {
      // 2: kept only as a record of a removed headword; 間違い: a misspelling.
      if (item.expandControl === 2 || item.gokeiSyubetsu === '間違い') continue;
      const w = normalizeText(item.midashi);
      if (KATAKANA.test(w)) words.push(w, foldKatakana(w));
      else if (JAPANESE.test(w)) words.push(w);
    }
  }
  return words;
}

/**
 * The English names of months and weekdays, long and short, from ICU (Intl.DateTimeFormat): the
 * word list leaves them out with the proper nouns, yet "from October 2022" names no missing topic.
 */
function calendarWords(): string[] {
  const names: string[] = [];
  for (const month of ['long', 'short'] as const) for (let m = 0; m < 12; m++) names.push(new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' }).format(Date.UTC(2020, m, 1)));
  // 2020-06-01 was a Monday.
  for (const weekday of ['long', 'short'] as const) for (let d = 0; d < 7; d++) names.push(new Intl.DateTimeFormat('en', { weekday, timeZone: 'UTC' }).format(Date.UTC(2020, 5, 1 + d)));
  return names.map(normalizeText).filter((w) => LATIN.test(w));
}

const english = [...englishWords(), ...calendarWords()];
const japanese = [...japaneseWords(), ...(await sudachiWords())];
const all = [...new Set([...english, ...japanese])].filter((w) => w.length > 0).sort();
writeFileSync(ORDINARY_WORDS_FILE, gzipSync(all.join('\n'), { level: 9 }));
writeFileSync(
  ORDINARY_WORDS_SOURCES,
  `${JSON.stringify(
    {
      generator: 'scripts/build-word-lists.ts',
      words: all.length,
      sources: [
        { package: 'an-array-of-english-words', version: version('an-array-of-english-words'), license: 'MIT', what: 'English words' },
        { package: 'sudachi-synonyms-dictionary', version: version('sudachi-synonyms-dictionary'), license: 'Apache-2.0', what: 'headwords of the synonym groups in Japanese script' },
        { package: 'kuromoji', version: version('kuromoji'), license: 'Apache-2.0 (IPADIC: its own BSD-style licence)', what: 'IPADIC lexicon (dict/tid_pos.dat.gz) without proper nouns' },
      ],
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`${all.length} words (${new Set(english).size} English, ${new Set(japanese).size} Japanese) → ${ORDINARY_WORDS_FILE.pathname}\n`);

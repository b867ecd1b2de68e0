/**
 * Retrieval: query analysis (query.ts), candidate finding (candidates.ts), title matches
 * (titles.ts) and ranking (rank.ts) over one index, with what the question names that the
 * corpus lacks (unknown-entities.ts).
 */
import { LoanwordIndex } from '../text/loanwords.js';
import { defaultSynonyms } from '../text/synonyms.js';
import { CandidateFinder } from './candidates.js';
import { expandQuery } from './expansions.js';
import type { IndexData, StoredPassage } from './index-data.js';
import { encodeIndex } from './index-layout.js';
import { IndexReader } from './index-reader.js';
import { analyseQuery, withContext, groupCoverage, splitUnknownCompounds, type AnalysedQuery, type QueryTerm } from './query.js';
import { collapseNearDuplicates, rankCandidates, type RankedPassage } from './rank.js';
import { findUnheldPairings, type PairingLookup, type UnheldPairing } from './stated-pairings.js';
import { findAbsentNames, findNames, findStrandedNames, STRANDED_LEADING, type QuestionName } from './absent-names.js';
import { findPassingNames } from './passing-mention.js';
import { ASKS_ARTIFACT, findLoneMentions } from './lone-mention.js';
import { capitalisedNames, phrasePattern } from './phrases.js';
import { findQualifiedNames, SiblingMatcher, SIBLING_FACTOR, type SiblingContrast } from './sibling-names.js';
import { TitleMatcher } from './titles.js';
import { onlyAsContext, onlyInSetup, setupScaled } from './own-setup.js';
import { liftAnswerTypes } from './answer-type.js';
import { findUnknownTitles } from './quoted-titles.js';
import { ASKS_CONFIG, ASKS_HOW, ASKS_INSTALL, ASKS_STEPS } from '../text/asks-how.js';
import { foldPlural, normalizeFolded, normalizeText } from '../text/normalize.js';
import { ordinaryWords } from '../text/ordinary-words.js';
import { editDistanceWithin, fillerTerms, findUnknownEntities, ordinaryWordsNear, surfaceOf } from './unknown-entities.js';

export type { RankedPassage } from './rank.js';

export interface SearchOptions {
  /** How many ranked passages to return. */
  limit: number;
  /** SIGs whose articles rank higher (the asker is in a mirrored channel such as #sig-node). */
  preferSigs?: readonly string[];
  /** A follow-up's earlier question: searched too, at a lower weight (query.ts withContext). */
  context?: string;
}

export interface SearchOutcome {
  query: AnalysedQuery;
  /** Weight of each query term: idf × kind weight; 0 for filler (see fillerTerms). */
  weights: Map<string, number>;
  /** Share of the question's term weight that the corpus contains at all (0..1). */
  corpusCoverage: number;
  /** What the question names that no passage, heading or title mentions (Karpenter, AppArmor). */
  unknownEntities: string[];
  /** What the question names that the corpus has but the top passage's page does not (absent-names.ts). */
  absentNames: string[];
  /** Absent names whose every page holds little of the rest of the question (absent-names.ts findStrandedNames). */
  strandedNames?: string[];
  /** Family members the question asks about that the top page never names, while it names their siblings (sibling-names.ts). */
  siblingNames?: SiblingContrast[];
  /** What a how-question names that the top page names only in passing, once and beside none of its other words (passing-mention.ts). */
  passingNames?: string[];
  /** Pairings the question states (OpenShift with containerd) that the corpus makes with a sibling instead (stated-pairings.ts). */
  unheldPairings?: UnheldPairing[];
  results: RankedPassage[];
}

/**
 * A title matched this nearly brings its article's opening passage in as a candidate: the
 * page asked for by its title is best shown from its start, which BM25 may not have found.
 */
const TITLE_CANDIDATE_MATCH = 0.5;
/** At most this many articles' openings come in by title (near-identical titles abound in a large corpus). */
const TITLE_CANDIDATES = 5;
/** Leading ranked passages checked for naming only siblings of what the question asks (a demoted one falls, it never rises). */
const SIBLING_POOL = 20;
/** A term in more documents than this is in too many passages for lone-mention.ts (a passage's heading and text are its documents). */
const LONE_MAX_DOCUMENTS = 3;
/** A phrase's passages are read through its rarest word's, when it is in at most this many documents (a name in several words is rare). */
const LONE_MAX_PHRASE_DOCUMENTS = 50;
/** Documents (a passage's heading and text) per article counted at most before a name counts as on too many pages (articlesWith). */
const MAX_DOCUMENTS_PER_PAGE = 4;
/** Passages read at most to find a phrase (Searcher.containsPhrase). */
const MAX_PHRASE_PASSAGES = 500;

export class Searcher {
  /** The index answered from; built data is laid out as the index file is, and read the same way. */
  readonly index: IndexReader;
  private readonly candidates: CandidateFinder;
  private readonly titleMatcher: TitleMatcher;
  private foldedTitles: string[] | undefined;
  private pairings: PairingLookup | undefined;
  private siteNames: Set<string> | undefined;
  private joinedTerms: string | undefined;
  private latinTermsByStart: Map<string, string[]> | undefined;
  /** Built on the first question: the corpus's katakana and English words by sound. */
  private loanwords: LoanwordIndex | undefined;

  constructor(index: IndexReader | IndexData) {
    this.index = index instanceof IndexReader ? index : IndexReader.open(encodeIndex(index));
    this.candidates = new CandidateFinder(this.index);
    this.titleMatcher = new TitleMatcher(this.index.articles);
    // Read once per process (~0.15 s, ~17 MB), at start rather than on the first question.
    ordinaryWords();
  }

  get passageCount(): number {
    return this.index.passageCount;
  }

  weightOf(term: QueryTerm): number {
    return this.candidates.weightOf(term);
  }

  search(question: string, options: SearchOptions): SearchOutcome {
    const known = (term: string): boolean => this.index.documentFrequency(term) > 0;
    const loanwords = (): LoanwordIndex => (this.loanwords ??= new LoanwordIndex(() => this.index.vocabulary()));
    const ordinary = (term: string): boolean => ordinaryWords().has(term);
    const typos = (term: string, distance: number): string | undefined => this.nearestTerm(term, distance);
    // A follow-up's earlier question is analysed and expanded the same way, then joins at a lower weight.
    // Expansions join the group of the term they stand for, below the question's own words.
    const expand = (text: string): AnalysedQuery => expandQuery(splitUnknownCompounds(analyseQuery(text), known, ordinary), { synonyms: defaultSynonyms, loanwords, known, typos, ordinaryNear: (term) => ordinaryWordsNear(term) });
    const own = expand(question);
    const query = withContext(own, options.context ? expand(options.context) : undefined);
    const fillers = fillerTerms(query, known);
    const weights = new Map(query.terms.map((t) => [t.term, fillers.has(t.term) ? 0 : this.weightOf(t)]));
    // Coverage, which confidence reads, weighs the asker's own setup below what they ask.
    const coverageWeights = setupScaled(query, weights, question);
    const corpusCoverage = groupCoverage(query, coverageWeights, known);
    // Only the question itself can name what the corpus lacks: a follow-up's earlier question was answered already.
    const unknownEntities = [...findUnknownEntities(question, own, this), ...findUnknownTitles(question, { inTitle: (t) => this.inTitle(t), inText: (t) => this.textContains(t) })];
    if (query.terms.length === 0) return { query, weights, corpusCoverage, unknownEntities, absentNames: [], results: [] };
    const titleMatches = this.titleMatcher.match(query, weights);
    const candidates = this.candidates.find(query);
    const titled = [...titleMatches].filter(([, match]) => match >= TITLE_CANDIDATE_MATCH).sort((a, b) => b[1] - a[1]);
    for (const [article] of titled.slice(0, TITLE_CANDIDATES)) {
      const opening = this.candidates.opening(article, query);
      if (!candidates.some((c) => c.passage === opening.passage)) candidates.push(opening);
    }
    const names = findNames(own, known);
    const families = this.index.manifest.families ?? [];
    const asked = new SiblingMatcher(findQualifiedNames(question, families), families);
    const ranked = liftAnswerTypes(this.demoteSiblings(rankCandidates(candidates, { query, weights: coverageWeights, articles: this.index.articles, prefer: new Set(options.preferSigs ?? []), titleMatches, titleTerms: (article) => this.titleMatcher.termsOf(article), names }), asked), question, query, weights);
    const results = collapseNearDuplicates(ranked, options.limit);
    const absentTerms = results[0] ? findAbsentNames(own, results[0].passage.article, known, this) : [];
    const absentNames = absentTerms.map((term) => surfaceOf(question, term));
    const leading = [...new Set(results.slice(0, STRANDED_LEADING).map((r) => r.passage.article))];
    // A name told only as the asker's setup (We're still on 1.29) is context, wherever else the corpus has it.
    const strandedNames = findStrandedNames(own, weights, absentTerms, known, this, leading)
      .map((term) => surfaceOf(question, term))
      .filter((name) => !onlyAsContext(question, name));
    // A sibling told only as the asker's setup (うちのノードはまだ 1.29 系) is not what is asked about.
    const siblingNames = results[0] ? this.siblingContrasts(asked, results).filter((c) => !onlyInSetup(question, c.asked)) : [];
    // Named in passing on the best page, or in one sentence of the whole corpus (lone-mention.ts).
    const passingNames = results[0] ? [...new Set([...this.passingNames(own, weights, names, results[0], question), ...this.loneMentions(own, names, question)])] : [];
    const unheldPairings = results[0] ? findUnheldPairings(question, own, names, this.pairingLookup(), (term) => surfaceOf(question, term)) : [];
    return { query, weights, corpusCoverage, unknownEntities, absentNames, strandedNames, siblingNames, passingNames, unheldPairings, results };
  }

  /** The passages holding a term, as stated-pairings.ts reads them: none are read past `max`. Made once. */
  private pairingLookup(): PairingLookup {
    return (this.pairings ??= {
      passageTextsWith: (term, max) => {
        // A passage is at most two documents (its heading and its text): a longer postings list is not read.
        if (this.index.documentFrequency(term) > 2 * max) return undefined;
        const passages = this.passagesOf(term);
        return passages.length > max ? undefined : passages.map((i) => this.candidates.normalizedText(this.index.passage(i)));
      },
      documentFrequency: (term) => this.index.documentFrequency(term),
      familyHeads: new Set((this.index.manifest.families ?? []).map((f) => f.head)),
    });
  }

  /** The question's names that the top page names only in passing (passing-mention.ts), spelled as the question spells them. */
  private passingNames(query: AnalysedQuery, weights: ReadonlyMap<string, number>, names: readonly QuestionName[], top: RankedPassage, question: string): string[] {
    if (names.length === 0 || !ASKS_HOW.test(question)) return [];
    const article = top.passage.article;
    const text = this.candidates.normalizedText(top.passage);
    const page = { title: this.candidates.normalizedTitle(article), top: text, rest: () => this.candidates.pageTexts(article).slice(1).filter((p) => p !== text) };
    return findPassingNames(query, weights, names, page, true).map((term) => surfaceOf(question, term));
  }

  /** What a question asking for steps or a configuration names that the corpus has in a sentence or two only (lone-mention.ts), spelled as the question spells them. */
  private loneMentions(query: AnalysedQuery, names: readonly QuestionName[], question: string): string[] {
    if (!ASKS_STEPS.test(question) && !ASKS_CONFIG.test(question) && !ASKS_ARTIFACT.test(question)) return [];
    const lookup = {
      passagesWith: (term: string): number[] => {
        const df = this.index.documentFrequency(term);
        // Only whether one passage holds it matters: a common term's postings are not read.
        if (df === 0 || df > LONE_MAX_DOCUMENTS) return df === 0 ? [] : [-1, -2];
        return this.passagesOf(term);
      },
      passageText: (passage: number): string => this.candidates.normalizedText(this.index.passage(passage)),
      articleOf: (passage: number): number => this.index.passage(passage).article,
      titleHolds: (passage: number, holds: (title: string) => boolean): boolean => holds(this.candidates.normalizedTitle(this.index.passage(passage).article)),
      passagesWithPhrase: (words: readonly string[]): number[] => {
        const pattern = phrasePattern(words);
        const rarest = this.rarestWord(words);
        if (!rarest || rarest.df === 0) return [];
        if (rarest.df > LONE_MAX_PHRASE_DOCUMENTS) return [-1, -2];
        return this.passagesOf(rarest.term).filter((i) => pattern.test(this.candidates.normalizedText(this.index.passage(i))));
      },
      longerTermsWith: (text: string): string[] => this.longerTermsWith(text),
    };
    return findLoneMentions(query, true, names, lookup, capitalisedNames(question), ASKS_INSTALL.test(question)).map((term) => surfaceOf(question, term));
  }

  /** Sibling contrasts of the question's family members (sibling-names.ts) against the top page: its results' passages answer, the whole page names. */
  private siblingContrasts(asked: SiblingMatcher, results: readonly RankedPassage[]): SiblingContrast[] {
    if (asked.empty) return [];
    const article = results[0]!.passage.article;
    const title = this.index.articles[article]!.title;
    const answering = [title, ...results.filter((r) => r.passage.article === article).map((r) => `${r.passage.sectionPath.join(' ')}\n${r.passage.text}`)];
    return asked.contrasts({ title, answering, page: this.candidates.pageTexts(article) });
  }

  /** Leading passages naming only siblings of the asked members score SIBLING_FACTOR of their score (sibling-names.ts). */
  private demoteSiblings(ranked: RankedPassage[], asked: SiblingMatcher): RankedPassage[] {
    if (asked.empty) return ranked;
    const leading = ranked.slice(0, SIBLING_POOL).map((r) =>
      asked.namesOnlySiblings([this.candidates.normalizedTitle(r.passage.article), this.candidates.normalizedText(r.passage)]) ? { ...r, score: r.score * SIBLING_FACTOR } : r,
    );
    return [...leading, ...ranked.slice(SIBLING_POOL)].sort((a, b) => b.score - a.score);
  }

  /** Whether a passage of the article, or its title, has the term (for PageLookup): read from the page, as a common term's postings are long. */
  articleHas(article: number, term: QueryTerm): boolean {
    return this.candidates.articleHas(article, term);
  }

  /** The articles whose passages have any of the terms, or undefined past `max` (for NamePages). */
  articlesWith(terms: readonly string[], max: number): number[] | undefined {
    // A term in more documents than a page of `max` articles could hold is widespread: its postings are not read.
    if (terms.some((term) => this.index.documentFrequency(term) > max * MAX_DOCUMENTS_PER_PAGE)) return undefined;
    const articles = new Set<number>();
    for (const term of terms) for (const passage of this.passagesOf(term)) articles.add(this.index.passage(passage).article);
    return articles.size > max ? undefined : [...articles];
  }

  /** The article's title and passages, normalised and folded (for NamePages). */
  pageTexts(article: number): string[] {
    return this.candidates.pageTexts(article);
  }

  /** The article's passages as stored, in order. */
  articlePassages(article: number): StoredPassage[] {
    return this.candidates.passagesOf(article);
  }

  /** Passages whose headings or text contain the term (for EntityLookup). */
  documentFrequency(term: string): number {
    return this.index.documentFrequency(term);
  }

  /** Whether an article title contains the text (for EntityLookup). */
  inTitle(text: string): boolean {
    return this.titlesFolded().some((title) => title.includes(text));
  }

  /** Whether the term is a label of an article's URL host, top-level domain and www aside (zenn of zenn.dev; for EntityLookup). */
  isSiteName(term: string): boolean {
    this.siteNames ??= new Set(this.index.articles.flatMap((a) => siteLabels(a.url)));
    return this.siteNames.has(term);
  }

  /** Every article's title, normalised and katakana-folded as the analyser folds terms; kept once made. */
  private titlesFolded(): string[] {
    this.foldedTitles ??= this.index.articles.map((a) => normalizeFolded(a.title));
    return this.foldedTitles;
  }

  /**
   * The indexed Latin term fewest edits (at most `distance`) from the term; the commonest of
   * equals. Only terms of the same first letter are compared: misspellings rarely change it,
   * and it keeps the search to a few hundred terms in a 10,000-article corpus.
   */
  nearestTerm(term: string, distance: number): string | undefined {
    if (!this.latinTermsByStart) {
      this.latinTermsByStart = new Map();
      for (const t of this.index.vocabulary()) {
        if (!/^[a-z0-9][a-z0-9.\-_/:]*$/.test(t)) continue;
        const key = `${t[0]}${t.length}`;
        const list = this.latinTermsByStart.get(key);
        if (list) list.push(t);
        else this.latinTermsByStart.set(key, [t]);
      }
    }
    let best: { term: string; distance: number; df: number } | undefined;
    for (let length = term.length - distance; length <= term.length + distance; length++) {
      for (const t of this.latinTermsByStart.get(`${term[0]}${length}`) ?? []) {
        const d = editDistanceWithin(term, t, distance);
        if (d > distance) continue;
        const df = this.index.documentFrequency(t);
        if (!best || d < best.distance || (d === best.distance && df > best.df)) best = { term: t, distance: d, df };
      }
    }
    return best?.term;
  }

  /**
   * Whether the words occur together (phrases.ts) in a title, or in a passage holding the
   * rarest of them. A word so common that its passages cannot be read cheaply vouches for the
   * phrase: a name is rare, and the check is there for rare names.
   */
  containsPhrase(words: readonly string[]): boolean {
    const pattern = phrasePattern(words);
    if (this.titlesFolded().some((title) => pattern.test(title))) return true;
    return this.someRarestPassage(this.rarestWord(words), (text) => pattern.test(text));
  }

  /**
   * Whether a passage's text holds the (normalised, folded) text: read through the postings of
   * its rarest indexed word, so that a long corpus is not scanned (a text whose words are all
   * common is taken as held).
   */
  private textContains(folded: string): boolean {
    const words = analyseQuery(folded).terms.filter((t) => t.kind === 'word').map((t) => t.term);
    return this.someRarestPassage(this.rarestTerm(words), (text) => text.includes(folded));
  }

  /**
   * Whether a passage of the rarest term (normalised, folded) holds what is looked for; true
   * unread when the term is in more than MAX_PHRASE_PASSAGES documents, false when in none.
   */
  private someRarestPassage(rarest: { term: string; df: number } | undefined, holds: (text: string) => boolean): boolean {
    if (!rarest || rarest.df === 0) return false;
    if (rarest.df > MAX_PHRASE_PASSAGES) return true;
    return this.passagesOf(rarest.term).some((i) => holds(this.candidates.normalizedText(this.index.passage(i))));
  }

  /** A phrase's word in fewest documents, as indexed: a phrase is looked for in that word's passages. */
  private rarestWord(words: readonly string[]): { term: string; df: number } | undefined {
    return this.rarestTerm(words.map((w) => foldPlural(normalizeText(w))));
  }

  /** The indexed term in fewest documents. */
  private rarestTerm(terms: readonly string[]): { term: string; df: number } | undefined {
    return terms.map((term) => ({ term, df: this.index.documentFrequency(term) })).sort((a, b) => a.df - b.df)[0];
  }

  /** The passages whose heading or text has the term, from its postings. */
  private passagesOf(term: string): number[] {
    const passages = new Set<number>();
    for (const field of this.index.termPostings(term) ?? []) for (const id of field?.ids ?? []) passages.add(this.index.passageOfDocument(id));
    return [...passages];
  }

  /** Indexed terms holding the text inside a longer one (for EntityLookup), at most `max`. */
  longerTermsWith(text: string, max = 20): string[] {
    this.joinedTerms ??= [...this.index.vocabulary()].join('\n');
    const found: string[] = [];
    for (let at = this.joinedTerms.indexOf(text); at >= 0 && found.length < max; at = this.joinedTerms.indexOf(text, at + text.length)) {
      const start = this.joinedTerms.lastIndexOf('\n', at) + 1;
      const end = this.joinedTerms.indexOf('\n', at);
      const term = this.joinedTerms.slice(start, end < 0 ? undefined : end);
      if (term !== text && !found.includes(term)) found.push(term);
    }
    return found;
  }

  /** Whether an indexed term holds the text inside it (`maxsurge` in `spec.strategy.rollingupdate.maxsurge`). */
  inLongerTerm(text: string): boolean {
    return this.longerTermsWith(text, 1).length > 0;
  }
}

/** The labels of a URL's host that name a site: zenn of zenn.dev, kubernetes of kubernetes.io (not www, nor the top-level domain). */
export function siteLabels(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const labels = new URL(url).hostname.toLowerCase().split('.');
    // Second-level labels of country domains (co of co.jp) are two letters: no site's name.
    return labels.slice(0, -1).filter((l) => l !== 'www' && l.length > 2);
  } catch {
    return [];
  }
}

/**
 * Quoted titles: a question that names an article by its title in quotes (「Kubernetes v1.29を
 * そっと覗く」の記事, the post titled "…") asks about that article. When no article has that
 * title and no passage quotes it, the corpus does not have the article, however many of its
 * words it shares with one that it has (the v1.30 sneak peek): an unknown entity, like a
 * product no page names. Pure: the searcher hands in its titles and passage lookup.
 */
import { normalizeFolded } from '../text/normalize.js';

/** A title in quotes, marked as an article's, a post's or a blog's. */
const QUOTED_TITLE = /「([^」]{4,100})」\s*(?:の|という|って|って(?:いう)?)?\s*(?:記事|ブログ|投稿|エントリ|ポスト)|(?:\b(?:article|post|blog(?: post)?)\s+(?:called|titled|named)\s+)["“]([^"”]{4,100})["”]|["“]([^"”]{4,100})["”]\s+(?:article|post|blog(?: post)?)\b/giu;

export interface TitleLookup {
  /** Whether an article's title holds the text (normalised, folded). */
  inTitle(folded: string): boolean;
  /** Whether a passage holds the text (normalised, folded), as an article quoting another's title does. */
  inText(folded: string): boolean;
}

/** The titles the question quotes as an article's, as written. */
export function findQuotedTitles(question: string): string[] {
  return [...question.normalize('NFKC').matchAll(QUOTED_TITLE)].map((m) => (m[1] ?? m[2] ?? m[3]!).trim()).filter((t) => t !== '');
}

/** The quoted titles no article has and no passage quotes. */
export function findUnknownTitles(question: string, lookup: TitleLookup): string[] {
  return findQuotedTitles(question).filter((title) => {
    const folded = normalizeFolded(title);
    return !lookup.inTitle(folded) && !lookup.inText(folded);
  });
}

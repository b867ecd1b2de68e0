/** What front matter says about an article, and its id. */
export interface ArticleFields {
  /** The file name without `.md`: the article's stable id. */
  id: string;
  title: string;
  /** YYYY-MM-DD as written; '' when the source gives none (docs pages), and citations then show none. */
  date: string;
  /** The citation link. */
  url: string;
  authors: string[];
  translators: string[];
  /** e.g. `sig-node`; lower-case, as written in front matter. */
  sigs: string[];
  /** BCP 47 language tag, `ja` unless the front matter says otherwise. */
  lang: string;
  /**
   * Where the article came from, for the digest's per-source baseline: `corpus` for the
   * operator's files, a feed's URL, or a Hugo section's URL (`https://kubernetes.io/ja/blog/`).
   * Absent: `corpus`.
   */
  source?: string;
  /** Whether the digest announces it when new (docs pages are reference, not news). Absent: true. */
  announce?: boolean;
}

/** One article of the corpus, as read from `corpus/<id>.md` (front matter + Markdown body). */
export interface Article extends ArticleFields {
  /** Markdown body, front matter removed. */
  body: string;
  /** Path of the source file, for error messages. */
  file: string;
  /** The file's modification time (ms), when read from disk: the older of two files with one URL is kept. */
  modifiedAt?: number;
}

/** What the index keeps about an article: its fields, plus what the build step derives. */
export interface ArticleMeta extends ArticleFields {
  /** Community channels the article itself references (`#sig-node`), without the `#`. */
  channels: string[];
  /** The first sentences of the article as plain text, for digests and suggestions. */
  lead: string;
  /**
   * The title's query terms (src/search/query.ts), set by the index build: title matching
   * looks titles up by term without analysing every title at start (0.8 s at 10,000 articles).
   */
  titleTerms?: string[];
}

/** A problem found while reading or validating one corpus file. */
export interface CorpusProblem {
  file: string;
  message: string;
}

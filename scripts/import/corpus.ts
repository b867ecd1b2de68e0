import { Document, Scalar, YAMLSeq } from 'yaml';
import { importableEntries, parseCatalog, type CatalogEntry } from './catalog.js';
import { convertMarkdownSeed, isMarkdownSeed } from './markdown-seed.js';
import { OUTLINES } from './outline.js';
import { convertPlainText } from './plaintext.js';

/** One generated corpus file. */
export interface CorpusFile {
  id: string;
  /** File name inside the corpus directory: `<id>.md`. */
  fileName: string;
  content: string;
}

/**
 * Converts every importable catalog entry. Pure: `seeds` maps a seed file name to its text.
 * Output order follows the catalog.
 */
export function convertSeeds(catalogText: string, seeds: ReadonlyMap<string, string>): CorpusFile[] {
  return importableEntries(parseCatalog(catalogText)).map((entry) => {
    const text = seeds.get(entry.seed);
    if (text === undefined) throw new Error(`${entry.id}: seed file ${entry.seed} not found`);
    try {
      return { id: entry.id, fileName: `${entry.id}.md`, content: renderArticle(entry, convertBody(entry, text)) };
    } catch (err) {
      throw new Error(`${entry.id}: ${(err as Error).message}`, { cause: err });
    }
  });
}

/** The article's lines as the catalog cuts them (1-based, inclusive), converted to Markdown. */
export function convertBody(entry: CatalogEntry, seedText: string): string {
  const all = seedText.split(/\r?\n/);
  const [first, last] = entry.lines;
  if (last > all.length) throw new Error(`lines ${first}-${last} exceed ${entry.seed} (${all.length} lines)`);
  const lines = all.slice(first - 1, last);
  return isMarkdownSeed(lines) ? convertMarkdownSeed(lines) : convertPlainText(lines, entry.title, OUTLINES[entry.id]);
}

/** Front matter (written by the yaml library, so quoting is always valid) followed by the body. */
export function renderArticle(entry: CatalogEntry, body: string): string {
  const quoted = (v: string): Scalar => Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE });
  const flow = (items: string[], quote: boolean): YAMLSeq => {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const item of items) seq.items.push(quote ? quoted(item) : new Scalar(item));
    return seq;
  };
  const doc = new Document({});
  // Dates are quoted on purpose: unquoted, YAML 1.1 readers (gray-matter) turn them into Dates.
  doc.set('title', quoted(entry.title));
  doc.set('date', quoted(entry.date));
  doc.set('url', quoted(entry.url));
  doc.set('authors', flow(entry.authors, true));
  doc.set('translators', flow(entry.translators, true));
  doc.set('sigs', flow(entry.sigs, false));
  doc.set('lang', new Scalar(entry.lang));
  const frontMatter = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${frontMatter}---\n\n${body}`;
}

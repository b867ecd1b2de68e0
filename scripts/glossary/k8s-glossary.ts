/**
 * Glossary entries from the Kubernetes glossary itself (kubernetes/website
 * content/ja/docs/reference/glossary): each term's English name, from its file name and id
 * (the site keys every term by an English slug), its aka list, and its Japanese names: the
 * Japanese title, split where it glosses itself ("退避 (Eviction)"), and the term a definition
 * opens with ("水平Pod自動スケーラーは、…"); with the English original of the term, its title and
 * aka too ("API-initiated eviction" beside APIを起点とした退避). Pure: the script does the
 * reading and writing.
 */

export interface GlossaryTermSource {
  file: string;
  id: string;
  title: string;
  aka?: string[] | null;
  short_description?: string;
  /** The English original of the term (content/en/docs/reference/glossary, same file name): its title and aka. */
  english?: { title: string; aka?: string[] | null };
}

// The glossary's pages for words with several senses: "Developer (disambiguation)", "開発者 (曖昧さ回避)".
const DISAMBIGUATION = /\s*[(（]\s*(?:disambiguation|曖昧さ回避)\s*[)）]\s*$/iu;

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
// "退避 (Eviction)", "カスタムリソース定義(Custom Resource Definitions)", "エンドポイント（Endpoints）"
const GLOSSED = /^(.+?)\s*[(（]([^()（）]+)[)）]$/u;
// The term a Japanese definition opens with: "フィーチャーゲートは…", "ワークロードとは、…"
// The term ends in a kanji, katakana or Latin letter: a は after hiragana is inside a phrase
// (有限また|は), not after a name.
const DEFINED = /^([^、。,.\s]{1,19}?[^、。,.\s\p{Script=Hiragana}])(?:とは|は)、?/u;

/** English words of a slug: `dynamic-volume-provisioning` → `dynamic volume provisioning`; CamelCase ids split too. */
export function slugWords(slug: string): string {
  return slug
    .replace(/\.md$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();
}

export function buildGlossaryEntry(term: GlossaryTermSource): string[] | undefined {
  const english = new Set<string>([slugWords(term.file)]);
  const japanese = new Set<string>();
  const addName = (name: string): void => {
    const n = name.trim();
    if (n === '') return;
    if (JAPANESE.test(n)) japanese.add(n);
    else english.add(n.toLowerCase());
  };
  english.add(slugWords(term.id));
  // An aka that is one plain word (Resource for API resource) names a broader idea of its own;
  // acronyms (HPA, PDB) and longer names are the term's.
  const addAka = (aka: readonly unknown[] | null | undefined): void => {
    for (const a of aka ?? []) if (typeof a === 'string' && (/[A-Z]{2,}/.test(a) || /[\s-]/.test(a.trim()) || JAPANESE.test(a))) addName(a);
  };
  const addTitle = (title: string): void => {
    const plain = title.trim().replace(DISAMBIGUATION, '');
    const glossed = GLOSSED.exec(plain);
    if (glossed) {
      addName(glossed[1]!);
      addName(glossed[2]!);
    } else addName(plain);
  };
  addAka(term.aka);
  addTitle(term.title);
  if (term.english) {
    addTitle(term.english.title);
    addAka(term.english.aka);
  }
  const defined = DEFINED.exec((term.short_description ?? '').trim());
  if (defined && JAPANESE.test(defined[1]!)) japanese.add(defined[1]!);
  // Only terms with a Japanese name join English and Japanese: the rest the analyser already
  // finds under their one spelling.
  if (japanese.size === 0) return undefined;
  return [...english, ...japanese];
}

export function buildGlossary(terms: readonly GlossaryTermSource[]): string[][] {
  return [...terms]
    .sort((a, b) => a.file.localeCompare(b.file))
    .map(buildGlossaryEntry)
    .filter((e): e is string[] => e !== undefined);
}

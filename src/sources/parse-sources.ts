/** Pure: the sources file's YAML text → validated entries, each problem with its line. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';

export interface SourcesProblem {
  /** 1-based; 0 when the problem is not tied to a line. */
  line: number;
  message: string;
}

export class SourcesFileError extends Error {
  constructor(readonly file: string, readonly problems: SourcesProblem[]) {
    super(`Sources: ${file} has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p.line > 0 ? `line ${p.line}: ` : ''}${p.message}`).join('\n')}`);
  }
}

export interface HugoSpec {
  dir: string;
  dirLine: number;
  baseUrl: string;
  sections: string[] | undefined;
  announce: string[];
  sigsByPath: Record<string, string[]>;
}

export interface SourcesSpec {
  hugo: HugoSpec[];
  feeds: Array<{ url: string; sigs: string[] }>;
}

const SIG = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a SIG looks like sig-network');
const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s/]+/.test(v), 'must be an absolute http(s) URL');
const section = z.string().regex(/^[^/\s]+$/, 'a section is a top-level folder name such as docs or blog');

const hugoSchema = z.strictObject({
  dir: z.string({ error: 'each hugo entry needs "dir": the content folder (e.g. /git/website/content/ja)' }).min(1),
  base_url: httpUrl.optional(),
  sections: z.array(section).optional(),
  announce: z.array(section).optional(),
  sigs_by_path: z.record(z.string(), z.array(SIG)).optional(),
});
const feedSchema = z.strictObject({
  url: z.string({ error: 'each feed needs "url": the RSS or Atom feed address' }).pipe(httpUrl),
  sigs: z.array(SIG).optional(),
});
const fileSchema = z.strictObject({
  hugo: z.array(hugoSchema).optional(),
  feeds: z.array(feedSchema).optional(),
});

export function parseSourcesYaml(text: string, file: string): SourcesSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 0 : lineCounter.linePos(offset).line);
  const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => ({ line: lineAt(e.pos[0]), message: `not valid YAML: ${e.message.split('\n')[0]}` }));
  if (yamlProblems.length > 0) throw new SourcesFileError(file, yamlProblems);
  const data = doc.toJS() ?? {};
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue): SourcesProblem[] => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      return keys.map((key) => {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const at = key === undefined ? path : [...path, key];
        const where = at.length > 0 ? `${at.join('.')}: ` : '';
        const message = key !== undefined ? `unknown key "${key}" (known: ${knownKeys(path)})` : issue.message;
        return { line: lineAt(nodeOffset(doc, at)), message: `${where}${message}` };
      });
    });
    throw new SourcesFileError(file, problems);
  }
  return {
    hugo: (parsed.data.hugo ?? []).map((h, i) => ({
      dir: h.dir,
      dirLine: lineAt(nodeOffset(doc, ['hugo', i, 'dir'])),
      baseUrl: withSlash(h.base_url ?? defaultBaseUrl(h.dir)),
      sections: h.sections,
      announce: h.announce ?? ['blog'],
      sigsByPath: Object.fromEntries(Object.entries(h.sigs_by_path ?? {}).map(([k, v]) => [k.replace(/^\/+|\/+$/g, ''), v])),
    })),
    feeds: (parsed.data.feeds ?? []).map((f) => ({ url: f.url, sigs: f.sigs ?? [] })),
  };
}

/** kubernetes/website publishes content/<lang> under https://kubernetes.io/<lang>/. */
function defaultBaseUrl(dir: string): string {
  const last = dir.replace(/\/+$/, '').split('/').pop() ?? '';
  return /^[a-z]{2}(-[a-z]+)?$/i.test(last) ? `https://kubernetes.io/${last.toLowerCase()}/` : 'https://kubernetes.io/';
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function knownKeys(path: Array<string | number>): string {
  const shape = path.length === 0 ? fileSchema.shape : path[0] === 'hugo' ? hugoSchema.shape : feedSchema.shape;
  return Object.keys(shape).join(', ');
}

/** The source offset of the node at a path (for a map key, the key itself); the nearest parent when absent. */
function nodeOffset(doc: Document, path: Array<string | number>): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      offset = (node as Node | undefined)?.range?.[0] ?? offset;
    } else return offset;
  }
  return offset;
}

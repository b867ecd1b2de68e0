/**
 * Known-item evaluation on real documents: each question is a page's own title or
 * description (Japanese, or the English original's), and a hit is that page's URL among the
 * ranked pages. Pure: the runner (known-item-run.ts) supplies the rankings.
 */
import { z } from 'zod';

export const KNOWN_ITEM_KINDS = ['ja-title', 'ja-description', 'en-title', 'en-description'] as const;
export type KnownItemKind = (typeof KNOWN_ITEM_KINDS)[number];

const itemSchema = z.object({
  id: z.string(),
  kind: z.enum(KNOWN_ITEM_KINDS),
  query: z.string().min(1),
  url: z.string().url(),
  path: z.string().optional(),
  glossary: z.boolean().optional(),
});
export type KnownItem = z.infer<typeof itemSchema>;

export function parseKnownItems(text: string, source: string): KnownItem[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const parsed = itemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${source}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export interface KnownItemOutcome {
  item: KnownItem;
  /** Page URLs in rank order, each once. */
  urls: string[];
  /** The system declined to answer (ours only; plain MiniSearch always answers). */
  refused: boolean;
  /** Ours only: the tier and why, and the leading pages' titles (for `--verbose`). */
  detail?: KnownItemDetail;
}

export interface KnownItemDetail {
  confidence: string;
  /** Why the tier: the unknown entities, or the coverage signals against their cuts. */
  reason: string;
  /** Titles of the first pages, in rank order (as many as urls holds, up to a few). */
  titles: string[];
}

export interface KnownItemMetrics {
  questions: number;
  hit1: number;
  hit3: number;
  mrr10: number;
  /** Share of questions refused. */
  refused: number;
}

/** Page URLs as a reader would cite them: no fragment-less duplicates, no trailing-slash variants. */
export function samePage(a: string, b: string): boolean {
  const norm = (u: string): string => u.replace(/\/+$/, '').replace(/\/(#|\?)/, '$1');
  return norm(a) === norm(b);
}

/** The page's rank among the ranked pages (1-based), 0 when it is not in the first ten. */
export function knownItemRank(o: KnownItemOutcome): number {
  return o.urls.slice(0, 10).findIndex((u) => samePage(u, o.item.url)) + 1;
}

export function computeKnownItemMetrics(outcomes: readonly KnownItemOutcome[]): KnownItemMetrics {
  const n = outcomes.length;
  const rank = knownItemRank;
  const share = (f: (o: KnownItemOutcome) => boolean): number => (n === 0 ? 0 : outcomes.filter(f).length / n);
  return {
    questions: n,
    hit1: share((o) => rank(o) === 1),
    hit3: share((o) => rank(o) >= 1 && rank(o) <= 3),
    mrr10: n === 0 ? 0 : outcomes.reduce((sum, o) => sum + (rank(o) > 0 ? 1 / rank(o) : 0), 0) / n,
    refused: share((o) => o.refused),
  };
}

/**
 * Figures by question kind. English questions about glossary terms are left out: the
 * generated glossary (src/text/glossary-k8s.yml) pairs those very titles, so they would
 * measure the data, not the retrieval.
 */
export function selectKind(outcomes: readonly KnownItemOutcome[], kind: KnownItemKind): KnownItemOutcome[] {
  return outcomes.filter((o) => o.item.kind === kind && !(kind.startsWith('en-') && o.item.glossary));
}

export function formatKnownItemTable(rows: ReadonlyArray<{ system: string; kind: string; metrics: KnownItemMetrics }>): string {
  const f = (x: number): string => x.toFixed(3);
  return [
    '| questions | system | n | hit@1 | hit@3 | MRR@10 | refused |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(({ system, kind, metrics: m }) => `| ${kind} | ${system} | ${m.questions} | ${f(m.hit1)} | ${f(m.hit3)} | ${f(m.mrr10)} | ${f(m.refused)} |`),
  ].join('\n');
}

/**
 * The questions a system missed (the page not in the top 3) or refused, for studying failure
 * classes: kind, the page's rank, the tier and its reason, the question, the leading pages.
 */
export function formatKnownItemFailures(outcomes: readonly KnownItemOutcome[]): string {
  const lines: string[] = [];
  for (const kind of KNOWN_ITEM_KINDS) {
    for (const o of selectKind(outcomes, kind)) {
      const rank = knownItemRank(o);
      if (rank >= 1 && rank <= 3 && !o.refused) continue;
      const where = rank === 0 ? 'MISS' : `rank ${rank}`;
      const tier = o.detail ? `${o.detail.confidence}${o.refused ? ' REFUSED' : ''} (${o.detail.reason})` : o.refused ? 'REFUSED' : '';
      lines.push(`${kind} ${where}${tier ? ` ${tier}` : ''}: ${o.item.query}`);
      lines.push(`    page: ${o.item.url}`);
      (o.detail?.titles ?? o.urls.slice(0, 3)).slice(0, 3).forEach((t, i) => lines.push(`    ${i + 1}. ${t}`));
    }
  }
  return lines.length > 0 ? lines.join('\n') : '(no misses or refusals)';
}

/**
 * The compact text form of SudachiDict's synonym groups (src/text/data/sudachi-synonyms.tsv):
 * one group a line, forms tab-separated, `*` before a form that is a synonym of the others
 * but does not expand to them (展開制御フラグ 1: 理由 is reached from 事由, not the reverse).
 */

/** One group of the npm package's JSON, the fields this project reads. */
export interface SudachiGroup {
  id: string;
  items: { expandControl: 0 | 1 | 2; gokeiSyubetsu: string; midashi: string }[];
}

export interface SynonymForm {
  form: string;
  /** Whether finding this form in a question brings in the rest of its group. */
  triggers: boolean;
}

export function formatSynonymGroups(groups: readonly SudachiGroup[], source: string): string {
  const lines = [`# ${source}`];
  for (const group of groups) {
    const forms = group.items
      .filter((item) => item.expandControl !== 2 && item.gokeiSyubetsu !== '間違い' && !/[\t\n*]/.test(item.midashi))
      .map((item) => (item.expandControl === 1 ? `*${item.midashi}` : item.midashi));
    if (new Set(forms.map((f) => f.replace(/^\*/, ''))).size >= 2) lines.push(forms.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export function parseSynonymGroups(text: string): SynonymForm[][] {
  const groups: SynonymForm[][] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    groups.push(line.split('\t').map((f) => (f.startsWith('*') ? { form: f.slice(1), triggers: false } : { form: f, triggers: true })));
  }
  return groups;
}

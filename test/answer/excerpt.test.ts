import { describe, expect, it } from 'vitest';
import { buildExcerpt, excerptText, selectFocusClauses, selectFocusGroups } from '../../src/answer/excerpt.js';
import { analyseQuery } from '../../src/search/query.js';
import type { Span } from '../../src/search/spans.js';

/** Every occurrence of each word in the text, as a span of weight 1 (or the weight given). */
function spansOf(text: string, words: Record<string, number> | string[]): Span[] {
  const weights = Array.isArray(words) ? Object.fromEntries(words.map((w) => [w, 1])) : words;
  const out: Span[] = [];
  for (const [word, weight] of Object.entries(weights)) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) out.push({ start: at, end: at + word.length, term: word, weight });
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('the excerpt of an interview', () => {
  const text = [
    'FSM: ブッククラブを始めたきっかけは何だったのでしょうか?',
    'CS: ブッククラブのアイデアはライブ配信での何気ない提案から生まれました。 それは学習コミュニティを作ることでした。 最初の本は2021年3月に始めて36週間かかりました。',
    'FSM: ブッククラブの本はどのように選ぶのですか?',
    'CS: グループの関心に基づいて選んでいます。',
  ].join('\n');
  // 始め, the rarer term, is in the answer's last sentence; the answer is its first.
  const spans = spansOf(text, { ブッククラブ: 1, 始め: 1.2 });

  it('shows the answer turn that follows the matching question, from its start', () => {
    const excerpt = excerptText(buildExcerpt(text, spans, { maxChars: 60, question: 'ブッククラブは誰がどんなきっかけで始めた?' }));
    expect(excerpt).toContain('ライブ配信での何気ない提案');
  });

  it('never runs from an answer into the next question', () => {
    const excerpt = excerptText(buildExcerpt(text, spans, { maxChars: 300 }));
    expect(excerpt).not.toContain('どのように選ぶ');
  });

  it('needs an answering speaker: a lone Q: label does not make its answer lines the question', () => {
    const faq = 'サイドカーは補助のコンテナです。\nQ: サイドカーはどう定義しますか?\nサイドカーはinitContainersにrestartPolicyを指定して定義します。';
    const excerpt = excerptText(buildExcerpt(faq, spansOf(faq, ['サイドカー', '定義']), { maxChars: 45 }));
    expect(excerpt).toContain('restartPolicyを指定して定義します');
  });
});

describe('the terms a sentence holds', () => {
  it('counts a word at a camel-case start as the word (Unhealthy in PDBUnhealthyPodEvictionPolicy)', () => {
    const text = 'kube-apiserverで--feature-gates=PDBUnhealthyPodEvictionPolicy=trueを指定します。 unhealthyなPodも退避を許されます。';
    const spans = spansOf(text, ['Unhealthy', 'unhealthy', 'Pod', 'Eviction', 'feature-gates']);
    // One idea per word, whatever its case.
    const ideaOf = (t: string): string => t.toLowerCase();
    expect(excerptText(buildExcerpt(text, spans, { maxChars: 70, ideaOf }))).toContain('PDBUnhealthyPodEvictionPolicy');
  });

  it('still counts a word inside another lower-case word as a piece (limit in Unlimited)', () => {
    const text = 'UnlimitedSwapを選べます。 limitを設定します。';
    const excerpt = excerptText(buildExcerpt(text, spansOf(text, ['limit']), { maxChars: 12 }));
    expect(excerpt).toContain('limitを設定します');
    expect(excerpt).not.toContain('Unlimited');
  });

  it('counts a lone kanji joined to other kanji (初 in 初心者) as a piece of another word', () => {
    const text = '初心者にも役立ちます。 最初の本は2021年に読みました。';
    const spans = spansOf(text, ['初', '最初']).filter((s) => !(s.term === '初' && text[s.start - 1] === '最'));
    const ideaOf = (): string => 'first';
    expect(excerptText(buildExcerpt(text, spans, { maxChars: 20, ideaOf }))).toContain('最初の本は');
  });
});

describe('the lines a sentence introduces', () => {
  it('brings the list after a sentence ending in a colon', () => {
    const text = [
      'kubelet内の退避マネージャーには、関連する閾値を制御するいくつかの構成設定があり、ファイルシステムごとに測定値が決まっています。 ユーザーは、既存のデフォルト値を使用できます:',
      'memory.available < 100MiB',
      'nodefs.available < 10%',
      'imagefs.available < 15%',
    ].join('\n');
    const excerpt = excerptText(buildExcerpt(text, spansOf(text, ['退避', '閾値', 'デフォルト']), { maxChars: 200 }));
    expect(excerpt).toContain('デフォルト値を使用できます:');
    expect(excerpt).toContain('imagefs.available < 15%');
  });
});

describe('the length of the excerpt', () => {
  it('takes the next sentence while the excerpt is still short (under 0.7 of maxChars)', () => {
    const best = 'サイドカーコンテナはinitContainersにrestartPolicyを指定して、メインより先に起動します。';
    const next = 'そのあと終了まで動き続けます。';
    const text = `関係のない文です。\n${best}${next}`;
    expect(best.length).toBeGreaterThan(50);
    const excerpt = excerptText(buildExcerpt(text, spansOf(text, ['サイドカー']), { maxChars: 100 }));
    expect(excerpt).toContain(next);
    expect(excerpt.length).toBeLessThanOrEqual(102);
  });
});

describe('what the question asks about', () => {
  it('finds the clauses that ask', () => {
    expect(selectFocusClauses('Kubernetes 1.22のバグ、原因は何で誰が直したの？')).toEqual(['原因は何で誰が直したの']);
    expect(selectFocusClauses('Localhostタイプのseccompプロファイルって、ノードのどのディレクトリに置けば読まれる？')).toEqual(['ノドのどのディレクトリに置けば読まれる']);
    // One clause: it is the whole question, nothing in it stands out.
    expect(selectFocusClauses('サイドカーはどう定義する?')).toEqual([]);
    expect(selectFocusClauses('dockershim 削除 理由')).toEqual([]);
  });

  it('names the groups of terms in an asking clause', () => {
    const query = analyseQuery('seccompプロファイルって、どのディレクトリに置く?');
    const focused = selectFocusGroups(query);
    const names = query.groups.filter((_, i) => focused.has(i)).flatMap((g) => g.terms);
    expect(names).toContain('ディレクトリ');
    expect(names).not.toContain('seccomp');
  });

  it('prefers the sentence holding the asked-about term to one holding more of the rest', () => {
    const text = 'seccompプロファイルはノードに読み込まれます。 プロファイルはkubeletのディレクトリに置きます。';
    const spans = spansOf(text, { seccomp: 1, ノード: 1, プロファイル: 0.5, ディレクトリ: 1.5 });
    const plain = excerptText(buildExcerpt(text, spans, { maxChars: 30 }));
    const asked = excerptText(buildExcerpt(text, spans, { maxChars: 30, focus: (t) => t === 'ディレクトリ' }));
    expect(plain).toContain('ノードに読み込まれます');
    expect(asked).toContain('ディレクトリに置きます');
  });

  it('takes 原因 as asking why, and a description ending in もので as no cause', () => {
    const text = '古いPodにリクエストが流れるというものでした。 原因はPodのライフサイクルの変更でした。';
    const excerpt = excerptText(buildExcerpt(text, spansOf(text, ['Pod']), { maxChars: 25, question: 'Podのバグの原因は?' }));
    expect(excerpt).toContain('ライフサイクルの変更');
  });
});

import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import type { Article } from '../../src/corpus/article.js';
import { buildIndex } from '../../src/search/build-index.js';
import { Searcher } from '../../src/search/searcher.js';
import { buildFamilyHeads, findQualifiedNames, SiblingMatcher, type Family } from '../../src/search/sibling-names.js';
import { messages } from '../../src/i18n/messages.js';

const SIGS = ['Node', 'Release', 'Apps', 'Auth', 'Network', 'Scheduling', 'Cloud Provider'];

describe('buildFamilyHeads', () => {
  it('makes a head of a word followed by several distinct capitalised words, numbers or versions', () => {
    const texts = [
      ...SIGS.map((s) => `SIG ${s}のミーティングに参加しました。`),
      'KEP-1001、KEP-1002、KEP 1003、KEP-1004 と KEP-1005 が対象です。',
      'Kubernetes v1.26、Kubernetes 1.27、Kubernetes 1.28、Kubernetes 1.29、Kubernetes v1.30 のリリース。',
    ];
    const families = buildFamilyHeads(texts);
    const find = (head: string, kind: Family['kind']): Family | undefined => families.find((f) => f.head === head && f.kind === kind);
    expect(find('sig', 'name')?.members).toEqual(expect.arrayContaining(['node', 'release', 'cloud']));
    expect(find('kep', 'number')?.members).toHaveLength(5);
    expect(find('kubernetes', 'version')?.members).toEqual(expect.arrayContaining(['1.26', '1.30']));
    // The main version family comes first: a version asked alone is its.
    expect(families[0]?.kind).toBe('version');
  });

  it('does not make a head of a word followed by few qualifiers, or by capitals only now and then', () => {
    const texts = [
      'Cluster API と Cluster Autoscaler を使います。',
      // Five distinct capitalised followers, but after a fifth of its occurrences only: a word, not a head.
      ...['Engine', 'Hub', 'Desktop', 'Compose', 'Swarm'].map((w) => `Docker ${w}。Dockerを使う。Dockerで動く。Dockerの話。Dockerとcontainerd。`),
      'node 1 が落ちた。',
      'the Storage と of Node',
    ];
    const heads = buildFamilyHeads(texts).map((f) => f.head);
    expect(heads).not.toContain('cluster');
    expect(heads).not.toContain('docker');
    expect(heads).not.toContain('node');
    expect(heads).not.toContain('the');
  });
});

describe('findQualifiedNames', () => {
  const families: Family[] = [
    { head: 'kubernetes', kind: 'version', members: ['1.30', '1.29', '1.28', '1.27', '1.26'] },
    { head: 'sig', kind: 'name', members: ['node', 'release', 'apps', 'auth', 'network', 'storage'] },
    { head: 'kep', kind: 'number', members: ['1001', '1002', '1003', '1004', '1005'] },
  ];
  const asked = (q: string): string[] => findQualifiedNames(q, families).map((n) => `${n.family.head}:${n.member}`);

  it('finds a head and its qualifier in Japanese surroundings, hyphenated and lower-case', () => {
    expect(asked('SIG Storageのチェアって今誰？')).toEqual(['sig:storage']);
    expect(asked('sig-storage のチャンネル')).toEqual(['sig:storage']);
    expect(asked('SIG Cloud Providerの共同チェア')).toEqual(['sig:cloud']);
    expect(asked('KEP-1234 の状況')).toEqual(['kep:1234']);
    expect(asked('Kubernetes 1.31って正式リリースはいつ？')).toEqual(['kubernetes:1.31']);
    expect(asked('1.31のスワップサポート')).toEqual(['kubernetes:1.31']);
    expect(asked('v1.31.2 で直った？')).toEqual(['kubernetes:1.31']);
    expect(asked('What changed in 1.31?')).toEqual(['kubernetes:1.31']);
  });

  it('reads a lower-case word after a space as a member only when the corpus knows it as one', () => {
    expect(asked('sig storage のチェア')).toEqual(['sig:storage']);
    expect(asked('sig chair って何をする人？')).toEqual([]);
  });

  it('leaves versions of other things, and numbers no main-family version looks like, alone', () => {
    expect(asked('containerd 2.0 の新機能')).toEqual([]);
    expect(asked('TLS 1.3 を強制したい')).toEqual([]);
    expect(asked('Ubuntu 22.04 のノード')).toEqual([]);
    expect(asked('22.04のノード')).toEqual([]);
    expect(asked('HTTP/1.1 で')).toEqual([]);
  });
});

describe('SiblingMatcher', () => {
  const sig: Family = { head: 'sig', kind: 'name', members: ['node', 'release', 'cloud', 'cluster', 'storage'] };
  const version: Family = { head: 'kubernetes', kind: 'version', members: ['1.30', '1.29', '1.0'] };
  const matcher = (q: string): SiblingMatcher => new SiblingMatcher(findQualifiedNames(q, [version, sig]), [version, sig]);

  it('contrasts an asked member that the page never names with the siblings its answer names', () => {
    const page = ['SIG Cloud Providerのチェアは Alice Nakamura と Bob Kowalski です。'];
    expect(matcher('SIG Storageのチェアは誰？').contrasts({ title: 'クラウドの話', answering: page, page })).toEqual([{ asked: 'SIG Storage', found: ['SIG Cloud Provider'] }]);
  });

  it('sees no contrast when the page names the asked member, or uses its qualifier on its own', () => {
    const names = ['SIG Cloud Providerのチェア', '一方 SIG Storage はボリュームを扱います。'];
    expect(matcher('SIG Storageのチェアは誰？').contrasts({ title: 'クラウドの話', answering: names.slice(0, 1), page: names })).toEqual([]);
    const chair = ['各 SIG には Chair がいます。SIG Node と SIG Release もそうです。'];
    expect(matcher('SIG Chairは何をする人？').contrasts({ title: 'SIGの話', answering: chair, page: chair })).toEqual([]);
  });

  it('takes a page titled with a sibling to be about it, though it lists the asked member', () => {
    const page = ['SIG NodeはSIG Network、SIG Storageなどと連携しています。'];
    expect(matcher('SIG Storageのチェアは誰？').contrasts({ title: 'SIG Nodeの紹介', answering: page, page })).toEqual([{ asked: 'SIG Storage', found: ['SIG Node'] }]);
  });

  it('contrasts versions on the page, never on the title alone', () => {
    const page = ['次の v1.30 では…', 'Kubernetes 1.29 で導入された機能'];
    expect(matcher('Kubernetes 1.31 のリリース日').contrasts({ title: 'リリース', answering: page, page })).toEqual([{ asked: 'Kubernetes 1.31', found: ['v1.30', 'Kubernetes 1.29'] }]);
    expect(matcher('1.29 のサイドカー').contrasts({ title: 'Kubernetes v1.30をそっと覗く', answering: page.slice(0, 1), page })).toEqual([]);
  });

  it('tells a passage naming only siblings from one naming the asked member', () => {
    const m = matcher('SIG Nodeってどこまで担当してるの？');
    expect(m.namesOnlySiblings(['SIG Cloud Providerはノードのライフサイクル管理を担当していません。'])).toBe(true);
    expect(m.namesOnlySiblings(['SIG Nodeはノードを担当します。SIG Releaseとも話します。'])).toBe(false);
    expect(m.namesOnlySiblings(['ノードの話だけ。'])).toBe(false);
  });
});

describe('sibling contrast in answers', () => {
  const article = (id: string, title: string, body: string): Article => ({ id, title, date: '2024-01-01', url: `https://example.com/${id}`, authors: [], translators: [], sigs: [], lang: 'ja', body, file: `${id}.md` });
  const articles = [
    article('cloud', 'SIG Cloud Providerの紹介', '## チェア\n\nSIG Cloud Providerのチェアは Alice Nakamura と Bob Kowalski です。SIG Cloud Providerはクラウドプロバイダーとの統合を担当しています。\n\n## 担当範囲\n\nSIG Cloud Providerはノードのライフサイクル管理とノードの運用とノードの監視を担当していません。ノードのライフサイクル管理はSIG Cluster Lifecycleの担当です。'),
    article('node', 'ノードのしくみ', '## 概要\n\nSIG Nodeはkubeletとコンテナランタイムを担当しています。ノードのライフサイクル管理にも関わります。チェアは Carol です。'),
    article('community', 'コミュニティの集まり', ['Apps', 'Auth', 'Network', 'Scheduling', 'Release'].map((s) => `SIG ${s}のミーティングがあります。`).join('')),
    article('releases', 'Kubernetesのリリース', '## 歴史\n\nKubernetes 1.26、Kubernetes 1.27、Kubernetes 1.28、Kubernetes 1.29 に続き、Kubernetes v1.30 が正式リリースされました。正式リリースの日付は4月17日です。storage の改善も含まれます。'),
  ];
  const searcher = new Searcher(buildIndex({ articles, channels: { workspaceUrl: 'https://example.slack.com', fallback: 'kubernetes-users', channels: [] }, corpusDigest: 'test' }));

  it('does not answer a question about a member when the page found is about its sibling, and says which', () => {
    const a = answer(searcher, 'SIG Storageのチェアは誰ですか？');
    expect(a.confidence).toBe('none');
    expect(a.answered).toBe(false);
    const notice = a.notices.find((n) => n.kind === 'siblingNames');
    expect(notice).toBeDefined();
    expect(messages('ja').notice(notice!)).toBe('見つかったのは SIG Cloud Provider の話で、SIG Storage の話は見つかりませんでした。');
    expect(messages('en').notice(notice!)).toBe('What I found is about SIG Cloud Provider, not SIG Storage.');
  });

  it('answers the same question about a member the page names', () => {
    const a = answer(searcher, 'SIG Cloud Providerのチェアは誰ですか？');
    expect(a.answered).toBe(true);
    expect(a.results[0]?.title).toBe('SIG Cloud Providerの紹介');
  });

  it('does not answer a version the page never names when it names other versions, and answers one it names', () => {
    expect(answer(searcher, 'Kubernetes 1.31の正式リリースの日付は？').confidence).toBe('none');
    expect(answer(searcher, 'Kubernetes 1.30の正式リリースの日付は？').answered).toBe(true);
  });

  it('takes a member told only as the asker\'s setup for context, not for the member asked about', () => {
    // The page names other versions, not 1.25; what is asked (storage in the release) is not a version.
    const told = answer(searcher, 'うちのクラスターはまだ Kubernetes 1.25 です。正式リリースに storage の改善は含まれますか？');
    expect(answer(searcher, 'Kubernetes 1.25 の正式リリースの日付は？').confidence).toBe('none');
    expect(told.notices.some((n) => n.kind === 'siblingNames')).toBe(false);
    expect(told.notices, JSON.stringify(told.notices)).toEqual([]);
    expect(told.answered).toBe(true);
  });

  it('ranks a passage naming the asked member above one naming only its siblings', () => {
    // SIG Cloud Provider's passage shares more of the question's words; it is about another SIG.
    const question = 'SIG Nodeはノードのライフサイクル管理を担当していますか？';
    expect(searcher.search(question, { limit: 3 }).results[0]?.article.id).toBe('node');
    expect(answer(searcher, question).answered).toBe(true);
  });

  it('makes the answer none, whatever the coverage', () => {
    const signals = { topCoverage: 0.9, corpusCoverage: 1, unknownEntities: [] };
    expect(selectConfidence({ ...signals, siblingNames: [{ asked: 'SIG Storage', found: ['SIG Node'] }] })).toBe('none');
    expect(selectConfidence({ ...signals, siblingNames: [] })).toBe('high');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { answer, selectShown } from '../../src/answer/answer.js';
import { cleanQuestion, MAX_QUESTION_CHARS } from '../../src/answer/clean-question.js';
import { buildExcerpt, excerptStart, excerptText, selectCode } from '../../src/answer/excerpt.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

let searcher: Searcher;
beforeAll(async () => {
  searcher = await buildFixtureSearcher();
});

describe('answer', () => {
  it('answers with citations: title, url, section, date, text and a marked excerpt', () => {
    const a = answer(searcher, 'サイドカーの再起動ポリシーは何に設定する？');
    expect(a.answered).toBe(true);
    const [first] = a.results;
    expect(first).toMatchObject({ title: 'サイドカーコンテナの紹介', url: 'https://example.com/blog/sidecars/', section: '定義のしかた', date: '2024-05-01' });
    expect(first?.text).toContain('再起動ポリシーをAlwaysに設定');
    expect(first?.excerpt.some((s) => s.match && s.text.includes('再起動'))).toBe(true);
    expect(excerptText(first!.excerpt).length).toBeLessThanOrEqual(320);
  });

  it('names the community channel of the topic', () => {
    expect(answer(searcher, 'PDBで不健全なPodを退避したい').channel?.name).toBe('sig-apps');
  });

  it('abstains on a question the corpus cannot answer, suggesting articles and a channel', () => {
    const a = answer(searcher, 'Ingress-NGINXでURLを書き換えるannotationは？');
    expect(a.answered).toBe(false);
    expect(a.results).toEqual([]);
    expect(a.channel?.name).toBeTruthy();
  });

  it('pages through results with offset', () => {
    const first = answer(searcher, 'コンテナ', { k: 1 });
    const second = answer(searcher, 'コンテナ', { k: 1, offset: 1 });
    expect(first.hasMore).toBe(true);
    expect(second.offset).toBe(1);
    expect(second.results[0]?.text).not.toBe(first.results[0]?.text);
  });

  it('says the question is empty instead of searching', () => {
    const a = answer(searcher, '   ');
    expect(a.answered).toBe(false);
    expect(a.notices).toContainEqual({ kind: 'empty' });
  });

  it('handles emoji-only and control-character input without throwing', () => {
    expect(answer(searcher, '🤗🤗🤗').answered).toBe(false);
    expect(answer(searcher, 'サイド\u0000カー\u0007').query).toBe('サイドカー');
  });

  it('truncates a huge question with a notice', () => {
    const a = answer(searcher, 'サイドカー'.repeat(5000));
    expect([...a.query].length).toBe(MAX_QUESTION_CHARS);
    expect(a.notices[0]).toMatchObject({ kind: 'truncated', max: 500 });
  });
});

describe('cleanQuestion', () => {
  it('removes lone surrogates and control characters, collapses whitespace', () => {
    expect(cleanQuestion('a\ud800b \t\n c\u200b').text).toBe('ab c');
  });

  it('drops Slack emoji shortcodes, not times, scoped names or C++ scopes', () => {
    expect(cleanQuestion('`restartPolicy` は何にすればいい？ :sweat_smile:').text).toBe('`restartPolicy` は何にすればいい？');
    expect(cleanQuestion('選択肢いくつある？:thinking_face::+1::skin-tone-2:').text).toBe('選択肢いくつある？');
    expect(cleanQuestion('cron at 10:30: runs kube-system:default:view and std::string').text).toBe('cron at 10:30: runs kube-system:default:view and std::string');
    expect(cleanQuestion(':thinking_face:').text).toBe('');
  });
});

describe('buildExcerpt', () => {
  const span = (text: string, word: string, from = 0) => {
    const start = text.indexOf(word, from);
    return { start, end: start + word.length, term: word, weight: 1 };
  };

  it('marks the matched terms in the best sentence', () => {
    const text = '関係のない文です。seccompプロファイルを適用します。別の文です。';
    const excerpt = buildExcerpt(text, [span(text, 'seccomp')], { maxChars: 30 });
    expect(excerpt.find((s) => s.match)?.text).toBe('seccomp');
    expect(excerptText(excerpt)).toContain('seccompプロファイルを適用します。');
  });

  it('prefers the explaining prose to a matching code line in a Japanese passage', () => {
    const text = 'INFO seccomp profile applied id=1\nseccompプロファイルはアノテーションで指定します。';
    const excerpt = buildExcerpt(text, [span(text, 'seccomp'), span(text, 'seccomp', 10)], { maxChars: 40 });
    expect(excerptText(excerpt)).toMatch(/^…?seccompプロファイルは/);
  });

  it('prefers a statement to the question it repeats (interviews, FAQs)', () => {
    const text = 'サイドカーの再起動ポリシーは何にすればいいですか? サイドカーは再起動ポリシーをAlwaysにします。';
    const spans = ['サイドカー', '再起動ポリシー'].flatMap((w) => [span(text, w), span(text, w, text.indexOf('?'))]);
    expect(excerptText(buildExcerpt(text, spans, { maxChars: 40 }))).toContain('Alwaysにします');
  });

  it('prefers the fix to the symptom when the question asks how', () => {
    const text = 'seccompプロファイルが適用されず、crictl inspectはnullを返します。seccompプロファイルはアノテーションで指定します。';
    const spans = [span(text, 'seccomp'), span(text, 'seccomp', 10)];
    const how = excerptText(buildExcerpt(text, spans, { maxChars: 40, question: 'seccompプロファイルはどうやって適用する?' }));
    expect(how).toContain('アノテーションで指定します');
    expect(how).not.toContain('null');
  });

  it('shows the step that applies the fix, and its code, rather than the check that shows the failure', () => {
    const text = [
      'crictlで検査しても、seccompプロファイルが適用されていないことがわかります:',
      'sudo crictl inspect $ID | jq .seccomp',
      'null',
      'では、Podを変更して、コンテナにseccompプロファイルを適用します:',
      'metadata:',
      '  annotations:',
      '    seccomp-profile.kubernetes.cri-o.io/container: quay.io/crio/seccomp:v2',
    ].join('\n');
    const block = (from: string, to?: string): [number, number] => [text.indexOf(from), to ? text.indexOf(to) - 1 : text.length];
    const code = [block('sudo crictl', 'では'), block('metadata:')];
    const spans = [...text.matchAll(/seccomp/g)].map((m) => ({ start: m.index, end: m.index + 7, term: 'seccomp', weight: 1 }));
    const options = { question: 'how do I apply a seccomp profile', code };
    expect(excerptText(buildExcerpt(text, spans, options))).toContain('Podを変更して');
    const start = excerptStart(text, spans, options);
    expect(selectCode(text, code, start)).toContain('seccomp-profile.kubernetes.cri-o.io/container');
  });

  it('never excerpts code: it is shown apart, line breaks kept', () => {
    const text = 'Podを定義します:\napiVersion: v1\nkind: Pod';
    const code: Array<[number, number]> = [[text.indexOf('apiVersion'), text.length]];
    const excerpt = excerptText(buildExcerpt(text, [span(text, 'Pod'), span(text, 'Pod', 12)], { code }));
    expect(excerpt).toBe('Podを定義します:');
    expect(selectCode(text, code, 0)).toBe('apiVersion: v1\nkind: Pod');
  });

  it('never runs across a code block, even between two matching sentences', () => {
    const text = 'Podを定義します:\napiVersion: v1\nkind: Pod\nPodが動きます。';
    const code: Array<[number, number]> = [[text.indexOf('apiVersion'), text.indexOf('\nPodが')]];
    const spans = [span(text, 'Pod'), span(text, 'Pod', text.indexOf('kind')), span(text, 'Pod', text.indexOf('Podが'))];
    expect(excerptText(buildExcerpt(text, spans, { code }))).not.toContain('apiVersion');
  });

  it('stays within about 300 characters', () => {
    const text = 'サイドカーコンテナは便利です。'.repeat(100);
    expect(excerptText(buildExcerpt(text, [span(text, 'サイドカー', 600)])).length).toBeLessThanOrEqual(302);
  });
});

describe('answer with a follow-up context', () => {
  it("searches the thread's earlier question too, at a lower weight than the new one", () => {
    const followUp = 'それはどのバージョンから使える?';
    const context = 'PDBで不健全なPodを退避させる設定は?';
    const withContext = answer(searcher, followUp, { context });
    expect(withContext.followUpOf).toBe(context);
    expect(withContext.results[0]?.title).toMatch(/PodDisruptionBudget|PDB/i);
    // The new question's own words still lead: a different follow-up finds a different passage.
    const other = answer(searcher, 'サイドカーの再起動ポリシーは?', { context });
    expect(other.results[0]?.title).toContain('サイドカー');
  });
});

describe('selectShown', () => {
  it('leaves out results far below the first on the first page', () => {
    expect(selectShown([{ score: 1.27 }, { score: 0.9 }, { score: 0.04 }]).map((r) => r.score)).toEqual([1.27, 0.9]);
    expect(selectShown([{ score: 0.04 }])).toHaveLength(1);
  });

  it("keeps another passage of the best result's own page however low it scores", () => {
    const page = { id: 'a' };
    const other = { id: 'b' };
    const shown = selectShown([{ score: 1.8, article: page }, { score: 0.03, article: page }, { score: 0.03, article: other }]);
    expect(shown.map((r) => r.article)).toEqual([page, page]);
  });
});

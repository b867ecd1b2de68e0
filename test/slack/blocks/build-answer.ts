/** Test-data builders for Answer and its parts, with defaults. */
import type { Answer, AnswerResult, CommunityChannel } from '../../../src/answer/types.js';

export const SIG_NODE: CommunityChannel = { name: 'sig-node', url: 'https://kubernetes.slack.com/messages/sig-node', sigs: ['sig-node'] };

export function buildResult(fields: Partial<AnswerResult> = {}): AnswerResult {
  return {
    articleId: 'sidecar-containers',
    title: 'サイドカーコンテナの定義と使いどころ',
    url: 'https://example.com/ja/blog/sidecars/',
    section: 'サイドカーコンテナの定義',
    sectionPath: ['サイドカーコンテナの定義'],
    date: '2024-05-01',
    text: 'サイドカーコンテナは、初期化コンテナにrestartPolicy: Alwaysを指定して定義します。',
    excerpt: [
      { text: 'サイドカーコンテナ', match: true },
      { text: 'は、初期化コンテナにrestartPolicy: Alwaysを指定して', match: false },
      { text: '定義', match: true },
      { text: 'します。', match: false },
    ],
    score: 1,
    sigs: ['sig-node'],
    channel: SIG_NODE,
    ...fields,
  };
}

export function buildAnswer(fields: Partial<Answer> = {}): Answer {
  const results = fields.results ?? [buildResult()];
  return {
    query: 'サイドカーコンテナってどう定義するの?',
    answered: results.length > 0,
    confidence: results.length > 0 ? 'high' : 'none',
    results,
    offset: 0,
    hasMore: false,
    suggestions: [],
    channel: SIG_NODE,
    notices: [],
    ...fields,
  };
}

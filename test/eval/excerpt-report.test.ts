import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/article.js';
import { measureExcerpts } from '../../src/eval/excerpt-report.js';
import type { QaItem } from '../../src/eval/metrics.js';
import { buildIndex } from '../../src/search/build-index.js';
import { Searcher } from '../../src/search/searcher.js';

describe('measureExcerpts', () => {
  const body = [
    '## チェックポイントの確認',
    '',
    'チェックポイントのアーカイブを展開して、メモリーページの中身を確かめるには次のコマンドを実行します:',
    '',
    '```',
    'grep -ao SECRET_KEY pages-1.img',
    '```',
    '',
    'アーカイブにアクセスできる人は誰でもメモリーの中身を読めます。',
  ].join('\n');
  const article: Article = { id: 'ckpt', title: 'チェックポイントの中身', date: '2024-01-01', url: 'https://example.com/ckpt', authors: [], translators: [], sigs: [], lang: 'ja', body, file: 'ckpt.md' };
  const searcher = new Searcher(buildIndex({ articles: [article], channels: { workspaceUrl: 'https://example.slack.com', fallback: 'kubernetes-users', channels: [] }, corpusDigest: 'test' }));
  const item = (evidence: string): QaItem => ({ id: 'x1', q: 'チェックポイントのメモリーページの中身を確かめるコマンドは？', lang: 'ja', title: 'チェックポイントの中身', evidence: [evidence], kind: 'howto' });

  it('counts evidence in the code block shown under the excerpt as seen, apart from the excerpt’s own share', () => {
    const figures = measureExcerpts(searcher, 'test', [item('grep -ao SECRET_KEY')]);
    expect(figures.firstPlaceHits).toBe(1);
    expect(figures.excerptHits).toBe(0);
    expect(figures.shownHits).toBe(1);
    expect(figures.shownShare).toBe(1);
  });

  it('counts evidence in the excerpt in both shares', () => {
    const figures = measureExcerpts(searcher, 'test', [item('メモリーページの中身を確かめる')]);
    expect(figures).toMatchObject({ firstPlaceHits: 1, excerptHits: 1, shownHits: 1 });
  });
});

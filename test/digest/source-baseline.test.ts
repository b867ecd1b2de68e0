import { describe, expect, it } from 'vitest';
import { buildBaselineState, buildSourceBaselines, selectAnnounced, selectNewArticles } from '../../src/digest/plan.js';
import { buildMeta } from './support.js';

const NOW = new Date('2024-07-01T00:00:00Z');
const FEED = 'https://zenn.dev/topics/kubernetes/feed';
const BLOG = 'https://kubernetes.io/ja/blog/';

const seed = buildMeta({ id: 'seed', date: '2024-01-01' });
const docsPage = buildMeta({ id: 'kubernetes.io/ja/docs/concepts/services-networking/service', date: '', source: 'https://kubernetes.io/ja/docs/', announce: false });
const backCatalogue = [1, 2, 3].map((n) => buildMeta({ id: `zenn-${n}`, date: `2024-06-0${n}`, source: FEED }));
const post = buildMeta({ id: 'kubernetes.io/ja/blog/2024/06/30/new', date: '2024-06-30', source: BLOG });

describe('digest: sources', () => {
  it('never considers docs pages (sections not in announce)', () => {
    expect(selectAnnounced([seed, docsPage, post])).toEqual([seed, post]);
  });

  it('takes the back catalogue of a source seen for the first time as baseline, then announces what it brings next', () => {
    const start = buildBaselineState([seed], { now: NOW }, ['corpus']);
    const { state, added } = buildSourceBaselines(start, [seed, ...backCatalogue], ['corpus', FEED], { now: NOW });
    expect(added).toEqual([{ source: FEED, baseline: 3 }]);
    expect(selectNewArticles([seed, ...backCatalogue], state)).toEqual([]);
    const next = buildMeta({ id: 'zenn-4', date: '2024-06-10', source: FEED });
    expect(buildSourceBaselines(state, [seed, ...backCatalogue, next], ['corpus', FEED], { now: NOW }).added).toEqual([]);
    expect(selectNewArticles([seed, ...backCatalogue, next], state).map((a) => a.id)).toEqual(['zenn-4']);
  });

  it('announces the first article of a configured source that had none when the record began', () => {
    const start = buildBaselineState([seed], { now: NOW }, ['corpus', BLOG]);
    expect(buildSourceBaselines(start, [seed, post], ['corpus', BLOG], { now: NOW }).added).toEqual([]);
    expect(selectNewArticles([seed, post], start).map((a) => a.id)).toEqual([post.id]);
  });

  it('announces a new source\'s articles dated from --since', () => {
    const start = buildBaselineState([seed], { now: NOW });
    const { state } = buildSourceBaselines(start, backCatalogue, [FEED], { now: NOW, since: '2024-06-03' });
    expect(selectNewArticles(backCatalogue, state).map((a) => a.id)).toEqual(['zenn-3']);
  });

  it('treats a record written before sources were kept as having seen the corpus only', () => {
    const legacy = { version: 1 as const, startedAt: NOW.toISOString(), articles: { seed: { origin: 'baseline' as const, recordedAt: NOW.toISOString(), deliveries: {} } } };
    const added = buildMeta({ id: 'added', date: '2024-06-30' });
    const result = buildSourceBaselines(legacy, [seed, added, ...backCatalogue], [], { now: NOW });
    expect(result.added).toEqual([{ source: FEED, baseline: 3 }]);
    expect(selectNewArticles([seed, added, ...backCatalogue], result.state).map((a) => a.id)).toEqual(['added']);
  });
});

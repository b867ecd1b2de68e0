import { describe, expect, it } from 'vitest';
import { capitalisedNames, phrasePattern } from '../../src/search/phrases.js';

describe('capitalisedNames', () => {
  it('finds runs of three or more capitalised words in sentence-case English and in Japanese', () => {
    expect(capitalisedNames('How do I run the Vertical Pod Autoscaler in recommendation-only mode?')).toEqual([['Vertical', 'Pod', 'Autoscaler']]);
    expect(capitalisedNames('Topology Spread ConstraintsでPodをゾーンごとに分けたい')).toEqual([['Topology', 'Spread', 'Constraints']]);
    expect(capitalisedNames('SIG Cloud Providerのチェア')).toEqual([['SIG', 'Cloud', 'Provider']]);
    // A release stage after a name is no word of it.
    expect(capitalisedNames('Workload API GA バージョン いつ', 2)).toEqual([['Workload', 'API']]);
  });

  it('takes two capitalised words, a sentence-initial word or a comma break as no name', () => {
    expect(capitalisedNames('KubeVirt VMのライブマイグレーション')).toEqual([]);
    expect(capitalisedNames('In Kubernetes 1.30, how do I point the API server at a file?')).toEqual([]);
    expect(capitalisedNames('With Docker Engine, Kata Containers')).toEqual([]);
  });

  it('takes a run longer than a name as no name (a list, a shouted sentence), however long the question', () => {
    expect(capitalisedNames(`${'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta '.repeat(200)}について`)).toEqual([]);
  });

  it('ignores capitals in an English title, where they are style', () => {
    expect(capitalisedNames('Configure Liveness Readiness Startup Probes')).toEqual([]);
    expect(capitalisedNames('Find Out What Container Runtime is Used on a Node')).toEqual([]);
  });
});

describe('phrasePattern', () => {
  it('finds the words together, joined or apart by a space, hyphen or dot, with short endings', () => {
    const p = phrasePattern(['node', 'pool']);
    for (const text of ['a node pool', 'node-pools', 'nodepool here', 'the node.pool']) expect(p.test(text)).toBe(true);
    for (const text of ['node and pool', 'a pool node', 'a poolnode']) expect(p.test(text)).toBe(false);
    expect(phrasePattern(['volume', 'claim', 'templat']).test('spec.volumeclaimtemplates')).toBe(true);
  });
});

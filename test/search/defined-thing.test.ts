import { describe, expect, it } from 'vitest';
import { definedThing, definesThing } from '../../src/search/defined-thing.js';

describe('definedThing', () => {
  it('finds the thing a what-is question asks about, in Japanese, mixed and English', () => {
    expect(definedThing('Kamajiって何をしてくれるやつ？')).toBe('kamaji');
    expect(definedThing('リリースシャドウ とは')).toBe('リリースシャドウ');
    expect(definedThing('SIG Cloud Provider の cloud provider framework ってそもそも何？')).toBe('cloud provider framework');
    expect(definedThing('What is Cluster API?')).toBe('cluster api');
  });

  it('reads no thing from a question asking how, when or why', () => {
    expect(definedThing('サイドカーコンテナってどう定義するの?')).toBeUndefined();
    expect(definedThing('Kamajiっていつ出たの？')).toBeUndefined();
    expect(definedThing('why did Docker need a shim?')).toBeUndefined();
  });
});

describe('definesThing', () => {
  it('is true of a sentence with the thing as its subject, a short qualifier allowed', () => {
    expect(definesThing('前置きです。Kamajiプロジェクトは、コントロールプレーンをコンテナとして実行します。', 'kamaji')).toBe(true);
    expect(definesThing('Cluster API is a Kubernetes sub-project.', 'cluster api')).toBe(true);
  });

  it('is false of a passage that names the thing elsewhere in a sentence', () => {
    expect(definesThing('この記事では、KamajiやCluster APIなどのテクノロジーを紹介します。', 'kamaji')).toBe(false);
    expect(definesThing('Kamajiを使ってクラスターを作ると、管理クラスターは軽くなります。', 'kamaji')).toBe(false);
  });
});

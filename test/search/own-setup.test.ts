import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../src/search/query.js';
import { onlyAsAlternative, onlyInSetup, SETUP_WEIGHT, setupScaled, setupSentences } from '../../src/search/own-setup.js';

describe('setupSentences', () => {
  it('finds the first-person sentences that tell the setup, beside one that asks', () => {
    const q = 'Last week we moved /var/lib/containerd onto a separate disk. At what free space will the kubelet evict pods?';
    expect(setupSentences(q)).toEqual(['Last week we moved /var/lib/containerd onto a separate disk.']);
    expect(setupSentences('うちの環境ではCRI-Oを使っています。seccompプロファイルはどう配布するのがいいですか')).toEqual(['うちの環境ではCRI-Oを使っています。']);
  });

  it('finds none without a sentence that asks, in a single sentence, or in an impersonal one', () => {
    expect(setupSentences('We run containerd on our nodes. The kubelet evicts pods at 15%.')).toEqual([]);
    expect(setupSentences('Our nodes run containerd: when does the kubelet evict pods?')).toEqual([]);
    expect(setupSentences('Kubernetes removed dockershim in 1.24. Why?')).toEqual([]);
  });

  it('does not take what the asker wants to do for their setup: it is the topic', () => {
    expect(setupSentences("I'd like to become more active around the cloud provider code. What should a newcomer do first?")).toEqual([]);
    expect(setupSentences('うちでもサイドカーを使いたい。どう定義するの？')).toEqual([]);
  });
});

describe('onlyAsAlternative', () => {
  it('takes a name only in a guessed alternative after the question for the asker’s guess', () => {
    const q = 'Kube-OVN なら namespace 単位で subnet を割り当てられる？それとも追加 NIC として Multus 経由で繋ぐ形になる？';
    expect(onlyAsAlternative(q, 'NIC')).toBe(true);
    expect(onlyAsAlternative(q, 'Kube-OVN')).toBe(false);
    expect(onlyAsAlternative('Can Kamaji run etcd per tenant? Or is it one shared etcd?', 'etcd')).toBe(false);
    expect(onlyAsAlternative('Can Kamaji run etcd per tenant? Or does it need FoundationDB?', 'FoundationDB')).toBe(true);
  });

  it('takes nothing for an alternative that opens the question', () => {
    expect(onlyAsAlternative('それとも NIC を足すべき？', 'NIC')).toBe(false);
    expect(onlyAsAlternative('Multus で NIC を足す方法は？', 'NIC')).toBe(false);
  });
});

describe('onlyInSetup', () => {
  it('holds for a name told only in the setup, not for one the asking sentence repeats', () => {
    const q = 'Our Jenkins agents build images with Docker. If we move to containerd, what should we build with?';
    expect(onlyInSetup(q, 'Jenkins')).toBe(true);
    expect(onlyInSetup(q, 'containerd')).toBe(false);
  });

  it('reads a Japanese background clause or an activity with its subject unsaid as the setup, for names', () => {
    // 〜てるんですが、 opens the sentence that asks: the clause is the asker's background.
    expect(onlyInSetup('Jenkins の Pod の中で docker build してるんですが、dockershim が消えたら代わりは何？', 'Jenkins')).toBe(true);
    // An activity in progress or planned (チューニング中です, 予定です, 使ってます) tells what goes on at the asker's.
    expect(onlyInSetup('エッジのノードで kubelet をチューニング中です。退避の閾値の hard と soft の違いは？', 'エッジ')).toBe(true);
    expect(onlyInSetup('来週 NVMe を足す予定です。eviction の設定で気をつけることは？', 'NVMe')).toBe(true);
    // A passive tells a fact about the topic, and a wish states the topic: neither is setup.
    expect(onlyInSetup('Karpenter は SIG Autoscaling に寄贈されています。最初のリリースはいつ？', 'Karpenter')).toBe(false);
    expect(onlyInSetup('Karpenter を使いたいんですが、NodePool はどう書く？', 'Karpenter')).toBe(false);
    // A name the asking part repeats is the topic.
    expect(onlyInSetup('Karpenter を使ってるんですが、Karpenter の NodePool はどう書く？', 'Karpenter')).toBe(false);
  });

  it('keeps all of a first-person setup sentence as setup when a background clause opens it', () => {
    const q = 'うちの環境では CRI-O を使ってるんですが、レジストリは Harbor です。seccomp プロファイルはどう配る？';
    expect(onlyInSetup(q, 'Harbor')).toBe(true);
  });
});

describe('setupScaled', () => {
  it('weighs the words told only in the setup below the asked ones, and leaves words in both alone', () => {
    const q = 'We moved containerd onto a separate disk. When will the kubelet evict pods from that disk?';
    const query = analyseQuery(q);
    const weights = new Map(query.terms.map((t) => [t.term, 2]));
    const scaled = setupScaled(query, weights, q);
    expect(scaled.get('containerd')).toBeCloseTo(2 * SETUP_WEIGHT);
    expect(scaled.get('disk')).toBe(2);
    expect(scaled.get('kubelet')).toBe(2);
    // Without setup sentences the weights are returned as they are.
    expect(setupScaled(query, weights, 'When will the kubelet evict pods?')).toBe(weights);
  });
});

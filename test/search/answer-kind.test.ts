import { describe, expect, it } from 'vitest';
import { holdsAnswerKind, selectAnswerKinds } from '../../src/search/answer-kind.js';

describe('the kind of thing a question asks for', () => {
  it('reads when, which flag, what value and how many', () => {
    expect(selectAnswerKinds('このプラグインっていつ入った？')).toEqual(['time']);
    expect(selectAnswerKinds('When was the plugin added?')).toEqual(['time']);
    expect(selectAnswerKinds('In which release, and when did the plugin land?')).toEqual(['time']);
    expect(selectAnswerKinds('KEP-4191は、どのKubernetesリリースでアルファになる予定ですか？')).toEqual(['time']);
    expect(selectAnswerKinds('どのリリースから使える？')).toEqual(['time']);
    expect(selectAnswerKinds('Which Kubernetes release first shipped the plugin?')).toEqual(['time']);
    expect(selectAnswerKinds('What version added the plugin?')).toEqual(['time']);
    expect(selectAnswerKinds('Which minor version added the plugin?')).toEqual(['time']);
    expect(selectAnswerKinds('What happens when the profile is missing?')).toEqual(['outcome']);
    // A when-clause the question follows sets the scene; it does not ask for a time.
    expect(selectAnswerKinds('When I run the tool on an archive, what else does it show?')).toEqual([]);
    // A when asking in which situation wants a condition, not a date.
    expect(selectAnswerKinds('What is imagefs, and when does it even come into play?')).toEqual([]);
    expect(selectAnswerKinds('When should I use a separate image disk?')).toEqual([]);
    expect(selectAnswerKinds('When does eviction kick in on a node?')).toEqual([]);
    expect(selectAnswerKinds('When does the plugin go GA?')).toEqual(['time']);
    expect(selectAnswerKinds('プラグインって何 version で入ったの？')).toEqual(['time']);
    expect(selectAnswerKinds('スワップ有効でkubelet起動したい、何のフラグいる？')).toEqual(['flag']);
    expect(selectAnswerKinds('restartPolicyは何にすればいいの')).toEqual(['value']);
    expect(selectAnswerKinds('How many weeks did the first book take?')).toEqual(['number']);
    expect(selectAnswerKinds('最初の本は何週かかった？')).toEqual(['number']);
    expect(selectAnswerKinds('移行でコードは何行減った？')).toEqual(['number']);
    expect(selectAnswerKinds('バイナリサイズは何%小さくなった？')).toEqual(['number']);
    expect(selectAnswerKinds('コードが何か減った？')).toEqual([]);
    expect(selectAnswerKinds('シャドーに何回も落ちてる…')).toEqual([]);
    expect(selectAnswerKinds('JSONをノードに置き忘れたらPodどうなる？')).toEqual(['outcome']);
    expect(selectAnswerKinds('What happens if the profile is missing?')).toEqual(['outcome']);
    expect(selectAnswerKinds('With CRI-O, can I attach the profile to the image?')).toEqual(['ability']);
    expect(selectAnswerKinds('イメージにプロファイルを付けることってできる？')).toEqual(['ability']);
    expect(selectAnswerKinds('サイドカーはどう定義する?')).toEqual([]);
  });

  it('finds a thing of the kind only when the question does not name it itself', () => {
    expect(holdsAnswerKind('2019年に導入されたプラグインです。', 'time', 'いつ入った？')).toBe(true);
    expect(holdsAnswerKind('GKE だと 1.22.9 に取り込まれていました。', 'time', '1.22 のバグ、どのパッチバージョンで入ってた？')).toBe(true);
    // The version the question asks about is context, not the answer (v1.30 is 1.30).
    expect(holdsAnswerKind('UnlimitedSwap動作はv1.30で削除されます。', 'time', '1.30でいつ変わった？')).toBe(false);
    expect(holdsAnswerKind('kubeletを実行するには、--fail-swap-on=falseを設定します。', 'flag', '何のフラグいる？')).toBe(true);
    expect(holdsAnswerKind('--authorization-configを指定します。', 'flag', '--authorization-config のフラグは何？')).toBe(false);
    expect(holdsAnswerKind('再起動ポリシーをAlwaysに設定することで維持できます。', 'value', '何にすればいいの')).toBe(true);
    expect(holdsAnswerKind('再起動ポリシーを導入しました。', 'value', '何にすればいいの')).toBe(false);
    expect(holdsAnswerKind('プロファイルが利用できない場合、作成に失敗します。', 'outcome', '置き忘れたらどうなる？')).toBe(true);
    expect(holdsAnswerKind('プロファイルはノードに置きます。', 'outcome', '置き忘れたらどうなる？')).toBe(false);
    // Wording is not a thing the question names: できる in the question does not rule it out.
    expect(holdsAnswerKind('アノテーションで行うことができます。', 'ability', 'イメージに付けることってできる？')).toBe(true);
    expect(holdsAnswerKind('アノテーションが評価されます。', 'ability', 'イメージに付けることってできる？')).toBe(false);
  });
});

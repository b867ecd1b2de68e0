/**
 * Words that carry grammar, not topic: particles, auxiliaries and question words in
 * Japanese, function words in English. They are dropped by the analyser on both sides.
 * Question words are here because answers rarely contain them.
 */
const JA = `の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない
この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず
なり られる において ば なかっ なく しかし について せ だっ できる それ う ので なお のみ でき き つ における
および いう さらに でも ら たり に関する たち ます ん なら に対して せる 及び これら とき では にて ほか
ながら うち そして とともに ただし それぞれ または お ほど ものの に対する といった です とも ところ ここ
って どう 何 なに なん ですか でしょ でしょう ください 教え いい よい 良い ますか ません ましょ たい たら
だれ 誰 いつ なぜ どこ どの どれ どんな どういう どうやって どうすれ 場合 ね よ わ じゃ だけ けど けれど
もう まだ ちゃ てる とか みたい 今 あれ そう こう いっ いく くれ もらえ もらう しょ ませ おけ 知り 知りたい
何で 何が 何を なんで なんだ なんか しまう ちゃう 行う 行い 行っ 思う 思い 思っ 言う 言わ 言っ
一番 とても すごく 本当に 実際に 結構 かなり ちょっと ざっと 全然 やっぱり 結局
くらい ぐらい いくつ やすい 後 前 時 際 上 側 方 感じ 的 等 ほう 方法っ すれ すべて 全て あと なく なかっ`;

const EN = `a an the is are was were be been being do does did doing have has had i me my we our you your
it its they them their this that these those there here what which who whom whose when where why how
to of in on at by for with from into about as and or but if then so than too very can could should would
will shall may might must not no yes just also still any some all each more most other such only own same
get got gets getting use using want need way ok please tell show know anyone something thing things
whether before after away go goes going like make makes even much many really instead able does doesn't don't i'm it's
again against between both during further once over under until while through because nor few every another
around across along among upon onto via per within without though although unless since yet etc vs versus
he him his she her hers itself himself herself themselves ourselves yourself myself ours yours theirs
roughly approximately actually basically currently usually already ever`;

export const STOPWORDS: ReadonlySet<string> = new Set([...JA.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean));

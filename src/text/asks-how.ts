/**
 * Wording that asks how to do something (steps, a method, a replacement; not どうなる, which
 * asks what happens): the excerpt then prefers the sentence with the fix (answer/excerpt.ts),
 * and a name the page mentions only in passing cannot answer it (search/passing-mention.ts).
 * Shared by both, so that one question reads one way.
 */
/** どう that asks no how: どういう (what kind), どうなる (what happens), set phrases (どうこう言ってた, どうも, どうせ, どうやら, どうしても). */
const NOT_HOW = 'いう|なる|なっ|なり|こう|も|ぞ|せ|やら|しても';

export const ASKS_HOW = new RegExp(`どう(?!${NOT_HOW})|どのように|方法|やり方|手順|には[?？]?$|したい|ばいい|代わり|代替|\\binstead\\b|\\bhow\\b|\\bsteps?\\b|\\bconfigure\\b`, 'iu');

/**
 * Wording that asks for steps (手順, やり方, どうやって, how do I, how to): steps take more than
 * a sentence. Not ASKS_HOW's wishes and replacements (〜したい, 代わりに, instead, 何を使えばいい),
 * nor "how many" or "how does it": their answer may be the one sentence. Nor a how in the past
 * (どうやって取ってたの, どう対応したんだ): it asks for an account of what was done, not steps to take.
 */
export const ASKS_STEPS = new RegExp(`どう(?!${NOT_HOW}|して|だ|です|思)(?![^。？?\\n]*?(?:てた|ていた|でた|でいた|った|した|いた|れた|きた)(?:の|ん(?:だ|です|でしょう)?)?(?:か|っけ|かな)?\\s*[?？]?\\s*$)|どのように|方法|やり方|手順|には[?？]?$|\\bhow (?:do|can|should) (?:i|we|you)\\b|\\bhow to\\b|\\bsteps?\\b`, 'iu');

/**
 * Wording that asks to install or set up a thing (インストール, 導入, 入れる, 構築, set up,
 * deploy): a product, not a flag or a field, and its set-up takes more than a sentence.
 */
export const ASKS_INSTALL = /インストール|導入|入れ(?:る|たい|方)|構築|セットアップ|デプロイ|\binstall(?:ing|ation)?\b|\bset(?:ting)? (?:it )?up\b|\bdeploy(?:ing)?\b/iu;

/**
 * Wording that asks for an example or how to write it (設定例, 書き方, 書く例, 例をください,
 * YAML の例, サンプルある？, example, snippet; not "for example" nor "as the example", which are prose, nor
 * サンプルだと…出てた, which asks what the article's sample shows): answered by code
 * (search/asked-things.ts) and, like steps, by more than a sentence naming the thing.
 */
export const ASKS_EXAMPLE = /設定例|記述例|書き方|書けば|どう書く|書く例|書いた例|例(?:を|が)?(?:ください|下さい|ほしい|欲しい|見せて|教えて)|(?:YAML|yaml|マニフェスト|\bmanifests?)\s*の?\s*(?:例|サンプル)|サンプル(?=\s*(?:を|が|は|って|ある|ない|コード|設定|マニフェスト|YAML|yaml|ファイル|ください|下さい|ほしい|欲しい|見せて|教えて|[?？]|$))|(?<!\bfor |\bas (?:an? |the |its )?)\bexamples?\b(?!\s+(?:did|does|do|was|were|has|have)\b)|\bsnippet\b/iu;

/**
 * Wording that asks for a configuration: an example (ASKS_EXAMPLE) or "the setting that does X"
 * (〜する設定は？, 〜に置く設定): like steps, more than a sentence naming the thing can hold, so
 * lone-mention.ts reads it as steps.
 */
export const ASKS_CONFIG = new RegExp(`${ASKS_EXAMPLE.source}|(?:\\p{Script=Hiragana}|の) ?設定(?:は|を|って)?(?:ほしい|教えて)?[?？]?$`, 'iu');

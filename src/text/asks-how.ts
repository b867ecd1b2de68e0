/**
 * Wording that asks how to do something (steps, a method, a replacement; not どうなる, which
 * asks what happens): the excerpt then prefers the sentence with the fix (answer/excerpt.ts),
 * and a name the page mentions only in passing cannot answer it (search/passing-mention.ts).
 * Shared by both, so that one question reads one way.
 */
export const ASKS_HOW = /どう(?!いう|なる|なっ|なり)|どのように|方法|やり方|手順|には[?？]?$|したい|ばいい|代わり|代替|\binstead\b|\bhow\b|\bsteps?\b|\bconfigure\b/iu;

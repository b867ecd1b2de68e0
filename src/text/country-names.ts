/**
 * Country and region names in Japanese and English (フランス, France, 米国, United States), from
 * the ICU data Node ships (Intl.DisplayNames over the ISO 3166 region codes), never listed by
 * hand. A name followed by 語 is a language (日本語の記事), not the country.
 */
let pattern: RegExp | undefined;

export function countryNamePattern(): RegExp {
  if (pattern) return pattern;
  const names = new Set<string>();
  for (const locale of ['ja', 'en']) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([locale], { type: 'region', style });
      for (let a = 65; a <= 90; a++)
        for (let b = 65; b <= 90; b++) {
          const code = String.fromCharCode(a, b);
          const name = display.of(code);
          // An unassigned code comes back as itself; a macro-region (ZZ: 不明な地域) is no country.
          if (name !== undefined && name !== code && !/[不未]明|unknown/iu.test(name)) names.add(name);
        }
    }
  }
  const alternatives = [...names].sort((x, y) => y.length - x.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Not inside a longer Latin or katakana word (Franceville, ニューフランス).
  pattern = new RegExp(`(?<![\\p{Script=Latin}\\p{Script=Katakana}ー])(?:${alternatives.join('|')})(?![\\p{Script=Latin}\\p{Script=Katakana}ー]|語)`, 'giu');
  return pattern;
}

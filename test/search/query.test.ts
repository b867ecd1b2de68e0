import { describe, expect, it } from 'vitest';
import { analyseQuery, groupCredit, KIND_WEIGHT, setAsidePhrases, splitUnknownCompounds, termWeight } from '../../src/search/query.js';
import { foldKatakana, foldPlural } from '../../src/text/normalize.js';

describe('analyseQuery', () => {
  it('groups a word with its glossary concept, so either spelling covers the idea', () => {
    const q = analyseQuery('sidecar');
    expect(q.groups).toEqual([{ terms: expect.arrayContaining(['sidecar', '~sidecar']) }]);
  });

  it('groups the words of a multi-word form with its concept', () => {
    const q = analyseQuery('control plane');
    const group = q.groups.find((g) => g.terms.includes('~control-plane'));
    expect(group?.terms).toEqual(expect.arrayContaining(['control', foldPlural('plane')]));
  });

  it('counts an identifier and its parts as one idea', () => {
    const q = analyseQuery('CrashLoopBackOff');
    expect(q.groups).toEqual([{ terms: expect.arrayContaining(['crashloopbackoff', 'crash', 'loop', 'back', 'off']), parts: { crash: 0.25, loop: 0.25, back: 0.25, off: 0.25 } }]);
  });

  it('counts both spellings of a version as one idea', () => {
    const group = analyseQuery('1.24以降').groups.find((g) => g.terms.includes('v1.24'));
    expect(group?.terms).toEqual(expect.arrayContaining(['v1.24', '1.24']));
  });

  it('counts a katakana compound and its words as one idea', () => {
    const q = analyseQuery('クラウドコントローラーマネージャー');
    const group = q.groups.find((g) => g.terms.includes(foldKatakana('マネージャー')));
    expect(group?.terms).toEqual(expect.arrayContaining([foldKatakana('クラウドコントローラーマネージャー'), '~cloud-controller-manager']));
    expect(group?.parts?.[foldKatakana('マネージャー')]).toBe(1 / 3);
  });

  it('makes the words of a Japanese glossary form parts of its concept', () => {
    const group = analyseQuery('読書会').groups.find((g) => g.terms.includes('~book-club'));
    expect(group).toEqual({ terms: expect.arrayContaining(['~book-club', '読書会', '読書', '会']), parts: { 読書: 0.5, 会: 0.5 } });
  });

  it('keeps a word the question also uses on its own out of a compound', () => {
    const q = analyseQuery('restartPolicy の restart');
    expect(q.terms.find((t) => t.term === 'restart')?.partOf).toBeUndefined();
  });
});

describe('glossary concepts and compounds', () => {
  it('groups an identifier with the concept its parts spell (cri-o and ~cri-o are one idea)', () => {
    const q = analyseQuery('CRI-O');
    expect(q.groups.filter((g) => g.terms.includes('cri-o') || g.terms.includes('~cri-o'))).toHaveLength(1);
  });

  it('lets a concept found only in a part of a compound cover just that part (app of AppArmor)', () => {
    const group = analyseQuery('AppArmor').groups.find((g) => g.terms.includes('apparmor'))!;
    expect(groupCredit(group, (t) => t === '~application')).toBe(0.5);
    expect(groupCredit(group, (t) => t === 'apparmor')).toBe(1);
  });

  it('keeps a concept the question spells on its own out of a compound that contains one of its forms', () => {
    const q = analyseQuery('StatefulSetの設定');
    const statefulset = q.groups.find((g) => g.terms.includes('statefulset'))!;
    expect(statefulset.terms).not.toContain('~configuration');
    expect(q.groups.find((g) => g.terms.includes('設定'))!.terms).toContain('~configuration');
  });

  it('groups a hyphenated compound with the concept whose multi-word form it joins (API-initiated of "API-initiated eviction")', () => {
    // The generated glossary pairs "api-initiated eviction" with APIを起点とした退避.
    const q = analyseQuery('API-initiated Eviction');
    const group = q.groups.find((g) => g.terms.includes('~api-eviction'))!;
    expect(group.terms).toEqual(expect.arrayContaining(['api-initiated', 'eviction']));
    expect(q.groups).toHaveLength(1);
    // A compound with a part outside the form stays an idea of its own.
    expect(analyseQuery('API-started eviction').groups.find((g) => g.terms.includes('api-started'))!.terms).not.toContain('~api-eviction');
  });
});

describe('setAsidePhrases', () => {
  it('finds what an English question sets aside, to the end of the clause', () => {
    expect(setAsidePhrases('restore it inside Kubernetes, not just outside it with crictl?')).toEqual(['outside it with crictl']);
    expect(setAsidePhrases('not only the Pod, but the node')).toEqual(['the Pod']);
  });

  it('keeps the alternatives a question compares: instead of, rather than', () => {
    expect(setAsidePhrases('why keep the default instead of switching to AlwaysAllow?')).toEqual([]);
    expect(setAsidePhrases('containerd rather than Docker Engine')).toEqual([]);
  });

  it('finds the phrase before ではなく, じゃなくて or 以外 in a Japanese question', () => {
    expect(setAsidePhrases('テナントを分けるのに、コンテナだけじゃなくてVMを使う理由')).toEqual(['コンテナ']);
    expect(setAsidePhrases('Kubernetesの外部ではなく内部でリストアしたい')).toEqual(['外部']);
    expect(setAsidePhrases('Docker以外のランタイム')).toEqual(['Docker']);
  });

  it('leaves plain negation and ではなくなる (no longer) alone', () => {
    expect(setAsidePhrases('the pod does not start')).toEqual([]);
    expect(setAsidePhrases('dockershimがサポート対象ではなくなったのはいつ？')).toEqual([]);
  });
});

describe('analyseQuery with set-aside phrases', () => {
  const terms = (q: string): string[] => analyseQuery(q).terms.map((t) => t.term);

  it('drops terms the question uses only to say what it does not ask about', () => {
    expect(terms('restore inside Kubernetes, not just outside it with crictl')).not.toContain('crictl');
    expect(terms('restore inside Kubernetes, not just outside it with crictl')).toContain('kubernetes');
  });

  it('keeps a set-aside term the question also uses elsewhere', () => {
    expect(terms('crictl で restore, not just crictl')).toContain('crictl');
  });

  it('keeps the terms when the question is nothing but a set-aside phrase', () => {
    expect(terms('not just crictl')).toContain('crictl');
  });
});

describe('groupCredit', () => {
  const group = { terms: ['crashloopbackoff', 'crash', 'loop', 'back', 'off'], parts: { crash: 0.25, loop: 0.25, back: 0.25, off: 0.25 } };

  it('gives full credit for the whole term', () => {
    expect(groupCredit(group, (t) => t === 'crashloopbackoff')).toBe(1);
  });

  it('gives parts found without the whole their shares only', () => {
    expect(groupCredit(group, (t) => t === 'back')).toBe(0.25);
    expect(groupCredit(group, (t) => t === 'crash' || t === 'loop')).toBe(0.5);
    expect(groupCredit(group, () => false)).toBe(0);
  });

  it('gives full credit for any member of a group without parts', () => {
    expect(groupCredit({ terms: ['sidecar', '~sidecar'] }, (t) => t === '~sidecar')).toBe(1);
  });

  it('credits a part and the concept it spells once: コンテナ covers half of サイドカーコンテナ, not all of it', () => {
    const title = analyseQuery('サイドカーコンテナ');
    const question = new Set(analyseQuery('コンテナ').terms.map((t) => t.term));
    expect(title.groups).toHaveLength(1);
    expect(groupCredit(title.groups[0]!, (t) => question.has(t), { piecesOnce: true })).toBeCloseTo(0.5);
    // Both halves still make the whole.
    const both = new Set(analyseQuery('サイドカー コンテナ').terms.map((t) => t.term));
    expect(groupCredit(title.groups[0]!, (t) => both.has(t), { piecesOnce: true })).toBe(1);
  });
});

describe('splitUnknownCompounds', () => {
  const vocabulary = new Set(['リリース', 'シャドウ', 'ブック'].map(foldKatakana));
  const known = (t: string): boolean => vocabulary.has(t);

  it('splits a katakana compound the corpus never uses whole into words it does use', () => {
    const question = analyseQuery('リリースシャドウ');
    expect(question.terms.map((t) => t.term)).toEqual([foldKatakana('リリースシャドウ')]);
    const q = splitUnknownCompounds(question, known);
    expect(q.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['リリース', 'シャドウ'].map(foldKatakana)));
    expect(q.groups).toHaveLength(1);
  });

  it('leaves known words and unsplittable words alone', () => {
    const q = analyseQuery('ブック ギャラクシー');
    expect(splitUnknownCompounds(q, known)).toBe(q);
  });

  it('reads an English word formed with a prefix as the corpus word after it, not a compound name of two words', () => {
    const english = new Set(['container', 'cross', 'plan', 'pod']);
    const has = (t: string): boolean => english.has(t);
    const q = splitUnknownCompounds(analyseQuery('Multicontainer Pods'), has);
    expect(q.groups.find((g) => g.terms.includes('multicontainer'))?.terms).toContain('container');
    const name = analyseQuery('Crossplane');
    expect(splitUnknownCompounds(name, has)).toBe(name);
    // A de- or anti- word names what works against the word's thing: a descheduler is no scheduler.
    const scheduler = (t: string): boolean => t === 'scheduler' || t === 'container';
    const against = analyseQuery('descheduler');
    expect(splitUnknownCompounds(against, scheduler)).toBe(against);
    expect(splitUnknownCompounds(analyseQuery('subcontainer'), scheduler).terms.map((t) => t.term)).toContain('container');
    // Katakana writes the prefixes too: サブコマンド is a コマンド, whose page answers.
    const katakana = splitUnknownCompounds(analyseQuery('サブコマンド'), (t) => t === foldKatakana('コマンド'));
    expect(katakana.groups[0]?.terms).toContain(foldKatakana('コマンド'));
    // An ordinary word is one word: rebuild is not re + build.

    const word = analyseQuery('rebuild');
    expect(splitUnknownCompounds(word, (t) => t === 'build', (t) => t === 'rebuild')).toBe(word);
  });
});

describe('termWeight', () => {
  it('gives no weight to a lone kanji cut off a longer word, and full weight to words and identifiers', () => {
    const terms = new Map(analyseQuery('CRI-Oの保存先を変えたい').terms.map((t) => [t.term, t]));
    expect(termWeight(terms.get('先')!)).toBe(0);
    expect(termWeight(terms.get('保存')!)).toBe(KIND_WEIGHT.word);
    expect(termWeight(terms.get('cri-o')!)).toBe(KIND_WEIGHT.ident);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { expandQuery } from '../../src/search/expansions.js';
import { analyseQuery } from '../../src/search/query.js';
import type { Searcher } from '../../src/search/searcher.js';
import { editDistanceWithin, fillerTerms, findUnknownEntities, isOrdinaryWord, surfaceOf, type EntityLookup } from '../../src/search/unknown-entities.js';
import { phrasePattern } from '../../src/search/phrases.js';
import { ordinaryWords, WordList } from '../../src/text/ordinary-words.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

describe('the shipped word list', () => {
  it('loads and holds ordinary English and Japanese words, folded as the analyser folds them', () => {
    const words = ordinaryWords();
    expect(words.size).toBeGreaterThan(300_000);
    for (const w of ['configure', 'gateway', 'instance', 'remov', '設定', '手順', 'ゲトウェイ', 'サーバ']) expect(words.has(w)).toBe(true);
  });

  it('does not hold names (Karpenter, AppArmor, IPVS) or Japanese proper nouns', () => {
    const words = ordinaryWords();
    for (const w of ['karpenter', 'apparmor', 'ipvs', 'kubernetes', '田中']) expect(words.has(w)).toBe(false);
  });
});

describe('WordList', () => {
  it('answers membership by binary search over sorted lines', () => {
    const list = new WordList(['alpha', 'beta', 'gamma', 'ゲート'].sort().join('\n'));
    expect(list.size).toBe(4);
    expect(['alpha', 'beta', 'gamma', 'ゲート'].every((w) => list.has(w))).toBe(true);
    expect(['alph', 'delta', '', 'ゲ'].some((w) => list.has(w))).toBe(false);
  });

  it('lists the words beginning with a prefix, in order', () => {
    const list = new WordList(['recall', 'recommend', 'record', 'red', 'alpha'].sort().join('\n'));
    expect(list.withPrefix('rec')).toEqual(['recall', 'recommend', 'record']);
    expect(list.withPrefix('zz')).toEqual([]);
    expect(list.withPrefix('alpha')).toEqual(['alpha']);
  });
});

describe('isOrdinaryWord', () => {
  it('compares hyphenated words part by part and katakana after prolonged-mark folding', () => {
    expect(isOrdinaryWord('read-only')).toBe(true);
    expect(isOrdinaryWord('ワークフロー')).toBe(true);
    expect(isOrdinaryWord('kube-karpenter')).toBe(false);
  });

  it('takes a kanji compound of words with one particle or suffix inside as ordinary (調査用以外)', () => {
    expect(isOrdinaryWord('調査用以外')).toBe(true);
  });

  it('takes a CamelCase name as a name even when its parts are words', () => {
    expect(isOrdinaryWord('apparmor')).toBe(false);
  });
});

describe('findUnknownEntities', () => {
  // Glossary concepts are known unless a test says otherwise (known['~x'] = 0).
  const lookup = (known: Record<string, number>, titles: string[] = [], terms: string[] = [], texts: string[] = []): EntityLookup => ({
    documentFrequency: (term) => known[term] ?? (term.startsWith('~') ? 1 : 0),
    inTitle: (text) => titles.some((t) => t.includes(text)),
    inLongerTerm: (text) => terms.some((t) => t.includes(text)),
    longerTermsWith: (text) => terms.filter((t) => t.includes(text) && t !== text),
    containsPhrase: (words) => [...titles, ...texts].some((t) => phrasePattern(words).test(t.toLowerCase())),
  });
  const find = (q: string, l: EntityLookup) => findUnknownEntities(q, analyseQuery(q), l);

  it('lists what the corpus lacks and the languages do not know, spelled as asked', () => {
    expect(find('CRI-OでAppArmorを使う', lookup({ 'cri-o': 3, cri: 3 }))).toEqual(['AppArmor']);
    expect(find('how do I install karpenter', lookup({ install: 2 }))).toEqual(['karpenter']);
  });

  it('takes month names, a misspelt ordinary word and an ordinary word given as an example for no missing thing', () => {
    expect(find('What caused the jump from October 2022?', lookup({ jump: 2, caus: 2, '2022': 3 }))).toEqual([]);
    expect(find('ORAS uses a diffrent media type, which one does CRI-O expect?', lookup({ ora: 2, media: 2, type: 3, 'cri-o': 3, cri: 3, expect: 2 }))).toEqual([]);
    // Short lower-case words one edit from a word are often names, and capitalised ones always may be.
    expect(find('How do I write a falco rule?', lookup({ writ: 2, rule: 2 }))).toEqual(['falco']);
    expect(find('メモリに password とか残ってないか確認したい', lookup({ メモリ: 2, 確認: 3 }))).toEqual([]);
    // As the thing asked about, an ordinary English word the corpus never uses is still missing.
    expect(find('Cozystack の license って何？', lookup({ cozystack: 2 }))).toEqual(['license']);
  });

  it('takes two letters swapped (laod) and a kanji word cut from its kana ending (全然受 of 全然受からない) for no missing thing', () => {
    expect(find('ベアメタルで使える laod balancer の選択肢は？', lookup({ ベアメタル: 2, balancer: 2, 選択肢: 2 }))).toEqual([]);
    expect(find('リリースシャドウに応募してるのに全然受からない', lookup({ リリスシャドウ: 2, 応募: 2 }))).toEqual([]);
    // A name one letter off a word is still a name; a kanji name the question does not inflect is still missing.
    expect(find('How do I write a falco rule?', lookup({ writ: 2, rule: 2 }))).toEqual(['falco']);
    expect(find('全然受の設定は？', lookup({ 設定: 2 }))).toEqual(['全然受']);
    // A long word two edits from an ordinary one is that word misspelt; a name whose first letters differ is not.
    expect(find('What does SIG Release reccomend in the meantime?', lookup({ sig: 3, releas: 3, meantim: 2 }))).toEqual([]);
    expect(find('How do I install Karpenter?', lookup({ install: 2 }))).toEqual(['Karpenter']);
  });

  it('lists a command-line flag the corpus never writes, though its words are ordinary and known apart', () => {
    const known = lookup({ kubelet: 3, container: 3, runtim: 3, endpoint: 2, 指定: 2 });
    expect(find('kubeletの--container-runtime-endpointには何を指定？', known)).toEqual(['container-runtime-endpoint']);
    // Written as words, not as the flag, it is the corpus's words in another order.
    expect(find('kubeletのcontainer-runtime-endpointには何を指定？', known)).toEqual([]);
    // Nor does a known name in the same idea vouch for it (cri-dockerd shares ~container-runtime).
    const withName = lookup({ 'cri-dockerd': 2, cri: 3, dockerd: 2, kubelet: 3, container: 3, runtim: 3, endpoint: 2, 指定: 2 });
    expect(find('cri-dockerdを入れたら--container-runtime-endpointには何を指定？', withName)).toEqual(['container-runtime-endpoint']);
    // A misspelt flag whose correction the corpus has is that flag.
    const criu = { 'enable-criu-support': 2, 'cri-o': 3, cri: 3, enabl: 2, criu: 2, support: 2 } as Record<string, number>;
    const misspelt = 'CRI-Oの--enable-criu-suportって何？';
    const expanded = expandQuery(analyseQuery(misspelt), { known: (t) => (criu[t] ?? 0) > 0, typos: (t, d) => (editDistanceWithin(t, 'enable-criu-support', d) <= d ? 'enable-criu-support' : undefined) });
    expect(findUnknownEntities(misspelt, expanded, lookup(criu))).toEqual([]);
  });

  it('takes a hyphenated word of a known name and ordinary words for that name (PXE-based), not an unknown thing', () => {
    expect(find('Is there a PXE-based way to boot the nodes?', lookup({ pxe: 3, boot: 2, node: 5 }))).toEqual([]);
    expect(find('Is there a Tinkerbell-based way to boot the nodes?', lookup({ boot: 2, node: 5 }))).toEqual(['Tinkerbell-based']);
  });

  it('reads a known word before a capitalised name as its qualifier (Kubernetes Steering Committee is the Steering Committee)', () => {
    const texts = ['steering committee のメンバーは選挙で選ばれます'];
    expect(find('Kubernetes Steering Committee 人数', lookup({ kubernetes: 9, steering: 1, committee: 1 }, [], [], texts))).toEqual([]);
    expect(find('Kubernetes Security Response Committee 人数', lookup({ kubernetes: 9, security: 2, response: 1, committee: 1 }, [], [], texts))).toEqual(['Kubernetes Security Response Committee']);
  });

  it('does not list ordinary words the corpus never uses', () => {
    expect(find('please configure the gateway workflow', lookup({}))).toEqual([]);
    expect(find('ワークフローを設定したい', lookup({}))).toEqual([]);
  });

  it('takes the site an article was published on for a known name (the Zenn write-up), and nothing else of a URL', async () => {
    const { siteLabels } = await import('../../src/search/searcher.js');
    expect(siteLabels('https://zenn.dev/toversus/articles/52b107ab103712')).toEqual(['zenn']);
    expect(siteLabels('https://www.example.co.jp/blog/')).toEqual(['example']);
    expect(siteLabels(undefined)).toEqual([]);
    const sites = new Set(siteLabels('https://zenn.dev/toversus/articles/52b107ab103712'));
    const q = 'The Zenn write-up says AWS contributions grew. Who changed employer?';
    expect(find(q, { ...lookup({ aws: 3, contributions: 2, employer: 1 }), isSiteName: (t) => sites.has(t) })).toEqual([]);
    expect(find(q, lookup({ aws: 3, contributions: 2, employer: 1 }))).toEqual(['Zenn']);
    expect(find('Toversus の記事', { ...lookup({}), isSiteName: (t) => sites.has(t) })).toEqual(['Toversus']);
  });

  it('looks names up in titles, in longer indexed identifiers and through the glossary', () => {
    expect(find('DIY cloud の構成', lookup({}, ['diy: kubernetesで自分だけのクラウド']))).toEqual([]);
    expect(find('maxSurge の既定値', lookup({}, [], ['spec.strategy.rollingupdate.maxsurge']))).toEqual([]);
    expect(find('Podの再起動', lookup({ '~pod': 5 }))).toEqual([]);
  });

  it('takes a misspelling the query corrected as that word, not a name (kubelte)', () => {
    const q = 'kubelteの再起動';
    const known = (t: string) => t === 'kubelet';
    const corrected = expandQuery(analyseQuery(q), { known, typos: (term, d) => (editDistanceWithin(term, 'kubelet', d) <= d ? 'kubelet' : undefined) });
    expect(findUnknownEntities(q, corrected, lookup({ kubelet: 4 }))).toEqual([]);
    expect(find(q, lookup({ kubelet: 4 }))).toEqual(['kubelte']);
  });

  it('does not let a concept of one part vouch for the whole name (app of AppArmor)', () => {
    expect(find('AppArmorの設定', lookup({ '~application': 9, app: 4 }))).toEqual(['AppArmor']);
  });

  it('lists a multi-word name whose words the corpus has only apart', () => {
    const words = { vertical: 1, pod: 9, autoscaler: 2, topology: 1, spread: 1, constraint: 1 };
    const apart = ['the cluster autoscaler adds nodes; vertical scaling of a pod', 'topology and spread and constraint'];
    expect(find('How do I run the Vertical Pod Autoscaler in recommendation mode?', lookup(words, [], [], apart))).toEqual(['Vertical Pod Autoscaler']);
    expect(find('Topology Spread ConstraintsでPodを分散', lookup(words, [], [], apart))).toEqual(['Topology Spread Constraints']);
    expect(find('How do I run the Vertical Pod Autoscaler in recommendation mode?', lookup(words, [], [], ['the vertical pod autoscaler (vpa) recommends']))).toEqual([]);
  });

  it('lists two capitalised ordinary words as a name when the corpus never uses one of them (Sealed Secrets)', () => {
    expect(find('Sealed Secretsでシークレットを暗号化する手順', lookup({ secret: 4, 暗号化: 2, 手順: 3 }))).toEqual(['Sealed Secrets']);
    // The corpus has both words (a phrase of common words), or the pair itself: no unknown name.
    expect(find('Sealed Secretsでシークレットを暗号化する手順', lookup({ seal: 1, secret: 4, 暗号化: 2, 手順: 3 }))).toEqual([]);
    expect(find('Sealed Secretsでシークレットを暗号化する手順', lookup({ secret: 4 }, [], [], ['sealed secrets encrypt a secret']))).toEqual([]);
    // A sentence's first word is capitalised by grammar (Understand Pods, the smallest …).
    expect(find('Understand Pods, the smallest deployable object.', lookup({ pod: 9, smallest: 1, deployabl: 1, object: 2 }))).toEqual([]);
    expect(find('What is it? Understand Pods first.', lookup({ pod: 9 }))).toEqual([]);
    // A stopword is not indexed: its absence says nothing (Kubernetes the Hard Way).
    expect(find('Kubernetes the Hard Wayって誰が書いたガイド？', lookup({ kubernetes: 9, hard: 1, ガイド: 2 }))).toEqual([]);
  });

  it('lists an English word a Japanese question writes alone in Latin letters when the corpus has no spelling of it', () => {
    expect(find('Cozystack の license って何？', lookup({ cozystack: 4 }))).toEqual(['license']);
    // The corpus has it, or its katakana (the group is vouched for by expandQuery's loanword).
    expect(find('Cozystack の license って何？', lookup({ cozystack: 4, licens: 1 }))).toEqual([]);
    // Beside another Latin word it modifies an English phrase (worker node), and an English question paraphrases.
    expect(find('EKS の worker node って何？', lookup({ eks: 2, node: 9 }))).toEqual([]);
    expect(find('What is the license of Cozystack?', lookup({ cozystack: 4 }))).toEqual([]);
    // Before な it is an adjective describing what is asked about (宣言的なやり方), not a topic.
    expect(find('Cluster API をもっと declarative なやり方で入れられる？', lookup({ cluster: 4, api: 4, やり方: 2 }))).toEqual([]);
    expect(find('Cozystack の license なの？', lookup({ cozystack: 4 }))).toEqual(['license']);
    // Capitalised it is a product, given as an example or not; lower-case an example stays one.
    expect(find('Volatilityみたいなツールでメモリを解析できる？', lookup({ ツル: 2, メモリ: 2, 解析: 2 }))).toEqual(['Volatility']);
    expect(find('メモリに password みたいな値が残る？', lookup({ メモリ: 2, 値: 2 }))).toEqual([]);
  });

  it('takes an English word naming the form of the answer (bullet で教えて) or a thing of the asker\'s own (社内wiki) for no topic', () => {
    expect(find('貢献できることを bullet で教えてほしい', lookup({ 貢献: 3 }))).toEqual([]);
    expect(find('RBAC っていつ入った？year と month で知りたい', lookup({ rbac: 3 }))).toEqual([]);
    expect(find('あの記事を社内wikiで紹介したいので、謝辞の相手を教えて', lookup({ 記事: 3, 謝辞: 1 }))).toEqual([]);
    // Elsewhere it is still the thing asked about, and a capitalised one a product's name either way.
    expect(find('Cozystack の license で教えて', lookup({ cozystack: 4 }))).toEqual([]);
    expect(find('Cozystack の license を教えて', lookup({ cozystack: 4 }))).toEqual(['license']);
    expect(find('Calicoで教えて', lookup({}))).toEqual(['Calico']);
  });

  it('takes a lower-case closed compound of ordinary words (walkthrough, tarball) for ordinary, a capitalised one for a name', () => {
    expect(find('In the forensic walkthrough, how were the processes matched?', lookup({ forensic: 3, process: 4, match: 2 }))).toEqual([]);
    expect(find('Can I restore a checkpoint tarball on another node?', lookup({ restor: 3, checkpoint: 4, node: 5 }))).toEqual([]);
    expect(find('Can Crossplane restore a checkpoint on another node?', lookup({ restor: 3, checkpoint: 4, node: 5 }))).toEqual(['Crossplane']);
    // A short one is more often a name (podman).
    expect(find('Can podman restore a checkpoint on another node?', lookup({ restor: 3, checkpoint: 4, node: 5 }))).toEqual(['podman']);
  });

  it('takes a katakana compound whose pieces the corpus has for spelled otherwise there (セルフホストレジストリ)', () => {
    const q = '古めのセルフホストレジストリに seccomp プロファイルを push できる？';
    expect(find(q, lookup({ セルフ: 1, ホスト: 3, レジストリ: 4, seccomp: 5, プロファイル: 4, push: 2 }))).toEqual([]);
    expect(find(q, lookup({ ホスト: 3, レジストリ: 4, seccomp: 5, プロファイル: 4, push: 2 }))).toEqual(['セルフホストレジストリ']);
  });

  it('spells a version as the question writes it, with or without its v', () => {
    expect(surfaceOf('We are still on 1.29.', 'v1.29')).toBe('1.29');
    expect(surfaceOf('v1.29 のままです', 'v1.29')).toBe('v1.29');
  });

  it('judges slash-joined words part by part (public/private) and takes vs for no word', () => {
    expect(find('Anything about hybrid public/private setups?', lookup({ hybrid: 2, setup: 3 }))).toEqual([]);
    expect(find('VM ディスク ブロックデバイス vs ファイルシステム', lookup({ vm: 3, ディスク: 2, ブロック: 2, デバイス: 2, ファイルシステム: 2 }))).toEqual([]);
  });

  it('takes a word a typo away from another word of the question the corpus has for that word misspelt (Kata Contaners … containers)', () => {
    const known = { kata: 3, container: 5, ordinari: 2, node: 4 };
    const q = 'What is Kata Contaners, and how does it differ from ordinary containers on the node?';
    expect(find(q, lookup(known, [], [], ['kata containers']))).toEqual([]);
    expect(find('What is Kata Contaners on the node?', lookup(known, [], [], ['kata containers']))).toEqual(['Contaners']);
  });

  it('takes a unit after a number (500 GB) and a misspelt file name the corpus has (strage.conf) for no missing thing', () => {
    expect(find('We moved it onto a 500 GB disk. What eviction threshold applies?', lookup({ disk: 3, eviction: 3, threshold: 2, '500': 1 }))).toEqual([]);
    expect(find('How big is a GB disk?', lookup({ disk: 3, big: 1 }))).toEqual(['GB']);
    const conf = lookup({ 'cri-o': 3, cri: 3 }, [], ['etc/containers/storage.conf']);
    expect(find('CRI-Oで触るのはstrage.confだっけ？', conf)).toEqual([]);
    expect(find('CRI-Oで触るのはmirage.confだっけ？', conf)).toEqual(['mirage.conf']);
  });

  it('takes a word before 系 for a kind of thing (DB 系のオペレーター), not a thing named', () => {
    const known = { オペレタ: 2, 入: 2 };
    expect(find('最初から DB 系のオペレーターって入ってくる？', lookup(known))).toEqual([]);
    expect(find('最初から DB のオペレーターって入ってくる？', lookup(known))).toEqual(['DB']);
  });

  it('leaves out a name the asker only tells of as their own setup, before a question without it', () => {
    const known = { team: 2, agent: 2, image: 3, docker: 3, containerd: 3, build: 3 };
    expect(find('Our Jenkins agents build images with Docker. If we move to containerd, what should we build with?', lookup(known))).toEqual([]);
    // Asked about, or told of impersonally, it is still missing.
    expect(find('Our agents build images with Docker. Can Jenkins build them once we move to containerd?', lookup(known))).toEqual(['Jenkins']);
    expect(find('Jenkins agents build images with Docker. If we move to containerd, what should we build with?', lookup(known))).toEqual(['Jenkins']);
  });

  it('reads a capitalised name with a misspelt word as the name its correction spells (SIG Cloud Provder)', () => {
    const known = { sig: 5, cloud: 5, provider: 5, 紹介: 2 };
    const corrected = (q: string) => findUnknownEntities(q, expandQuery(analyseQuery(q), { known: (t) => (known as Record<string, number>)[t] !== undefined, typos: (t) => (t === 'provder' ? 'provider' : undefined) }), lookup(known, [], [], ['sig cloud provider']));
    expect(corrected('SIG Cloud Provderの紹介')).toEqual([]);
    // Without the correction the name is unknown; with a correction the corpus has no such phrase either.
    expect(find('SIG Cloud Provderの紹介', lookup(known, [], [], ['sig cloud provider']))).toEqual(['Provder']);
    expect(findUnknownEntities('SIG Cloud Provderの紹介', expandQuery(analyseQuery('SIG Cloud Provderの紹介'), { known: (t) => (known as Record<string, number>)[t] !== undefined, typos: (t) => (t === 'provder' ? 'provider' : undefined) }), lookup(known, [], [], ['sig storage']))).toEqual(['SIG Cloud Provder']);
  });

  it('lists a CamelCase name whose parts the corpus has only apart, not one it spells in words', () => {
    const words = { network: 5, policy: 5, namespace: 3, '~network-policy': 0 };
    expect(find('NetworkPolicyでnamespaceを分ける', lookup(words, [], [], ['network traffic', 'the policy']))).toEqual(['NetworkPolicy']);
    expect(find('NetworkPolicyでnamespaceを分ける', lookup(words, [], [], ['a network policy selects pods']))).toEqual([]);
    // A qualifier before a phrase the corpus writes (image before pull secrets) names that phrase's thing; two words need both.
    const pull = { imag: 5, pull: 5, secret: 5, registry: 3 };
    expect(find('imagePullSecretsはregistryを替えても効く？', lookup(pull, [], [], ['the same pull secrets']))).toEqual([]);
    expect(find('imagePullSecretsはregistryを替えても効く？', lookup(pull, [], [], ['pull the image', 'a secret']))).toEqual(['imagePullSecrets']);
    // A hyphenated compound of known words is spelled otherwise in the corpus, not a name.
    const hyphenated = 'API-initiated eviction';
    const parts = Object.fromEntries(analyseQuery(hyphenated).terms.map((t) => [t.term, t.partOf ? 1 : 0]));
    expect(find(hyphenated, lookup({ ...parts, [analyseQuery('eviction').terms[0]!.term]: 3 }, [], [], []))).toEqual([]);
  });

  it('lists a katakana word the corpus never uses, though it is ordinary, unless a compound the question spells has it', () => {
    const words = { kubelet: 4, 証明書: 2, 設定: 9, ログ: 3 };
    const corpusTerms = ['ログロテション'];
    expect(find('kubelet 証明書 ローテーション 設定', lookup(words, [], corpusTerms))).toEqual(['ローテーション']);
    expect(find('ログのローテーション 設定', lookup(words, [], corpusTerms))).toEqual([]);
    // Kanji and kana words the corpus lacks stay paraphrase.
    expect(find('kubelet 証明書の日付を解析したい', lookup(words, [], corpusTerms))).toEqual([]);
    // One given as an example of what is asked about (ニックネームみたいな文字列) is no topic of its own.
    expect(find('kubelet のログにニックネームが残ってないか調べたい', lookup(words, [], corpusTerms))).toEqual(['ニックネーム']);
    expect(find('kubelet のログにニックネームみたいな文字列が残ってないか調べたい', lookup(words, [], corpusTerms))).toEqual([]);
  });

  it('lists a glossary topic none of whose spellings the corpus has, though its words are ordinary', () => {
    expect(find('etcdのバックアップ手順', lookup({ etcd: 2, 手順: 3, '~backup': 0 }))).toEqual(['バックアップ']);
  });
});

describe('editDistanceWithin', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, up to a bound', () => {
    expect(editDistanceWithin('kubelt', 'kubelet', 1)).toBe(1);
    expect(editDistanceWithin('kubeelt', 'kubelet', 1)).toBe(1);
    expect(editDistanceWithin('containerd', 'contianerd', 2)).toBe(1);
    expect(editDistanceWithin('karpenter', 'kubelet', 2)).toBe(3);
  });
});

describe('fillerTerms', () => {
  it('takes ideas spelled only with ordinary words the corpus lacks as filler, not names or known words', () => {
    const q = analyseQuery('please configure Karpenter sidecar');
    const fillers = fillerTerms(q, (t) => t === 'sidecar');
    expect(fillers.has('configur')).toBe(true);
    expect(fillers.has('karpenter')).toBe(false);
    expect(fillers.has('sidecar')).toBe(false);
  });
});

describe('answer tiers', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await buildFixtureSearcher();
  });

  it('takes a glossary topic spelled only in a title as known: titles are not indexed with the passages', () => {
    expect(answer(searcher, 'サイドカーコンテナの紹介の内容は？').notices.some((n) => n.kind === 'unknownNames')).toBe(false);
  });

  it('gives none, no results, and says which name no article mentions, though every other word matches', () => {
    const a = answer(searcher, 'サイドカーコンテナの再起動ポリシーをKarpenterで設定するには？');
    expect(a).toMatchObject({ answered: false, confidence: 'none', results: [] });
    expect(a.notices).toContainEqual({ kind: 'unknownNames', names: ['Karpenter'] });
    expect(a.suggestions[0]?.title).toBe('サイドカーコンテナの紹介');
  });

  it('answers a question with a misspelt corpus word from the passages with the right one', () => {
    const a = answer(searcher, 'サイドカーのrestartPolcyは何にする？');
    expect(a.confidence).not.toBe('none');
    expect(a.results[0]?.section).toBe('定義のしかた');
  });

  it('answers with high confidence when the names are in the corpus', () => {
    expect(answer(searcher, 'サイドカーコンテナの再起動ポリシーはAlwaysにする？')).toMatchObject({ answered: true, confidence: 'high' });
  });

  it('does not lower the tier for ordinary filler words the articles never use', () => {
    const plain = answer(searcher, 'サイドカーコンテナの再起動ポリシー');
    const padded = answer(searcher, 'サイドカーコンテナの再起動ポリシーについて、できれば丁寧に詳しく説明していただけると大変ありがたいです');
    expect(plain.confidence).toBe('high');
    expect(padded.confidence).toBe('high');
    expect(padded.results[0]?.section).toBe(plain.results[0]?.section);
  });

  it('shows results with low confidence, saying so, when the best page never mentions a name the question asks about', () => {
    const a = answer(searcher, 'dockershimで既存のイメージのサイドカーコンテナをどう定義する?');
    expect(a).toMatchObject({ answered: true, confidence: 'low' });
    expect(a.results[0]!.title).not.toContain('dockershim');
    expect(a.notices).toContainEqual({ kind: 'absentNames', names: ['dockershim'] });
  });

  it('stays low, not none, when the page that has the name is among the leading results', () => {
    const a = answer(searcher, 'dockershimのrestartPolicyはどう定義する?');
    expect(a).toMatchObject({ answered: true, confidence: 'low' });
    expect(a.results[0]!.title).toBe('サイドカーコンテナの紹介');
    expect(searcher.search('dockershimのrestartPolicyはどう定義する?', { limit: 3 }).results.some((r) => r.article.title.includes('dockershim'))).toBe(true);
    expect(a.notices).toContainEqual({ kind: 'absentNames', names: ['dockershim'] });
  });

  it('shows results with low confidence when the best passage covers only part of the question', () => {
    const a = answer(searcher, 'サイドカーコンテナのイメージの保存先');
    expect(a).toMatchObject({ answered: true, confidence: 'low' });
    expect(a.results.length).toBeGreaterThan(0);
  });
});

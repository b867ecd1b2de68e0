import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { selectConfidence } from '../../src/answer/confidence.js';
import { findRoleGaps, selectAskedRoles } from '../../src/answer/role-evidence.js';
import { messages } from '../../src/i18n/messages.js';
import { buildAnswerMessage } from '../../src/slack/blocks/answer-blocks.js';
import type { Searcher } from '../../src/search/searcher.js';
import { buildFixtureSearcher } from '../support/build-fixture.js';

const CORPUS = fileURLToPath(new URL('../fixtures/role-evidence-corpus', import.meta.url));

const RELEASE = { text: 'このブログ記事では、Nitish KumarがSIG Releaseのテクニカル・リーダーであるVerónica Lópezにインタビューし、Release Teamサブプロジェクトにスポットライトを当てます。' };
const INTRO = { text: 'Matthias Bertschyと申します。フランス人で、ジュネーブ湖のそばに住んでいます。2017年からSIG Nodeのレビュアー、そしてProwのメンテナーを務めています。' };

describe('answer/role-evidence', () => {
  describe('selectAskedRoles', () => {
    it('reads the role a question asks about and whose it is, in Japanese and English', () => {
      expect(selectAskedRoles('SIG Releaseのチェアって誰？')).toEqual([{ family: 'chair', written: 'チェア', owner: 'SIG Release' }]);
      expect(selectAskedRoles('who is the tech lead of SIG Cloud Provider?')).toEqual([{ family: 'lead', written: 'tech lead', owner: 'SIG Cloud Provider' }]);
      expect(selectAskedRoles('SIG Release の Release Engineering サブプロジェクトのリードって誰？')).toEqual([{ family: 'lead', written: 'リード', owner: 'Release Engineering' }]);
      expect(selectAskedRoles('SIG NodeでProwのメンテナーもやってる人だれ')).toEqual([{ family: 'maintainer', written: 'メンテナー', owner: 'Prow' }]);
      expect(selectAskedRoles('Kubernetes the Hard Wayって誰が書き始めたガイドだっけ？')).toEqual([]);
      // A role said of a person the question names is context, not asked (議長のSergeyさん以外で).
      expect(selectAskedRoles('SIG Nodeのテックリードって誰？議長のSergeyさん以外で')).toEqual([{ family: 'lead', written: 'テックリード', owner: 'SIG Node' }]);
      expect(selectAskedRoles('Besides chair Sergey Kanzhelev, who is the tech lead of SIG Node?')).toEqual([{ family: 'lead', written: 'tech lead', owner: 'SIG Node' }]);
    });

    it('reads no title in a role word used as a verb', () => {
      expect(selectAskedRoles('who leads SIG Node?')).toEqual([]);
      expect(selectAskedRoles('SIG Nodeを誰がリードしているの？')).toEqual([]);
      expect(selectAskedRoles('who is the lead of SIG Node?')).toHaveLength(1);
    });

    it('reads the same family in its other spellings, and upkeep as no maintainer', () => {
      expect(selectAskedRoles('SIG Releaseのテックリード誰？').map((r) => r.family)).toEqual(['lead']);
      expect(selectAskedRoles('SIG Nodeの議長は？').map((r) => r.family)).toEqual(['chair']);
      expect(selectAskedRoles('dockershimのメンテナンスは誰がしていた？')).toEqual([]);
    });
  });

  describe('findRoleGaps', () => {
    it('does not take a person named in another role for the role asked about', () => {
      expect(findRoleGaps('SIG Releaseのチェアって誰？', [RELEASE])).toEqual([{ asks: 'holder', role: 'チェア', family: 'chair', of: 'SIG Release' }]);
      expect(findRoleGaps('who is the chair of SIG Release?', [RELEASE])).toEqual([{ asks: 'holder', role: 'chair', family: 'chair', of: 'SIG Release' }]);
    });

    it("takes a chair for a group's lead, but not for its tech lead", () => {
      const chair = { text: 'Sergey Kanzhelevと申します。現在はSIG Nodeの議長を務めています。' };
      expect(findRoleGaps('SIG Nodeのリードって誰？', [chair])).toEqual([]);
      expect(findRoleGaps('SIG Nodeのテックリードって誰？', [chair])).toEqual([{ asks: 'holder', role: 'テックリード', family: 'lead', of: 'SIG Node' }]);
    });

    it('answers a role spelt another way (テックリード for テクニカル・リーダー, 議長 for チェア)', () => {
      expect(findRoleGaps('SIG Releaseのテックリード誰？', [RELEASE])).toEqual([]);
      expect(findRoleGaps('SIG Nodeのチェアって誰？', [{ text: 'Sergey Kanzhelevと申します。現在はSIG Nodeの議長を務めています。' }])).toEqual([]);
    });

    it("answers an event's organizer only by a person named beside the word", () => {
      const series = { text: '毎週2つのシリーズがあります。各オーガナイザーは共同ホストと協力して本を選びます。' };
      expect(findRoleGaps('EMEAのシリーズのオーガナイザーって誰？', [series])).toEqual([{ asks: 'holder', role: 'オーガナイザー', family: 'organizer' }]);
      expect(findRoleGaps('EMEAのシリーズのオーガナイザーって誰？', [{ text: 'EMEAのシリーズのオーガナイザーはJane Doeさんです。' }])).toEqual([]);
    });

    it("does not take another group's holder for the one asked about", () => {
      expect(findRoleGaps('SIG Release の Release Engineering サブプロジェクトのリードって誰？', [RELEASE])).toEqual([{ asks: 'holder', role: 'リード', family: 'lead', of: 'Release Engineering' }]);
      expect(findRoleGaps('SIG Release の Release Team サブプロジェクトのリードって誰？', [RELEASE])).toEqual([]);
      // Only the owner's name words are looked for: `subproject` may be written サブプロジェクト.
      expect(findRoleGaps('who is the lead of the Release Team subproject?', [RELEASE])).toEqual([]);
      expect(findRoleGaps('who is the lead of the Release Engineering subproject?', [RELEASE])).toHaveLength(1);
      // The owner's words in another order or spelling are the same owner.
      expect(findRoleGaps('SIG Nodeのチェアって誰？', [{ text: 'Sergey Kanzhelevは、Node SIG (sig-node) の議長です。' }])).toEqual([]);
    });

    it('finds the role two sentences after a self-introduction, but not further away', () => {
      expect(findRoleGaps('SIG NodeでProwのメンテナーもやってる人だれ', [INTRO])).toEqual([]);
      const far = { text: 'Matthias Bertschyと申します。フランス人です。ジュネーブ湖のそばに住んでいます。Prowのメンテナーを務めています。' };
      expect(findRoleGaps('SIG NodeでProwのメンテナーもやってる人だれ', [far])).toHaveLength(1);
    });

    it('asks a question for a named person’s role for a role word beside that name', () => {
      const thanks = { text: 'レビューしてくれたすべてのコントリビューターに感謝します。\n- Peter Hunt\n- Mrunal Patel' };
      expect(findRoleGaps('Mrunal PatelってSIG Nodeで何の役職？', [thanks])).toEqual([{ asks: 'role', role: '役職', of: 'Mrunal Patel' }]);
      expect(findRoleGaps('What role does Matthias Bertschy have in SIG Node?', [INTRO])).toEqual([]);
      // A thing's role is what it does, not a title.
      expect(findRoleGaps('What role does Pod Security play in SIG Node?', [thanks])).toEqual([]);
      expect(findRoleGaps('Pod Securityの役割は？', [thanks])).toEqual([]);
    });

    it('answers a named person’s role with a job title in their own turn of an interview, and not in another speaker’s', () => {
      const turn = 'Aiko Tanabe (AT): もちろんです。6年前にKubernetesを使い始めました。その後リリースチームに加わりました。今はExampleCorpのシニア・ソリューション・アーキテクトです。';
      expect(findRoleGaps('Aiko Tanabe さんって ExampleCorp ではどういう役職？', [{ text: turn }])).toEqual([]);
      // The same title in the interviewer's turn is the interviewer's.
      const other = 'Aiko Tanabe (AT): もちろんです。6年前にKubernetesを使い始めました。その後リリースチームに加わりました。FSM: 私はExampleCorpのシニア・ソリューション・アーキテクトです。';
      expect(findRoleGaps('Aiko Tanabe さんって ExampleCorp ではどういう役職？', [{ text: other }])).toHaveLength(1);
    });

    it('reads nothing for a question naming no role, or not asking who', () => {
      expect(findRoleGaps('Kubernetes the Hard Wayって誰が書き始めたガイドだっけ？', [RELEASE])).toEqual([]);
      expect(findRoleGaps('SIG Releaseのチェアの仕事は？', [RELEASE])).toEqual([]);
    });
  });

  it('makes the answer none, and says which role was not found in both languages', () => {
    const gap = { asks: 'holder' as const, role: 'チェア', family: 'chair' as const, of: 'SIG Release' };
    expect(selectConfidence({ topCoverage: 1, corpusCoverage: 1, unknownEntities: [], roleGaps: [gap] })).toBe('none');
    expect(messages('ja').notice({ kind: 'roleGaps', gaps: [gap] })).toBe('記事には SIG Release のチェアが誰かは書かれていません。');
    expect(messages('en').notice({ kind: 'roleGaps', gaps: [{ asks: 'holder', role: 'tech lead', of: 'SIG Cloud Provider' }] })).toBe('No article says who the tech lead of SIG Cloud Provider is.');
    expect(messages('en').notice({ kind: 'roleGaps', gaps: [{ asks: 'role', role: 'role', of: 'Mrunal Patel' }] })).toBe("No article gives Mrunal Patel's role.");
    // A title asked in Japanese is named in English by its family.
    expect(messages('en').notice({ kind: 'roleGaps', gaps: [gap] })).toBe('No article says who the chair of SIG Release is.');
    expect(messages('en').notice({ kind: 'roleGaps', gaps: [{ asks: 'holder', role: 'テックリード', family: 'lead' }] })).toBe('No article says who the tech lead is.');
  });

  describe('in answer()', () => {
    let searcher: Searcher;
    beforeAll(async () => {
      searcher = await buildFixtureSearcher(CORPUS);
    });

    it("refuses the tech lead of a SIG whose page names only its chair, and keeps the chair's answer", () => {
      const lead = answer(searcher, 'SIG Nodeのテックリードって誰？');
      expect(lead).toMatchObject({ answered: false, confidence: 'none', results: [] });
      expect(lead.notices).toContainEqual({ kind: 'roleGaps', gaps: [{ asks: 'holder', role: 'テックリード', family: 'lead', of: 'SIG Node' }] });
      const context = (buildAnswerMessage(lead, { ephemeral: true, lang: 'ja' }).blocks as any[]).find((b) => b.type === 'context');
      expect(context.elements.map((e: any) => e.text).join('\n')).toContain('SIG Node のテックリードが誰かは書かれていません');
      expect(answer(searcher, 'SIG Nodeのチェアって誰？')).toMatchObject({ answered: true, confidence: 'high' });
    });

    it("refuses a SIG's chair when its page names only its technical leader", () => {
      const chair = answer(searcher, 'SIG Releaseのチェアって誰？');
      expect(chair).toMatchObject({ answered: false, confidence: 'none' });
      expect(chair.notices).toContainEqual({ kind: 'roleGaps', gaps: [{ asks: 'holder', role: 'チェア', family: 'chair', of: 'SIG Release' }] });
      expect(chair.suggestions[0]?.title).toBe('SIG Releaseの紹介');
    });
  });
});

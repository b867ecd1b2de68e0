import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChannelMap } from '../../src/corpus/channels.js';
import { buildBaselineState, buildPlannedState } from '../../src/digest/plan.js';
import { buildDigestPreview, readDigestPreview } from '../../src/digest/preview.js';
import { createFileDigestRecord } from '../../src/state/digest-record.js';
import { writeDigestState } from '../../src/digest/state.js';
import { findLimitProblems } from '../../src/slack/blocks/limits.js';
import { buildMeta, makeWorkspace, writeArticle } from './support.js';

const NOW = new Date('2024-07-01T00:00:00Z');
const map = parseChannelMap('workspace: https://kubernetes.slack.com\nchannels:\n  - { name: sig-node, sigs: [sig-node] }\n');
const old = buildMeta({ id: 'old', date: '2024-01-01' });
const fresh = buildMeta({ id: 'fresh', title: '新しいノードの記事', sigs: ['sig-node'] });

describe('digest/preview', () => {
  describe('buildDigestPreview', () => {
    it('says that a first run only takes the baseline', () => {
      const preview = buildDigestPreview({ articles: [old, fresh], state: undefined, channelMap: map, channel: 'k8s-articles', lang: 'en' });
      expect(preview.text).toContain('No digest has run yet. The first run takes the 2 articles in the corpus now as the baseline');
    });

    it('lists the new articles and the SIG channels they go to, with the next run time', () => {
      const preview = buildDigestPreview({
        lang: 'en',
        articles: [old, fresh],
        state: buildBaselineState([old], { now: NOW }),
        channelMap: map,
        channel: '#k8s-articles',
        nextRun: new Date('2024-07-02T00:00:00Z'),
        timeZone: 'Asia/Tokyo',
        problems: [{ file: '/corpus/broken.md', message: 'x' }],
      });
      expect(preview.text).toBe('The next digest in #k8s-articles (next run 2024-07-02 09:00 Asia/Tokyo) announces 1 article(s):');
      const json = JSON.stringify(preview.blocks);
      expect(json).toContain('新しいノードの記事');
      expect(json).toContain('Also announced in #sig-node where the bot is a member.');
      expect(json).toContain('Skipped until fixed (broken): broken.md');
      expect(findLimitProblems(preview)).toEqual([]);
    });

    it('includes articles planned earlier but not yet posted everywhere, once', () => {
      const state = buildPlannedState(buildBaselineState([old], { now: NOW }), [fresh], () => [{ id: 'C1', name: 'a' }, { id: 'C2', name: 'b' }], NOW);
      const preview = buildDigestPreview({ articles: [old, fresh], state, channelMap: map, lang: 'en' });
      expect(preview.text).toContain('announces 1 article(s)');
    });

    it('says when there is nothing new', () => {
      const preview = buildDigestPreview({ articles: [old], state: buildBaselineState([old], { now: NOW }), channelMap: map, lang: 'en' });
      expect(preview.text).toBe('Nothing new since the last digest: the next run posts nothing.');
    });
  });

  describe('readDigestPreview', () => {
    it('reads the corpus and the record', async () => {
      const ws = await makeWorkspace('preview');
      await writeDigestState(ws.statePath, buildBaselineState([buildMeta({ id: 'dockershim' }), buildMeta({ id: 'pdb' }), buildMeta({ id: 'release' }), buildMeta({ id: 'sidecars' })], { now: NOW }));
      await writeArticle(ws.corpusDir, 'zebra', { title: 'Zebraの記事' });
      await writeFile(join(ws.corpusDir, 'bad.md'), 'no front matter');
      const preview = await readDigestPreview({ corpusDir: ws.corpusDir, digest: { cron: '', timeZone: 'Asia/Tokyo', channel: 'k8s-articles', lang: 'en' } }, createFileDigestRecord(ws.statePath));
      expect(preview.text).toBe('The next digest in #k8s-articles announces 1 article(s):');
      expect(JSON.stringify(preview.blocks)).toContain('Skipped until fixed (broken): bad.md');
    });
  });
});

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelNamedIn, parseChannelMap, readMissingChannelsWarning } from '../../src/corpus/channels.js';
import { makeWorkspace } from '../digest/support.js';
import { runCli } from '../support/run-cli.js';

describe('corpus/channels', () => {
  describe('readMissingChannelsWarning', () => {
    it('says nothing when channels.yml is there', async () => {
      const ws = await makeWorkspace('channels-present');
      expect(await readMissingChannelsWarning(ws.corpusDir)).toBeUndefined();
    });

    it('warns, naming the file and the consequence, when channels.yml is missing; ask still answers', async () => {
      const ws = await makeWorkspace('channels-missing');
      await rm(join(ws.corpusDir, 'channels.yml'));
      expect(await readMissingChannelsWarning(ws.corpusDir)).toMatch(/channels\.yml is missing, so every answer points to #kubernetes-users/);
      const { code, stdout, stderr } = await runCli('src/cli/ask.ts', ['サイドカーコンテナの再起動'], { CORPUS_DIR: ws.corpusDir, INDEX_PATH: ws.indexPath });
      expect(code).toBe(0);
      expect(stderr).toContain(`${join(ws.corpusDir, 'channels.yml')} is missing`);
      expect(stdout).toContain('kubernetes-users');
    });
  });

  describe('channelNamedIn', () => {
    const map = parseChannelMap(
      [
        'workspace: https://kubernetes.slack.com',
        'channels:',
        '  - { name: sig-node, sigs: [sig-node] }',
        '  - { name: crio, sigs: [sig-node] }',
        '  - { name: sig-storage, sigs: [sig-storage] }',
        '  - { name: sig-cloud-provider, sigs: [sig-cloud-provider] }',
        '  - { name: sig-contribex, sigs: [sig-contributor-experience] }',
        '  - { name: kubernetes-users, sigs: [] }',
      ].join('\n'),
    );
    const named = (q: string): string | undefined => channelNamedIn(map, q)?.name;

    it('points a question about one SIG to that SIG’s channel, however the SIG is written', () => {
      expect(named('SIG Storageのチェアって誰?')).toBe('sig-storage');
      expect(named('sig-storage の会議はいつ')).toBe('sig-storage');
      expect(named('ＳＩＧ　Ｃｌｏｕｄ　Ｐｒｏｖｉｄｅｒ の活動')).toBe('sig-cloud-provider');
      // A SIG whose channel has another name, and the SIG's own channel before a topic channel of it.
      expect(named('How do I join SIG Contributor Experience?')).toBe('sig-contribex');
      expect(named('SIG Nodeってどこまで担当?')).toBe('sig-node');
    });

    it('names no channel when the question names no SIG, several, or only a longer word', () => {
      expect(named('サイドカーコンテナの再起動')).toBeUndefined();
      expect(named('SIG Node と SIG Storage の違い')).toBeUndefined();
      expect(named('sig-nodes-foo の話')).toBeUndefined();
    });
  });

  it('ask points a question that names a SIG to that SIG’s channel, not to the channel of the page it found', async () => {
    const ws = await makeWorkspace('channels-named');
    const ask = async (q: string): Promise<{ channel: string | null }> => {
      const { code, stdout } = await runCli('src/cli/ask.ts', ['--json', q], { CORPUS_DIR: ws.corpusDir, INDEX_PATH: ws.indexPath });
      expect(code).toBe(0);
      return JSON.parse(stdout);
    };
    expect((await ask('サイドカーコンテナの再起動')).channel).toBe('#sig-node');
    expect((await ask('SIG Releaseでサイドカーコンテナの再起動')).channel).toBe('#sig-release');
  });
});

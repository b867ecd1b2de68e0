import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMissingChannelsWarning } from '../../src/corpus/channels.js';
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
});

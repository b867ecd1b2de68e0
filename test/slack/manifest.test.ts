/**
 * manifest.yml against the code: the command, events and interactivity the listeners use, and
 * exactly the bot scopes that the Web API methods called anywhere in src/ need.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSlackConfig } from '../../src/config.js';
import { REPO_ROOT } from '../support/run-cli.js';

/** Bot scopes each Web API method needs (https://docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.list': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history'],
  'conversations.replies': ['channels:history'],
};
const EVENT_SCOPES: Record<string, string> = { app_mention: 'app_mentions:read', 'message.im': 'im:history' };

let manifest: any;
let source: string;

beforeAll(async () => {
  manifest = parse(await readFile(join(REPO_ROOT, 'manifest.yml'), 'utf8'));
  const entries = await readdir(join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
  source = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
});

describe('manifest.yml', () => {
  it('declares the default slash command, without escaping', () => {
    const defaults = loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: 's' });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: defaults.command, should_escape: false })]);
  });

  it('shows every subcommand the command handles in its usage hint', () => {
    const [command] = manifest.features.slash_commands;
    for (const word of ['latest', 'digest', 'help']) {
      expect(source, `the command handles ${word}`).toContain(`'${word}'`);
      expect(command.usage_hint.split(/\s*\|\s*/), word).toContain(word);
    }
  });

  it('subscribes to exactly the events the listeners handle, and enables interactivity and Socket Mode', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(source).toContain("app.event('app_mention'");
    expect(source).toContain("app.event('message'");
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('requests the scopes the code needs and no more', () => {
    const called = new Set([...source.matchAll(/\.(auth|chat|conversations|users|views|reactions|files)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    for (const method of called) expect(METHOD_SCOPES, `scopes of ${method} are not known to this test`).toHaveProperty([method]);
    const needed = new Set(['commands', ...Object.values(EVENT_SCOPES), ...[...called].flatMap((m) => METHOD_SCOPES[m]!)]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('explains the HTTP-mode request URLs, all on /slack/events', async () => {
    const text = await readFile(join(REPO_ROOT, 'manifest.yml'), 'utf8');
    expect(text.match(/# HTTP mode: (url|request_url): https:\/\/YOUR-HOST\/slack\/events/g)).toHaveLength(3);
  });
});

/**
 * Configuration, read once at start-up: a `.env` file (dotenv), then the environment, which
 * wins. This is the only module that reads process.env; everything else takes a Config.
 * Every problem is listed in one message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** The environment as the app sees it: `.env` values overridden by real environment variables. */
export function readEnv(env: Env = process.env, dotenvPath = '.env'): Env {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const searchSchema = z.object({
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  INDEX_PATH: z.preprocess(emptyAsUndefined, z.string().default('data/index.json')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
});

const slackSchema = searchSchema.extend({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token starting with xapp-'),
  SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL such as https://slack.com/api/'),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  SLACK_COMMAND: z.preprocess(emptyAsUndefined, z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'must look like /k8s').default('/k8s')),
  // An empty DIGEST_CRON turns the in-process schedule off, so it is not defaulted when empty.
  DIGEST_CRON: z.string().default('0 9 * * *'),
  DIGEST_TZ: z.preprocess(emptyAsUndefined, z.string().default('Asia/Tokyo')),
  DIGEST_CHANNEL: optionalString,
  DIGEST_STATE: z.preprocess(emptyAsUndefined, z.string().default('data/digest-state.json')),
  CLAIM_LEASE_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(500).max(600_000).default(30_000)),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), 'must be a redis:// (or rediss://) URL such as redis://redis:6379/0'),
});

/** Every environment variable the app reads: the README's configuration table lists each one. */
export const SETTING_NAMES = Object.keys(slackSchema.shape) as ReadonlyArray<keyof typeof slackSchema.shape>;

export interface SearchConfig {
  corpusDir: string;
  indexPath: string;
  logLevel: z.infer<typeof searchSchema>['LOG_LEVEL'];
}

export interface SlackConfig extends SearchConfig {
  mode: 'socket' | 'http';
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  port: number;
  command: string;
  digest: { cron: string; timeZone: string; channel: string | undefined; statePath: string };
  /** Shared state (claims, digest record and lock, votes, channel names) in Redis; undefined: this process and DIGEST_STATE. */
  redisUrl: string | undefined;
  /** How long a claim on a request outlives the last renewal by the replica answering it. */
  claimLeaseMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[], hint?: string) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}${hint ? `\n${hint}` : ''}`);
  }
}

const NO_SLACK_HINT =
  'To try the bot without Slack: `npm run shell` (a local chat) or `npm run ask -- "質問"`.\n' +
  'To connect it to Slack, see "Creating the Slack app" in README.md.';

export function loadSearchConfig(env: Env): SearchConfig {
  const parsed = searchSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  return { corpusDir: parsed.data.CORPUS_DIR, indexPath: parsed.data.INDEX_PATH, logLevel: parsed.data.LOG_LEVEL };
}

/** Config for the Slack app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode. */
export function loadSlackConfig(env: Env): SlackConfig {
  const parsed = slackSchema.safeParse(env);
  const problems = parsed.success ? [] : formatIssues(parsed.error);
  const noSlack = !env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET;
  if (noSlack) throw new ConfigError(['no Slack settings: SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) are needed'], NO_SLACK_HINT);
  if (!parsed.success) throw new ConfigError(problems, NO_SLACK_HINT);
  const d = parsed.data;
  if (!d.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions"');
  const mode = d.SLACK_APP_TOKEN ? 'socket' : 'http';
  if (mode === 'http' && !d.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (problems.length > 0) throw new ConfigError(problems, NO_SLACK_HINT);
  return {
    corpusDir: d.CORPUS_DIR,
    indexPath: d.INDEX_PATH,
    logLevel: d.LOG_LEVEL,
    mode,
    botToken: d.SLACK_BOT_TOKEN!,
    signingSecret: d.SLACK_SIGNING_SECRET,
    appToken: d.SLACK_APP_TOKEN,
    apiUrl: d.SLACK_API_URL,
    port: d.PORT,
    command: d.SLACK_COMMAND,
    digest: { cron: d.DIGEST_CRON.trim(), timeZone: d.DIGEST_TZ, channel: d.DIGEST_CHANNEL, statePath: d.DIGEST_STATE },
    redisUrl: d.REDIS_URL,
    claimLeaseMs: d.CLAIM_LEASE_MS,
  };
}

export interface DigestConfig extends SearchConfig {
  botToken: string;
  apiUrl: string | undefined;
  digest: SlackConfig['digest'] & { channel: string };
  redisUrl: string | undefined;
}

/** Config for `npm run digest`: the bot token and DIGEST_CHANNEL; no signing secret or app token. */
export function loadDigestConfig(env: Env): DigestConfig {
  const parsed = slackSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const d = parsed.data;
  const problems: string[] = [];
  if (!d.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions"');
  if (!d.DIGEST_CHANNEL) problems.push('DIGEST_CHANNEL is missing: the channel id or name the digest is posted to');
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    corpusDir: d.CORPUS_DIR,
    indexPath: d.INDEX_PATH,
    logLevel: d.LOG_LEVEL,
    botToken: d.SLACK_BOT_TOKEN!,
    apiUrl: d.SLACK_API_URL,
    digest: { cron: d.DIGEST_CRON.trim(), timeZone: d.DIGEST_TZ, channel: d.DIGEST_CHANNEL!, statePath: d.DIGEST_STATE },
    redisUrl: d.REDIS_URL,
  };
}

function formatIssues(error: z.ZodError): string[] {
  // Values are never echoed: some of these settings are secrets.
  return error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`);
}

/**
 * Configuration, read once at start-up: a `.env` file (dotenv), then the environment, which
 * wins. This is the only module that reads process.env; everything else takes a Config.
 * Every problem is listed in one message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parse as parseDotenv } from 'dotenv';
import { Cron } from 'croner';
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/** The environment as the app sees it: `.env` values overridden by real environment variables. */
export function readEnv(env: Env = process.env, dotenvPath = '.env'): Env {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return { ...fromFile, ...env };
}

const emptyAsUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

/** A whole-number setting from `min` to `max`: "abc", "1.5" and out-of-range values get one plain message. */
export function wholeNumber(min: number, max: number, fallback: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(emptyAsUndefined, z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback));
}

/** A cron pattern checked by croner, the scheduler that runs it; an empty value means "off", so it is never defaulted when empty. */
export function cronPattern(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((v) => v.trim())
    .superRefine((pattern, ctx) => {
      const problem = checkCronPattern(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

function checkCronPattern(pattern: string): string | undefined {
  if (pattern === '') return undefined;
  try {
    new Cron(pattern, { paused: true }).stop();
    return undefined;
  } catch (error) {
    const why = (error as Error).message.replace(/^CronPattern: /, '');
    return `is not a cron schedule (${why}); write five fields such as "0 9 * * *" (09:00 every day), or leave it empty to turn the schedule off`;
  }
}

/** An IANA time zone name this Node knows (Intl), e.g. Asia/Tokyo or UTC. */
export function timeZone(fallback: string) {
  return z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(fallback)
      .refine(isTimeZone, 'is not a time zone this system knows; use an IANA name such as Asia/Tokyo, Europe/Berlin or UTC'),
  );
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const searchSchema = z.object({
  CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().default('corpus')),
  INDEX_PATH: z.preprocess(emptyAsUndefined, z.string().default('data/index.json')),
  SOURCES_FILE: optionalString,
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info')),
});

const slackSchema = searchSchema.extend({
  SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens)'),
  SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL such as https://slack.com/api/'),
  PORT: wholeNumber(1, 65535, 3000),
  SLACK_COMMAND: z.preprocess(emptyAsUndefined, z.string().regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command such as /k8s (lower-case letters, digits, - and _)').default('/k8s')),
  DIGEST_CRON: cronPattern('0 9 * * *'),
  DIGEST_TZ: timeZone('Asia/Tokyo'),
  DIGEST_CHANNEL: optionalString,
  DIGEST_STATE: z.preprocess(emptyAsUndefined, z.string().default('data/digest-state.json')),
  DIGEST_LANG: z.preprocess(emptyAsUndefined, z.enum(['ja', 'en']).default('ja')),
  // Empty (the default) turns the in-process sync off.
  SYNC_CRON: cronPattern(''),
  SYNC_TIMEOUT_MS: wholeNumber(1, 600_000, 15_000),
  SYNC_BOT_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL: a page saying who runs this bot'),
  SHUTDOWN_DRAIN_MS: wholeNumber(0, 600_000, 10_000),
  // One core stays with the main thread, which accepts and acknowledges requests.
  ANSWER_THREADS: wholeNumber(1, 64, Math.max(1, availableParallelism() - 1)),
  CLAIM_LEASE_MS: wholeNumber(500, 600_000, 30_000),
  REDIS_URL: optionalString.refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), 'must be a redis:// (or rediss://) URL such as redis://redis:6379/0'),
});

/** Every environment variable the app reads: the README's configuration table lists each one. */
export const SETTING_NAMES = Object.keys(slackSchema.shape) as ReadonlyArray<keyof typeof slackSchema.shape>;

export interface SearchConfig {
  corpusDir: string;
  indexPath: string;
  /** SOURCES_FILE: the sources file when it is not CORPUS_DIR/sources.yml. */
  sourcesFile?: string | undefined;
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
  digest: { cron: string; timeZone: string; channel: string | undefined; statePath: string; lang: 'ja' | 'en' };
  /** Shared state (claims, digest record and lock, votes, channel names) in Redis; undefined: this process and DIGEST_STATE. */
  redisUrl: string | undefined;
  /** How long a claim on a request outlives the last renewal by the replica answering it. */
  claimLeaseMs: number;
  sync: SyncSettings;
  /** SIGTERM: how long answers in flight may take before they are dropped (and the exit is non-zero). */
  shutdownDrainMs: number;
  /** Worker threads answering questions. */
  answerThreads: number;
}

/** `npm run sync` and SYNC_CRON: the schedule (in DIGEST_TZ), the HTTP timeout, the URL sent in the User-Agent. */
export interface SyncSettings {
  cron: string;
  timeZone: string;
  timeoutMs: number;
  botUrl: string | undefined;
}

export interface SyncConfig extends SearchConfig {
  sync: SyncSettings;
}

/** Config for `npm run sync`: no Slack settings needed. */
export function loadSyncConfig(env: Env): SyncConfig {
  const parsed = slackSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, env));
  const d = parsed.data;
  return { ...searchSettings(d), sync: syncSettings(d) };
}

/** The settings every command shares: where the corpus, index and sources are, and how much to log. */
function searchSettings(d: z.infer<typeof searchSchema>): SearchConfig {
  return { corpusDir: d.CORPUS_DIR, indexPath: d.INDEX_PATH, sourcesFile: d.SOURCES_FILE, logLevel: d.LOG_LEVEL };
}

type DigestEnv = Pick<z.infer<typeof slackSchema>, 'DIGEST_CRON' | 'DIGEST_TZ' | 'DIGEST_CHANNEL' | 'DIGEST_STATE' | 'DIGEST_LANG'>;

function digestSettings(d: DigestEnv): SlackConfig['digest'] {
  return { cron: d.DIGEST_CRON, timeZone: d.DIGEST_TZ, channel: d.DIGEST_CHANNEL, statePath: d.DIGEST_STATE, lang: d.DIGEST_LANG };
}

function syncSettings(d: z.infer<typeof slackSchema>): SyncSettings {
  return { cron: d.SYNC_CRON, timeZone: d.DIGEST_TZ, timeoutMs: d.SYNC_TIMEOUT_MS, botUrl: d.SYNC_BOT_URL };
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
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, env));
  return searchSettings(parsed.data);
}

const isSet = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';

/** Config for the Slack app: Socket Mode when SLACK_APP_TOKEN is set, else HTTP mode. Every problem, Slack's and the rest, in one message. */
export function loadSlackConfig(env: Env): SlackConfig {
  const parsed = slackSchema.safeParse(env);
  const problems = parsed.success ? [] : formatIssues(parsed.error, env);
  if (!isSet(env.SLACK_BOT_TOKEN) && !isSet(env.SLACK_APP_TOKEN) && !isSet(env.SLACK_SIGNING_SECRET)) {
    problems.unshift('no Slack settings: SLACK_BOT_TOKEN and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) are needed');
  } else {
    if (!isSet(env.SLACK_BOT_TOKEN)) problems.push('SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions"');
    if (!isSet(env.SLACK_APP_TOKEN) && !isSet(env.SLACK_SIGNING_SECRET)) {
      problems.push('SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)');
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems, NO_SLACK_HINT);
  const d = parsed.data;
  return {
    ...searchSettings(d),
    mode: d.SLACK_APP_TOKEN ? 'socket' : 'http',
    botToken: d.SLACK_BOT_TOKEN!,
    signingSecret: d.SLACK_SIGNING_SECRET,
    appToken: d.SLACK_APP_TOKEN,
    apiUrl: d.SLACK_API_URL,
    port: d.PORT,
    command: d.SLACK_COMMAND,
    digest: digestSettings(d),
    redisUrl: d.REDIS_URL,
    claimLeaseMs: d.CLAIM_LEASE_MS,
    sync: syncSettings(d),
    shutdownDrainMs: d.SHUTDOWN_DRAIN_MS,
    answerThreads: d.ANSWER_THREADS,
  };
}

/** The DIGEST_* settings alone: the shell's `/digest` preview needs no Slack token. */
export function loadDigestSettings(env: Env): SlackConfig['digest'] {
  const parsed = slackSchema.pick({ DIGEST_CRON: true, DIGEST_TZ: true, DIGEST_CHANNEL: true, DIGEST_STATE: true, DIGEST_LANG: true }).safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error, env));
  return digestSettings(parsed.data);
}

export interface DigestConfig extends SearchConfig {
  /** Undefined only in a dry run without Slack settings: the run then works offline. */
  botToken: string | undefined;
  apiUrl: string | undefined;
  digest: SlackConfig['digest'];
  redisUrl: string | undefined;
}

/**
 * Config for `npm run digest`: the bot token and DIGEST_CHANNEL; no signing secret or app token.
 * A dry run needs neither: it previews offline from the record and the corpus.
 */
export function loadDigestConfig(env: Env, { dryRun = false }: { dryRun?: boolean } = {}): DigestConfig {
  const parsed = slackSchema.safeParse(env);
  const problems = parsed.success ? [] : formatIssues(parsed.error, env);
  if (!dryRun) {
    if (!isSet(env.SLACK_BOT_TOKEN)) problems.push('SLACK_BOT_TOKEN is missing: the bot token (xoxb-…) from "OAuth & Permissions" (or preview offline with --dry-run)');
    if (!isSet(env.DIGEST_CHANNEL)) problems.push('DIGEST_CHANNEL is missing: the channel id or name the digest is posted to');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const d = parsed.data;
  return {
    ...searchSettings(d),
    botToken: d.SLACK_BOT_TOKEN,
    apiUrl: d.SLACK_API_URL,
    digest: digestSettings(d),
    redisUrl: d.REDIS_URL,
  };
}

/** Settings whose values never appear in a message: tokens, secrets, URLs that may carry a password. */
const SECRET_SETTINGS = /TOKEN|SECRET|PASSWORD|REDIS_URL/;

/** One plain line per problem: the setting, its value when that is safe to show, and what is wrong. */
function formatIssues(error: z.ZodError, env: Env): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = env[name];
    const shown = value === undefined || SECRET_SETTINGS.test(name) ? name : `${name} is ${JSON.stringify(value)}:`;
    return `${shown} ${issue.message}`;
  });
}

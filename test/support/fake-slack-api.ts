/**
 * A fake Slack Web API: a real HTTP server on 127.0.0.1 (random port) for end-to-end tests.
 * Point the app at it with SLACK_API_URL = `fake.apiUrl` and give Slack payloads
 * `response_url: fake.responseUrl()`.
 *
 *   const fake = await startFakeSlackApi();
 *   fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
 *   … drive the app …
 *   const call = await fake.waitFor('chat.postMessage', (c) => c.body.thread_ts === '1.2');
 *   await fake.close();
 *
 * Every request is recorded (`calls()`), failed ones included (`status` ≠ 200), with its body
 * parsed (form or JSON; JSON-looking form values such as `blocks` decoded) and its token
 * (Authorization: Bearer … or the `token` field). Posts to `/response/<id>` (response_url) are
 * recorded with method `response_url`.
 *
 * Methods: auth.test, chat.postMessage, chat.postEphemeral, chat.update, chat.delete,
 * conversations.info, conversations.list, conversations.history, conversations.replies, conversations.join,
 * users.info, views.open, views.publish, views.update. Others answer `unknown_method`
 * unless given a handler with `on(method, handler)`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  /** Request path, e.g. `/api/chat.postMessage` or `/response/abc`. */
  path: string;
  token: string | undefined;
  body: Record<string, any>;
  /** HTTP status the fake answered with. */
  status: number;
  /** The JSON body the fake answered with (undefined for bare HTTP failures). */
  response: Record<string, unknown> | undefined;
  at: number;
}

/** A programmed failure. `status` 429 sends `Retry-After: retryAfter` (seconds, default 1). */
export type Failure =
  | { status: 429; retryAfter?: number }
  | { status: number; body?: string }
  | { ok: false; error: string }
  /** Answer only after `delayMs` (for client timeouts); then answer normally. */
  | { delayMs: number }
  /** Never answer (recorded with status 0) until the fake closes: a request in flight when a process is killed. */
  | { hang: true };

export type Handler = (body: Record<string, any>, call: { token: string | undefined; path: string }) => Record<string, unknown>;

export interface FakeChannel {
  id: string;
  name: string;
  is_private?: boolean;
  is_im?: boolean;
  is_member?: boolean;
}

export interface FakeSlackApi {
  /** e.g. `http://127.0.0.1:51234/api/` — use as SLACK_API_URL. */
  readonly apiUrl: string;
  /** e.g. `http://127.0.0.1:51234/` */
  readonly baseUrl: string;
  /** A response_url on the fake; posts to it are recorded as method `response_url`. */
  responseUrl(id?: string): string;
  /**
   * Recorded calls, oldest first; only one method's when given. Only calls that succeeded
   * (HTTP 200 and not `ok: false`) unless `includeFailed`.
   */
  calls(method?: string, options?: { includeFailed?: boolean }): RecordedCall[];
  /** Polls until a call that succeeded, matching `method` (and `predicate`) is recorded. Default timeout 10 s. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Polls until `count` calls that succeeded of `method` (matching `predicate`) are recorded. */
  waitForCount(method: string, count: number, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  /** The next `times` calls of `method` (default 1) fail as described. Use Infinity for "persisting". */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Forgets programmed failures that have not happened yet (all methods, or one). */
  clearFailures(method?: string): void;
  /** Replaces the built-in behaviour of `method`. */
  on(method: string, handler: Handler): void;
  /** Channels known to conversations.info / conversations.list. */
  addChannel(channel: FakeChannel): void;
  /** Messages returned by conversations.history (newest first, as Slack does). */
  setHistory(channel: string, messages: Array<Record<string, unknown>>): void;
  /** Forgets calls, failures, handlers and data; keeps the defaults (bot identity). */
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0001', team: 'Test Workspace' };

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  let calls: RecordedCall[] = [];
  let failures = new Map<string, Failure[]>();
  let handlers = new Map<string, Handler>();
  let channels = new Map<string, FakeChannel>();
  let history = new Map<string, Array<Record<string, unknown>>>();
  let tsCounter = 0;
  const nextTs = (): string => `1700000000.${String(++tsCounter).padStart(6, '0')}`;

  const builtIn: Record<string, Handler> = {
    'auth.test': () => ({ url: 'https://test.slack.com/', team: FAKE_BOT.team, user: 'k8s-bot', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId }),
    'chat.postMessage': (b) => {
      const ts = nextTs();
      const message = { type: 'message', ts, text: b.text, blocks: b.blocks, thread_ts: b.thread_ts, metadata: b.metadata, bot_id: FAKE_BOT.botId, user: FAKE_BOT.userId };
      history.set(String(b.channel), [message, ...(history.get(String(b.channel)) ?? [])]);
      return { channel: b.channel, ts, message };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (b) => ({ channel: b.channel, ts: b.ts, text: b.text }),
    'chat.delete': (b) => ({ channel: b.channel, ts: b.ts }),
    'conversations.info': (b) => {
      const channel = channels.get(String(b.channel));
      return channel ? { channel: { is_channel: !channel.is_im, is_member: true, ...channel } } : { ok: false, error: 'channel_not_found' };
    },
    'conversations.list': () => ({ channels: [...channels.values()].map((c) => ({ is_channel: !c.is_im, is_member: true, ...c })), response_metadata: { next_cursor: '' } }),
    // Like Slack, message metadata only comes back when asked for.
    'conversations.history': (b) => ({
      messages: (history.get(String(b.channel)) ?? []).map(({ metadata, ...m }) => (String(b.include_all_metadata) === 'true' && metadata ? { ...m, metadata } : m)),
      has_more: false,
    }),
    // The thread's parent and replies, oldest first, as Slack returns them.
    'conversations.replies': (b) => ({
      messages: (history.get(String(b.channel)) ?? [])
        .filter((m) => m.ts === b.ts || m.thread_ts === b.ts)
        .reverse()
        .map(({ metadata, ...m }) => (String(b.include_all_metadata) === 'true' && metadata ? { ...m, metadata } : m)),
      has_more: false,
    }),
    'conversations.join': (b) => ({ channel: channels.get(String(b.channel)) ?? { id: b.channel } }),
    'users.info': (b) => ({ user: { id: b.user, name: `user-${String(b.user).toLowerCase()}`, is_bot: false, tz: 'Asia/Tokyo' } }),
    'views.open': (b) => ({ view: { id: `V${++tsCounter}`, ...(b.view ?? {}) } }),
    'views.publish': (b) => ({ view: { id: `V${++tsCounter}`, ...(b.view ?? {}) } }),
    'views.update': (b) => ({ view: { id: b.view_id ?? `V${++tsCounter}`, ...(b.view ?? {}) } }),
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const body = parseBody(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : typeof body.token === 'string' ? body.token : undefined;
    const method = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
    const record = (status: number, response?: Record<string, unknown>): void => {
      calls.push({ method, path, token, body, status, response, at: Date.now() });
    };

    const failure = failures.get(method)?.shift();
    if (failure && 'hang' in failure) return record(0);
    if (failure && 'delayMs' in failure) await new Promise((r) => setTimeout(r, failure.delayMs));
    else if (failure && 'status' in failure) {
      record(failure.status);
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (failure.status === 429) headers['retry-after'] = String('retryAfter' in failure ? (failure.retryAfter ?? 1) : 1);
      res.writeHead(failure.status, headers);
      res.end('body' in failure && failure.body !== undefined ? failure.body : `fake failure ${failure.status}`);
      return;
    } else if (failure && 'ok' in failure) {
      return sendJson(res, record, 200, { ok: false, error: failure.error });
    }

    if (method === 'response_url') return sendJson(res, record, 200, { ok: true });
    const handler = handlers.get(method) ?? builtIn[method];
    if (!handler) return sendJson(res, record, 200, { ok: false, error: 'unknown_method' });
    if (method !== 'auth.test' && !token) return sendJson(res, record, 200, { ok: false, error: 'not_authed' });
    const result = handler(body, { token, path });
    return sendJson(res, record, 200, { ok: true, ...result });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/`;
  let responseCounter = 0;

  const succeeded = (c: RecordedCall): boolean => c.status === 200 && c.response?.ok !== false;
  const matching = (method: string, predicate?: (c: RecordedCall) => boolean): RecordedCall[] =>
    calls.filter((c) => c.method === method && succeeded(c) && (!predicate || predicate(c)));

  async function poll<T>(what: string, check: () => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) {
        const seen = calls.map((c) => `${c.method}(${c.status})`).join(', ') || 'none';
        throw new Error(`FakeSlackApi: timed out after ${timeoutMs} ms waiting for ${what}; calls seen: ${seen}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  return {
    apiUrl: `${baseUrl}api/`,
    baseUrl,
    responseUrl: (id = `r${++responseCounter}`) => `${baseUrl}response/${id}`,
    calls: (method, options = {}) => calls.filter((c) => (method === undefined || c.method === method) && (options.includeFailed || succeeded(c))),
    waitFor: (method, predicate, timeoutMs = 10_000) => poll(method, () => matching(method, predicate)[0], timeoutMs),
    waitForCount: (method, count, predicate, timeoutMs = 10_000) =>
      poll(`${count} × ${method}`, () => {
        const found = matching(method, predicate);
        return found.length >= count ? found : undefined;
      }, timeoutMs),
    failNext: (method, failure, times = 1) => {
      const queue = failures.get(method) ?? [];
      // Infinity: a failure that persists; 1000 is more than any client retries.
      for (let i = 0; i < Math.min(times, 1000); i++) queue.push(failure);
      failures.set(method, queue);
    },
    clearFailures: (method) => {
      if (method === undefined) failures = new Map();
      else failures.delete(method);
    },
    on: (method, handler) => handlers.set(method, handler),
    addChannel: (channel) => channels.set(channel.id, channel),
    setHistory: (channel, messages) => history.set(channel, messages),
    reset: () => {
      calls = [];
      failures = new Map();
      handlers = new Map();
      channels = new Map();
      history = new Map();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function sendJson(res: ServerResponse, record: (status: number, response?: Record<string, unknown>) => void, status: number, payload: Record<string, unknown>): void {
  record(status, payload);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form bodies (what the WebClient sends) or JSON (response_url); JSON-looking form values decoded. */
function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, any>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * HTTP mode's receiver (Bolt's `Receiver` interface): POST /slack/events plus the health routes.
 * It only checks, acknowledges and hands over — the 200 is written before Bolt runs any
 * middleware or listener, so an ack never waits for authorization, the Web API or an answer:
 *
 *   1. body read (4 MB at most: 413 beyond), `ssl_check` answered;
 *   2. timestamp within 5 minutes either way and signature valid, else 401;
 *   3. body of a shape Slack sends, else 400 at once (null, arrays, scalars, wrong types);
 *   4. url_verification answered; otherwise 200, then `app.processEvent` with a no-op ack.
 *
 * While the app drains for shutdown it keeps accepting connections: commands and clicks are
 * still answered (Slack never resends them); events get a 503, which Slack retries elsewhere.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, ListenOptions } from 'node:net';
import type { App, CustomRoute, Receiver } from '@slack/bolt';
import { errorInfo, type Logger } from '../logger.js';
import { checkSignature, checkTimestamp, parseSlackBody } from './request-checks.js';

export const EVENTS_PATH = '/slack/events';
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** GET routes besides /slack/events (health). */
  routes: CustomRoute[];
  /** True once shutdown began: events are refused with 503 so Slack redelivers them. */
  draining: () => boolean;
  /** Runs around each handed-over request (in-flight tracking for the drain). */
  track: <T>(work: Promise<T>) => Promise<T>;
  now?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(listen: ListenOptions): Promise<Server> {
    const server = createServer((req, res) => void this.handle(req, res));
    // Slack does not reuse connections much; idle sockets are closed quickly so a shutdown can finish.
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen, () => resolve());
    });
    this.server = server;
    return server;
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname;
    try {
      if (path === EVENTS_PATH && req.method === 'POST') return await this.handleSlack(req, res);
      const route = this.options.routes.find((r) => r.path === path && ([] as string[]).concat(r.method).includes(req.method ?? ''));
      if (route) return void (await route.handler(req as Parameters<CustomRoute['handler']>[0], res));
      send(res, path === EVENTS_PATH ? 405 : 404, { error: path === EVENTS_PATH ? 'method not allowed' : 'not found' });
    } catch (error) {
      this.options.logger.error({ event: 'receiver_error', failure: errorInfo(error) }, 'request handling failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    }
  }

  private async handleSlack(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.logger;
    const raw = await readBody(req, BODY_LIMIT_BYTES);
    if (raw === undefined) return refuse(res, log, 413, `body larger than ${BODY_LIMIT_BYTES} bytes`);
    const contentType = header(req, 'content-type');
    const parsed = parseSlackBody(raw, contentType);
    if (parsed.ok && parsed.kind === 'ssl_check') return send(res, 200);

    const timestamp = header(req, 'x-slack-request-timestamp');
    const nowMs = this.now();
    const problem = checkTimestamp(timestamp, Math.floor(nowMs / 1000)) ?? checkSignature(this.options.signingSecret, timestamp!, raw, header(req, 'x-slack-signature'), nowMs);
    if (problem) return refuse(res, log, 401, problem);
    // Signed by Slack but not something we can act on: say so now rather than time out.
    if (!parsed.ok) return refuse(res, log, 400, parsed.problem);

    const { body, kind } = parsed;
    if (kind === 'url_verification') return send(res, 200, { challenge: body.challenge });
    if (kind === 'event' && this.options.draining()) {
      log.info({ event: 'event_refused_draining', eventId: body.event_id }, 'shutting down: event left for Slack to redeliver');
      res.setHeader('retry-after', '1');
      return send(res, 503, { error: 'shutting down' });
    }
    send(res, 200);

    const app = this.app;
    if (!app) return;
    const retryNum = header(req, 'x-slack-retry-num');
    // After the I/O already waiting (new connections, other requests' bodies): under a burst,
    // acknowledging comes before answering.
    await this.options
      .track(
        new Promise((resolve) => setImmediate(resolve)).then(() => app.processEvent({
          body,
          ack: async () => undefined,
          retryNum: retryNum !== undefined && /^\d+$/.test(retryNum) ? Number(retryNum) : undefined,
          retryReason: header(req, 'x-slack-retry-reason'),
          customProperties: {},
        })),
      )
      .catch((error: unknown) => log.error({ event: 'process_event_failed', failure: errorInfo(error) }, 'Bolt could not process a request'));
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body?: object): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, log: Logger, status: number, problem: string): void {
  log.warn({ event: 'request_refused', status, problem }, 'refused a request to /slack/events');
  send(res, status, { error: problem });
}

/** The body as text, or undefined when it exceeds `limit` (the rest is drained, not read into memory). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

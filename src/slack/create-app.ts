/**
 * The Bolt app: HTTP mode (POST /slack/events for events, commands and interactivity, plus
 * /healthz and /readyz, served by SlackHttpReceiver) or Socket Mode when SLACK_APP_TOKEN is set
 * (the same health routes on PORT). The server starts before the index is loaded and before
 * the bot's identity is known; /readyz says when both are. Questions are answered in a pool
 * of worker threads, so the HTTP server keeps accepting and acknowledging meanwhile.
 *
 *   const slack = createSlackApp({ config, logger, loadSearcher: () => openSearcher(config) });
 *   const { port } = await slack.start();
 *   …
 *   const { dropped } = await slack.stop(); // drain answers in flight (SHUTDOWN_DRAIN_MS)
 */
import type { ListenOptions } from 'node:net';
import { App, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { readDigestPreview } from '../digest/preview.js';
import { errorInfo, type Logger } from '../logger.js';
import type { Searcher } from '../search/searcher.js';
import { createBoltLogger } from './bolt-logger.js';
import { createBotIdentity } from './bot-identity.js';
import { createChannelNames } from './channel-names.js';
import { shouldSkipEvent, TtlSet } from './event-dedupe.js';
import { buildHealthRoutes } from './health-routes.js';
import { SlackHttpReceiver } from './http-receiver.js';
import { InFlight } from './in-flight.js';
import { registerListeners } from './listeners/index.js';
import { createAnswerPoster } from './post-answer.js';
import { DEFAULT_RESPONSE_TIMEOUT_MS } from './post-response.js';
import { buildWebClientOptions, createWebClient, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, slackErrorCode, withTrailingSlash, type RetryPolicy } from './web-client.js';
import { createBotPool } from './worker/bot-pool.js';

export interface SlackAppOptions {
  config: SlackConfig;
  logger: Logger;
  /** Loads (or builds) the index; until it resolves questions get "still loading" and /readyz is 503. */
  loadSearcher: () => Promise<Searcher>;
  /** Web API and response_url retries. Default DEFAULT_RETRY; tests pass FAST_RETRY. */
  retry?: RetryPolicy;
  /** Timeout of one Web API call (default 10 s) and of one response_url post (default 10 s). */
  webApiTimeoutMs?: number;
  responseTimeoutMs?: number;
  /** HTTP mode: interface to listen on. Default all interfaces. */
  host?: string;
  /** How long stop() waits for in-flight requests. Default config.shutdownDrainMs. */
  drainTimeoutMs?: number;
  /** First auth.test retry delay (doubled up to 30 s). Default 500 ms. */
  identityRetryMs?: number;
  /** Results per answer page. */
  k?: number;
}

export interface StopResult {
  /** Everything in flight finished within the drain window. */
  drained: boolean;
  /** Requests still unanswered when the window closed (their answers are lost). */
  dropped: number;
}

export interface SlackApp {
  app: App;
  /** Starts listening (HTTP: returns the bound port), loading the index and fetching the bot identity. */
  start(): Promise<{ port: number | undefined }>;
  /** Resolves with the searcher once loaded; rejects if the index cannot be loaded. */
  readonly searcherReady: Promise<Searcher>;
  isReady(): boolean;
  /** The searcher being served (undefined while loading). */
  currentSearcher(): Searcher | undefined;
  /** Serves a newly built index from now on, in every answer worker (corpus changed). */
  replaceSearcher(searcher: Searcher): void;
  /** Keeps answering what is in flight (up to the drain window), then stops. */
  stop(): Promise<StopResult>;
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const webApiTimeoutMs = options.webApiTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  let searcher: Searcher | undefined;
  let stopping = false;
  let stopped: Promise<StopResult> | undefined;
  const inFlight = new InFlight();
  const pool = createBotPool({ command: config.command, k: options.k, threads: config.answerThreads });
  const identity = createBotIdentity({
    client: createWebClient(undefined, { apiUrl: config.apiUrl, retry: { ...retry, retries: 0 }, timeoutMs: webApiTimeoutMs, logger }),
    botToken: config.botToken,
    logger,
    minDelayMs: options.identityRetryMs,
  });
  // Socket Mode answers only over its WebSocket: not ready while it is down or reconnecting.
  let socketUp = false;
  const isReady = (): boolean => searcher !== undefined && identity.current() !== undefined && !stopping && (config.mode !== 'socket' || socketUp);
  const track = <T>(work: Promise<T>): Promise<T> => inFlight.track(work);

  const routes = buildHealthRoutes(isReady);
  const receiver: Receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken!,
          logger: createBoltLogger(logger, 'socket-mode'),
          // The health routes get their own HTTP server on PORT; apps.connections.open honours SLACK_API_URL.
          customRoutes: routes,
          installerOptions: { port: config.port, ...(config.apiUrl ? { clientOptions: { slackApiUrl: withTrailingSlash(config.apiUrl) } } : {}) },
        })
      : new SlackHttpReceiver({ signingSecret: config.signingSecret!, logger, routes, draining: () => stopping, track });
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (socketUp = true));
    for (const down of ['close', 'disconnected', 'reconnecting']) receiver.client.on(down, () => (socketUp = false));
  }
  const app = new App({
    receiver,
    logger: createBoltLogger(logger, 'bolt'),
    clientOptions: buildWebClientOptions({ apiUrl: config.apiUrl, retry, logger, timeoutMs: webApiTimeoutMs }),
    authorize: identity.authorize,
  });

  const seenEvents = new TtlSet(60 * 60_000, 10_000);
  // Every request is tracked, so a shutdown lets answers in progress finish (in HTTP mode the
  // receiver tracks each request it hands over).
  if (config.mode === 'socket') {
    app.use(async ({ next }) => {
      await track(next());
    });
  }
  // Slack's retries of an event already answered (or being answered) are dropped here.
  app.use(async ({ body, context, next }) => {
    const envelope = body as { type?: string; event_id?: unknown };
    const eventId = typeof envelope.event_id === 'string' ? envelope.event_id : undefined;
    const skip = envelope.type === 'event_callback' ? shouldSkipEvent({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, seenEvents) : undefined;
    if (skip) {
      logger.info({ event: 'event_skipped', reason: skip, eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'event not answered again');
      return;
    }
    await next();
  });

  registerListeners(app, {
    bot: pool,
    poster: createAnswerPoster({ botToken: config.botToken, apiUrl: config.apiUrl, retry, timeoutMs: webApiTimeoutMs, logger }),
    logger,
    channelNames: createChannelNames(logger),
    command: config.command,
    retry,
    responseTimeoutMs: options.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
    digestPreview: () => readDigestPreview(config),
  });

  // Listener errors end here (our listeners catch their own; this is the safety net).
  app.error(async (error) => {
    logger.error({ event: 'bolt_error', error: slackErrorCode(error), failure: errorInfo(error) }, 'unhandled error in a listener');
  });

  let resolveSearcher!: (s: Searcher) => void;
  let rejectSearcher!: (e: unknown) => void;
  const searcherReady = new Promise<Searcher>((resolve, reject) => {
    resolveSearcher = resolve;
    rejectSearcher = reject;
  });
  searcherReady.catch(() => undefined); // the caller decides what a failed load means

  async function drainAndStop(): Promise<StopResult> {
    stopping = true;
    const drainMs = options.drainTimeoutMs ?? config.shutdownDrainMs;
    identity.stop();
    logger.info({ event: 'stopping', inFlight: inFlight.size, drainMs }, 'stopping: finishing the answers in flight');
    // Socket Mode: close the connection first (Slack redelivers to another one). HTTP: keep
    // accepting during the drain (events get a 503 so Slack redelivers them) and close afterwards.
    if (config.mode === 'socket') await app.stop().catch((error: unknown) => logger.warn({ failure: errorInfo(error) }, 'receiver did not stop cleanly'));
    const drained = await inFlight.drain(drainMs);
    const dropped = inFlight.size;
    if (config.mode !== 'socket') await app.stop().catch((error: unknown) => logger.warn({ failure: errorInfo(error) }, 'receiver did not stop cleanly'));
    await pool.destroy().catch(() => undefined);
    if (drained) logger.info({ event: 'stopped', drained }, 'stopped; every answer in flight was sent');
    else logger.warn({ event: 'stopped', drained, dropped, drainMs }, `stopped with ${dropped} request(s) still unanswered after the ${drainMs} ms drain window; their answers are lost`);
    return { drained, dropped };
  }

  return {
    app,
    searcherReady,
    isReady,
    currentSearcher: () => searcher,
    replaceSearcher: (next) => {
      searcher = pool.serve(next);
    },
    async start() {
      identity.start();
      // Loading starts first: in Socket Mode app.start() waits for the WebSocket connection.
      options.loadSearcher().then(
        (loaded) => {
          searcher = pool.serve(loaded);
          logger.info({ event: 'index_loaded', articles: loaded.index.manifest.articleCount, passages: loaded.passageCount, threads: pool.threads }, 'index loaded');
          resolveSearcher(searcher);
        },
        (error: unknown) => rejectSearcher(error),
      );
      let port: number | undefined;
      if (receiver instanceof SlackHttpReceiver) {
        const listen: ListenOptions = options.host ? { port: config.port, host: options.host } : { port: config.port };
        await app.start(listen);
        port = receiver.port;
      } else {
        await app.start();
        port = config.port;
      }
      logger.info({ event: 'started', mode: config.mode, port, command: config.command }, `Slack app started in ${config.mode} mode`);
      return { port };
    },
    stop() {
      stopped ??= drainAndStop();
      return stopped;
    },
  };
}

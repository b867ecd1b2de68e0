/**
 * The Bolt app: HTTP mode (POST /slack/events for events, commands and interactivity, plus
 * /healthz and /readyz) or Socket Mode when SLACK_APP_TOKEN is set (the same health routes on
 * PORT). The server starts before the index is loaded; /readyz says when it can answer.
 *
 *   const slack = createSlackApp({ config, logger, loadSearcher: () => openSearcher(config) });
 *   const { port } = await slack.start();
 *   …
 *   await slack.stop(); // stop accepting, let in-flight answers finish
 */
import type { AddressInfo, ListenOptions } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { SlackConfig } from '../config.js';
import { readDigestPreview } from '../digest/preview.js';
import type { Logger } from '../logger.js';
import type { Searcher } from '../search/searcher.js';
import { createSingleWorkspaceAuthorize } from './authorize.js';
import { createBoltLogger } from './bolt-logger.js';
import { createBot } from './bot.js';
import { createChannelNames } from './channel-names.js';
import { shouldSkipEvent, TtlSet } from './event-dedupe.js';
import { errorInfo } from '../logger.js';
import { buildHealthRoutes } from './health-routes.js';
import { InFlight } from './in-flight.js';
import { registerListeners } from './listeners/index.js';
import { buildWebClientOptions, createWebClient, DEFAULT_RETRY, slackErrorCode, withTrailingSlash, type RetryPolicy } from './web-client.js';

export interface SlackAppOptions {
  config: SlackConfig;
  logger: Logger;
  /** Loads (or builds) the index; until it resolves questions get "still loading" and /readyz is 503. */
  loadSearcher: () => Promise<Searcher>;
  /** Web API and response_url retries. Default DEFAULT_RETRY; tests pass FAST_RETRY. */
  retry?: RetryPolicy;
  /** HTTP mode: interface to listen on. Default all interfaces. */
  host?: string;
  /** How long stop() waits for in-flight requests. Default 10 s (Kubernetes gives 30 s). */
  drainTimeoutMs?: number;
  /** Results per answer page. */
  k?: number;
}

export interface SlackApp {
  app: App;
  /** Starts listening (HTTP: returns the bound port) and begins loading the index. */
  start(): Promise<{ port: number | undefined }>;
  /** Resolves with the searcher once loaded; rejects if the index cannot be loaded. */
  readonly searcherReady: Promise<Searcher>;
  isReady(): boolean;
  /** The searcher being served (undefined while loading). */
  currentSearcher(): Searcher | undefined;
  /** Serves a newly built index from now on (corpus changed). */
  replaceSearcher(searcher: Searcher): void;
  /** Stops accepting requests, waits for in-flight ones (up to drainTimeoutMs). */
  stop(): Promise<void>;
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  let searcher: Searcher | undefined;
  let stopping = false;
  const inFlight = new InFlight();
  // Socket Mode answers only over its WebSocket: not ready while it is down or reconnecting.
  let socketUp = false;
  const isReady = (): boolean => searcher !== undefined && !stopping && (config.mode !== 'socket' || socketUp);

  const receiver = createReceiver(config, logger, buildHealthRoutes(isReady));
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (socketUp = true));
    for (const down of ['close', 'disconnected', 'reconnecting']) receiver.client.on(down, () => (socketUp = false));
  }
  const clientOptions = buildWebClientOptions({ apiUrl: config.apiUrl, retry, logger });
  const app = new App({
    receiver,
    logger: createBoltLogger(logger, 'bolt'),
    clientOptions,
    authorize: createSingleWorkspaceAuthorize(createWebClient(undefined, { apiUrl: config.apiUrl, retry, logger }), config.botToken),
  });

  const seenEvents = new TtlSet(60 * 60_000, 10_000);
  // Every request is tracked, so a shutdown lets answers in progress finish.
  app.use(async ({ next }) => {
    await inFlight.track(next());
  });
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

  const bot = createBot({ searcher: () => searcher, command: config.command, k: options.k });
  registerListeners(app, { bot, logger, channelNames: createChannelNames(logger), command: config.command, retry, digestPreview: () => readDigestPreview(config) });

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

  return {
    app,
    searcherReady,
    isReady,
    currentSearcher: () => searcher,
    replaceSearcher: (next) => {
      searcher = next;
    },
    async start() {
      // Loading starts first: in Socket Mode app.start() waits for the WebSocket connection.
      options.loadSearcher().then(
        (loaded) => {
          searcher = loaded;
          logger.info({ event: 'index_loaded', articles: loaded.index.manifest.articleCount, passages: loaded.passageCount }, 'index loaded; ready');
          resolveSearcher(loaded);
        },
        (error: unknown) => rejectSearcher(error),
      );
      let port: number | undefined;
      if (receiver instanceof HTTPReceiver) {
        const listen: ListenOptions = options.host ? { port: config.port, host: options.host } : { port: config.port };
        const server = await app.start(listen);
        port = (server.address() as AddressInfo).port;
      } else {
        await app.start();
        port = config.port;
      }
      logger.info({ event: 'started', mode: config.mode, port, command: config.command }, `Slack app started in ${config.mode} mode`);
      return { port };
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      logger.info({ event: 'stopping', inFlight: inFlight.size }, 'stopping: no new requests, finishing the ones in flight');
      await app.stop().catch((error: unknown) => logger.warn({ failure: errorInfo(error) }, 'receiver did not stop cleanly'));
      const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
      logger.info({ event: 'stopped', drained, inFlight: inFlight.size }, drained ? 'stopped' : 'stopped with requests still in flight');
    },
  };
}

function createReceiver(config: SlackConfig, logger: Logger, customRoutes: ReturnType<typeof buildHealthRoutes>): Receiver {
  if (config.mode === 'socket') {
    return new SocketModeReceiver({
      appToken: config.appToken!,
      logger: createBoltLogger(logger, 'socket-mode'),
      // The health routes get their own HTTP server on PORT; apps.connections.open honours SLACK_API_URL.
      customRoutes,
      installerOptions: { port: config.port, ...(config.apiUrl ? { clientOptions: { slackApiUrl: withTrailingSlash(config.apiUrl) } } : {}) },
    });
  }
  return new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: '/slack/events',
    customRoutes,
    logger: createBoltLogger(logger, 'http-receiver'),
    // Ack first, answer after: Slack gets its 200 within 3 s whatever the answer costs.
    processBeforeResponse: false,
  });
}

/**
 * A fault-injecting HTTP proxy for end-to-end tests, between the app and the fake Slack API
 * (point SLACK_API_URL at `proxy.apiUrl`, response_urls at `proxy.responseUrl(id)`). Each
 * request is forwarded unchanged unless a fault is queued for its method (`chat.postMessage`,
 * `response_url`, …):
 *
 * - `error_after_forward`: forward it (the fake records and accepts it), then answer 503 — Slack
 *   accepted the post but the app sees a 5xx;
 * - `hang_after_forward`: forward it, then never answer — the app's own timeout fires;
 * - `drop`: close the connection without forwarding anything.
 *
 *   const proxy = await startFaultProxy(fake.baseUrl);
 *   proxy.inject('chat.postMessage', 'error_after_forward');
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'error_after_forward' | 'hang_after_forward' | 'drop';

export interface FaultProxy {
  /** e.g. `http://127.0.0.1:PORT/api/` */
  readonly apiUrl: string;
  responseUrl(id: string): string;
  /** The next `times` requests for `method` suffer `fault`. */
  inject(method: string, fault: Fault, times?: number): void;
  /** The first request to each distinct path of `method` (each response_url) suffers `fault`. */
  injectFirstPerPath(method: string, fault: Fault): void;
  /** Faults applied so far, per method. */
  applied(method: string): Fault[];
  /** Forgets queued faults and what was applied. */
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(targetBaseUrl: string): Promise<FaultProxy> {
  const faults = new Map<string, Fault[]>();
  const firstPerPath = new Map<string, Fault>();
  const seenPaths = new Set<string>();
  const applied = new Map<string, Fault[]>();
  const sockets = new Set<Socket>();
  const methodOf = (path: string): string => (path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, ''));

  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const method = methodOf(path);
    const perPath = firstPerPath.get(method) && !seenPaths.has(path) ? firstPerPath.get(method) : undefined;
    seenPaths.add(path);
    const fault = perPath ?? faults.get(method)?.shift();
    if (fault) applied.set(method, [...(applied.get(method) ?? []), fault]);
    if (fault === 'drop') return void req.socket.destroy();
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
    const upstream = await fetch(new URL(req.url ?? '/', targetBaseUrl), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (fault === 'hang_after_forward') return;
    if (fault === 'error_after_forward') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      return void res.end('upstream accepted the request; the proxy says 503');
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream', ...(upstream.headers.get('retry-after') ? { 'retry-after': upstream.headers.get('retry-after')! } : {}) });
    res.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    apiUrl: `${base}api/`,
    responseUrl: (id) => `${base}response/${id}`,
    inject(method, fault, times = 1) {
      faults.set(method, [...(faults.get(method) ?? []), ...Array<Fault>(times).fill(fault)]);
    },
    injectFirstPerPath(method, fault) {
      firstPerPath.set(method, fault);
    },
    applied: (method) => applied.get(method) ?? [],
    reset() {
      faults.clear();
      firstPerPath.clear();
      seenPaths.clear();
      applied.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

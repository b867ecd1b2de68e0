/**
 * `GET /healthz`: the process is up (liveness). `GET /readyz`: 200 only once the index is
 * loaded and while not shutting down (readiness), 503 otherwise, so no traffic reaches a pod
 * that cannot answer yet.
 */
import type { CustomRoute } from '@slack/bolt';

export function buildHealthRoutes(isReady: () => boolean): CustomRoute[] {
  const send = (res: Parameters<CustomRoute['handler']>[1], status: number, body: object): void => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  return [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => send(res, 200, { status: 'ok' }) },
    { path: '/readyz', method: ['GET'], handler: (_req, res) => (isReady() ? send(res, 200, { status: 'ready' }) : send(res, 503, { status: 'not ready' })) },
  ];
}

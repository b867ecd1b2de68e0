/**
 * The one HTTP client of `npm run sync`, polite and bounded: a User-Agent naming the bot,
 * at most `perHost` requests at a time to one host (p-limit), connect and read timeouts
 * (undici's Agent), a size limit enforced while streaming, a bounded redirect chain and
 * http(s) only. Redirects are followed hop by hop so each hop waits for its own host's slot.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, request } from 'undici';

export interface FetchLimits {
  userAgent: string;
  /** Connect timeout, and the longest wait for headers or between two body chunks. */
  timeoutMs: number;
  /** Largest body read; a longer one is aborted. */
  maxBytes: number;
  maxRedirects: number;
  /** Requests at a time to one host (host:port). */
  perHost: number;
}

export const DEFAULT_FETCH_LIMITS: Omit<FetchLimits, 'userAgent' | 'timeoutMs'> = { maxBytes: 5 * 1024 * 1024, maxRedirects: 5, perHost: 2 };

export interface FetchedResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** The body of a 2xx answer; empty otherwise. */
  body: Buffer;
}

/** A request that did not give an answer to work with; `retry` says whether a later run may succeed. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly retry: boolean,
  ) {
    super(`${url}: ${reason}`);
  }
}

export interface FetchPolicy {
  /**
   * Refuse hosts that resolve to loopback, private or link-local addresses, except this host
   * name (the feed's own). A feed's items are third-party links: one pointing into the cluster
   * (`http://10.0.0.5/`, a metadata endpoint) must not be fetched into the corpus and answered.
   */
  publicOnlyExcept?: string;
}

export interface Fetcher {
  fetch(url: string, headers?: Record<string, string>, policy?: FetchPolicy): Promise<FetchedResponse>;
  close(): Promise<void>;
}

export function createFetcher(limits: FetchLimits): Fetcher {
  const agent = new Agent({ connect: { timeout: limits.timeoutMs }, headersTimeout: limits.timeoutMs, bodyTimeout: limits.timeoutMs });
  const hosts = new Map<string, LimitFunction>();
  const limiterFor = (host: string): LimitFunction => {
    let limit = hosts.get(host);
    if (!limit) hosts.set(host, (limit = pLimit(limits.perHost)));
    return limit;
  };

  const hop = async (url: URL, headers: Record<string, string>): Promise<FetchedResponse | { redirect: string }> => {
    let res;
    try {
      res = await request(url, { dispatcher: agent, method: 'GET', headers: { 'user-agent': limits.userAgent, accept: '*/*', ...headers } });
    } catch (error) {
      throw new FetchError(url.href, describeNetworkError(error, limits.timeoutMs), true);
    }
    const headersOut = flattenHeaders(res.headers);
    if (res.statusCode >= 300 && res.statusCode < 400 && res.statusCode !== 304 && headersOut.location) {
      await res.body.dump();
      return { redirect: new URL(headersOut.location, url).href };
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      await res.body.dump();
      return { url: url.href, status: res.statusCode, headers: headersOut, body: Buffer.alloc(0) };
    }
    const declared = Number(headersOut['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      res.body.destroy();
      throw new FetchError(url.href, `too large: ${declared} bytes, the limit is ${limits.maxBytes}`, false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > limits.maxBytes) {
          res.body.destroy();
          throw new FetchError(url.href, `too large: more than ${limits.maxBytes} bytes (stopped reading)`, false);
        }
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof FetchError) throw error;
      throw new FetchError(url.href, describeNetworkError(error, limits.timeoutMs), true);
    }
    return { url: url.href, status: res.statusCode, headers: headersOut, body: Buffer.concat(chunks) };
  };

  return {
    async fetch(start, headers = {}, policy = {}) {
      let current = start;
      for (let redirects = 0; ; redirects++) {
        const url = parseHttpUrl(current);
        if (policy.publicOnlyExcept !== undefined && url.hostname !== policy.publicOnlyExcept) await checkPublic(url);
        const result = await limiterFor(url.host)(() => hop(url, headers));
        if (!('redirect' in result)) return result;
        if (redirects >= limits.maxRedirects) throw new FetchError(start, `more than ${limits.maxRedirects} redirects (last to ${result.redirect})`, false);
        current = result.redirect;
      }
    },
    close: () => agent.close(),
  };
}

function parseHttpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchError(value, 'not a valid URL', false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(value, `only http(s) URLs are fetched, not ${url.protocol}`, false);
  return url;
}

const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  return PRIVATE.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

async function checkPublic(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    throw new FetchError(url.href, `cannot resolve ${host} (${(error as { code?: string }).code ?? 'DNS error'})`, true);
  }
  const inside = addresses.find(isPrivateAddress);
  if (inside) throw new FetchError(url.href, `${host} is a private or loopback address (${inside}); only the feed's own host may be`, false);
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return `timed out connecting (${timeoutMs} ms)`;
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return `timed out waiting for an answer (${timeoutMs} ms)`;
  if (code === 'UND_ERR_BODY_TIMEOUT') return `timed out reading the answer (${timeoutMs} ms)`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `request failed: ${code || cause || (error as Error).message}`;
}

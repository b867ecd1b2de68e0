/**
 * The community channels the articles send readers to (#sig-node, #crio, …), kept as data
 * in `channels.yml` beside the articles, and the references to them inside article text.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommunityChannel } from '../answer/types.js';

export interface ChannelMap {
  /** Base URL of the community workspace, e.g. https://kubernetes.slack.com */
  workspaceUrl: string;
  /** Channel for questions no SIG owns. */
  fallback: string;
  channels: CommunityChannel[];
}

export const CHANNELS_FILE = 'channels.yml';

export function parseChannelMap(yamlText: string, source = CHANNELS_FILE): ChannelMap {
  const data = parse(yamlText) as { workspace?: unknown; fallback?: unknown; channels?: unknown } | null;
  const workspaceUrl = typeof data?.workspace === 'string' ? data.workspace.replace(/\/+$/, '') : '';
  if (!/^https?:\/\//.test(workspaceUrl)) throw new Error(`Channels: "workspace" in ${source} must be the community workspace URL`);
  if (!Array.isArray(data?.channels)) throw new Error(`Channels: "channels" in ${source} must be a list`);
  const channels = data.channels.map((entry: unknown, i: number): CommunityChannel => {
    const e = entry as { name?: unknown; sigs?: unknown };
    if (typeof e?.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(e.name)) {
      throw new Error(`Channels: entry ${i + 1} of ${source} needs a "name" like sig-node, got ${JSON.stringify(e?.name)}`);
    }
    const sigs = Array.isArray(e.sigs) ? e.sigs.filter((s): s is string => typeof s === 'string') : [];
    return { name: e.name, url: `${workspaceUrl}/messages/${e.name}`, sigs };
  });
  const fallback = typeof data.fallback === 'string' ? data.fallback : 'kubernetes-users';
  return { workspaceUrl, fallback, channels };
}

/** Reads `channels.yml` from the corpus; a corpus without one gets an empty map. */
export async function readChannelMap(corpusDir: string): Promise<ChannelMap> {
  let text: string;
  try {
    text = await readFile(join(corpusDir, CHANNELS_FILE), 'utf8');
  } catch {
    return parseChannelMap('workspace: https://kubernetes.slack.com\nchannels: []\n');
  }
  return parseChannelMap(text, join(corpusDir, CHANNELS_FILE));
}

/**
 * The warning for a corpus without `channels.yml`, or undefined when it has one: without it every
 * answer silently points to #kubernetes-users, which an operator should hear about at start.
 */
export async function readMissingChannelsWarning(corpusDir: string): Promise<string | undefined> {
  const file = join(corpusDir, CHANNELS_FILE);
  const found = await access(file).then(() => true, () => false);
  if (found) return undefined;
  return `Warning: ${file} is missing, so every answer points to #kubernetes-users and no SIG channel is named or announced. Copy corpus/${CHANNELS_FILE} there and adapt it (README: "Adding an article").`;
}

const REFERENCE = /(?<![\w&#/.-])#([a-z][a-z0-9-]{1,79})(?![\w-])/g;

/** Channels an article's text names (`#sig-node`), known ones and any SIG/WG channel. */
export function findChannelReferences(text: string, map: ChannelMap): string[] {
  const known = new Set(map.channels.map((c) => c.name));
  const found = new Set<string>();
  for (const m of text.matchAll(REFERENCE)) {
    const name = m[1]!;
    if (known.has(name) || /^(sig|wg|ug)-/.test(name)) found.add(name);
  }
  return [...found];
}

/** The channel for an article: its first SIG's channel, else a channel its text names, else none. */
export function selectChannel(map: ChannelMap, sigs: readonly string[], referenced: readonly string[]): CommunityChannel | null {
  for (const sig of sigs) {
    const channel = map.channels.find((c) => c.name === sig) ?? map.channels.find((c) => c.sigs.includes(sig));
    if (channel) return channel;
  }
  for (const name of referenced) {
    const channel = map.channels.find((c) => c.name === name);
    if (channel) return channel;
  }
  return null;
}

export function fallbackChannel(map: ChannelMap): CommunityChannel {
  return map.channels.find((c) => c.name === map.fallback) ?? { name: map.fallback, url: `${map.workspaceUrl}/messages/${map.fallback}`, sigs: [] };
}

/**
 * The channel of the one SIG (or WG/UG) the question names ("SIG Storageのチェア", sig-storage):
 * asked about SIG Storage, the place to ask is #sig-storage whatever page answered. Null when it
 * names none, or several.
 */
export function channelNamedIn(map: ChannelMap, question: string): CommunityChannel | null {
  const text = question.normalize('NFKC').toLowerCase();
  const ids = new Set(map.channels.flatMap((c) => [c.name, ...c.sigs]).filter((id) => /^(sig|wg|ug)-/.test(id)));
  const named = new Set<CommunityChannel>();
  for (const id of ids) {
    const channel = namePattern(id).test(text) ? selectChannel(map, [id], []) : null;
    if (channel) named.add(channel);
  }
  return named.size === 1 ? [...named][0]! : null;
}

/** sig-cloud-provider as written in prose: SIG Cloud Provider, sig-cloud-provider, SIG-Cloud-Provider. */
function namePattern(id: string): RegExp {
  return new RegExp(`(?<![a-z0-9])${id.split('-').join('[\\s_-]*')}(?![a-z0-9])`);
}

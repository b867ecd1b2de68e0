/**
 * A minimal Socket Mode server for tests: answers the WebSocket handshake on 127.0.0.1, says
 * `hello`, delivers envelopes (slash commands, events, interactivity) and records the app's acks.
 * Node 20 has a WebSocket client but no server, hence the few lines of RFC 6455 framing below
 * (text, ping/pong and close frames; no extensions, no fragmentation).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeSocketMode {
  /** ws://127.0.0.1:PORT/link — what apps.connections.open should return. */
  url: string;
  /** Resolves once the app's client has connected. */
  connected: Promise<void>;
  /** Sends an envelope; resolves with the app's ack (its `payload`, if any). */
  deliver(type: 'slash_commands' | 'events_api' | 'interactive', payload: object): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  let socket: Socket | undefined;
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const acks = new Map<string, (ack: Record<string, unknown>) => void>();
  let envelopes = 0;

  const server: Server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, sock: Socket) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}${GUID}`).digest('base64');
    sock.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = sock;
    let buffer = Buffer.alloc(0);
    sock.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.length);
        if (frame.opcode === 0x9) sock.write(encodeFrame(frame.payload, 0xa));
        else if (frame.opcode === 0x8) sock.end(encodeFrame(Buffer.alloc(0), 0x8));
        else if (frame.opcode === 0x1) {
          const ack = JSON.parse(frame.payload.toString('utf8')) as { envelope_id?: string; payload?: Record<string, unknown> };
          if (ack.envelope_id) acks.get(ack.envelope_id)?.(ack.payload ?? {});
        }
      }
    });
    sock.on('error', () => undefined);
    sock.write(encodeFrame(Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }))));
    onConnected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}/link`,
    connected,
    deliver(type, payload) {
      const envelopeId = `env-${++envelopes}`;
      const acked = new Promise<Record<string, unknown>>((resolve) => acks.set(envelopeId, resolve));
      socket!.write(encodeFrame(Buffer.from(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }))));
      return acked;
    },
    close: () =>
      new Promise<void>((resolve) => {
        socket?.destroy();
        server.close(() => resolve());
      }),
  };
}

function encodeFrame(payload: Buffer, opcode = 0x1): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.from([0x80 | opcode, length]) : length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126 && length < 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else if (length >= 65536) {
    header[0] = 0x80 | opcode;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** One client frame (always masked) from the start of `buffer`, or undefined if incomplete. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = buffer[0]! & 0x0f;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (buffer[1]! & 0x80) !== 0;
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buffer[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}

/**
 * The one root logger (pino, JSON lines). Tokens, secrets and authorization headers are
 * redacted wherever they appear; question text is only logged at debug level by callers.
 */
import { pino, type Logger, type LevelWithSilent } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
];

const SECRET_PATTERN = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)\b/g;

/** Masks Slack tokens inside free text (error messages can quote a request). */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, (t) => `${t.slice(0, 5)}[REDACTED]`);
}

export function createLogger(level: LevelWithSilent = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Messages are free text: mask any token quoted in them.
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a)) as Parameters<typeof method>;
          method.apply(this, masked);
        },
      },
    },
    destination,
  );
}

/**
 * Error fields worth logging, under `failure` (pino's `err` serializer would add every property
 * of the error, request bodies included); any token quoted in the message is masked.
 */
export function errorInfo(error: unknown): { type: string; message: string } {
  const info = error instanceof Error ? { type: error.name, message: error.message } : { type: typeof error, message: String(error) };
  return { type: info.type, message: redactSecrets(info.message) };
}

import { pino, type Logger, type LoggerOptions } from 'pino';
import type { Config } from './config.ts';

/** Paths that may hold a secret; pino replaces them before the line is written. */
const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.apiKey',
  '*.key',
  '*.ingestToken',
  '*.token',
];

/** Drops the `token` query parameter (ingest clients may authenticate with it) from a logged URL. */
export function scrubUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[Redacted]');
}

/** pino options shared by every service, so a token never reaches a log line. */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL'>, name: string): LoggerOptions {
  return {
    name,
    level: config.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[Redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id?: string; ip?: string }) => ({
        method: req.method,
        url: scrubUrl(req.url),
        id: req.id,
        remoteAddress: req.ip,
      }),
    },
  };
}

/** The one logger of a service. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, name: string): Logger {
  return pino(loggerOptions(config, name));
}

export type { Logger };

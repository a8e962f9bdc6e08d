import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting of every service, with its default. docs/CONFIG.md documents each variable; README names the
 * limits. No other file reads process.env.
 */
const configSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  API_PORT: port.default(3000),
  INGEST_PORT: port.default(3001),
  WORKER_PORT: port.default(3002),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/anchorwatch'),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default('anchorwatch'),
  PUBLIC_INGEST_URL: z.string().default('ws://127.0.0.1:3001'),
  INGEST_MAX_FRAME_BYTES: positiveInt.default(256 * 1024),
  INGEST_SOCKET_MAX_PAYLOAD_BYTES: positiveInt.default(1024 * 1024),
  INGEST_MAX_EVENTS_PER_FRAME: positiveInt.default(500),
  INGEST_MAX_TEXT_LENGTH: positiveInt.default(4000),
  INGEST_MAX_EVENTS_PER_SECOND: positiveInt.default(2000),
  INGEST_BATCH_MAX_EVENTS: positiveInt.default(200),
  INGEST_BATCH_LINGER_MS: z.coerce.number().int().min(0).default(5),
  INGEST_SESSION_RECHECK_MS: positiveInt.default(5000),
  INGEST_CONNECTION_STALE_MS: positiveInt.default(30_000),
  WORKER_CONCURRENCY: positiveInt.default(4),
  WORKER_JOB_ATTEMPTS: positiveInt.default(10),
  WORKER_CATALOG_TTL_MS: positiveInt.default(5000),
  WORKER_LOCK_DURATION_MS: positiveInt.default(30_000),
  WORKER_ORDER_WAIT_MS: positiveInt.default(5000),
  WORKER_ORDER_RETRY_MS: positiveInt.default(50),
  API_RATE_LIMIT_PER_MINUTE: positiveInt.default(1200),
  OUTBOX_POLL_MS: positiveInt.default(1000),
  OUTBOX_BATCH_SIZE: positiveInt.default(500),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  ANCHORWATCH_SHARED_DATA: z.string().default('../shared/data'),
  EVIDENCE_PRE_ROLL_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  EVIDENCE_POST_ROLL_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  EVIDENCE_FINALISE_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  EVIDENCE_SILENCE_GAP_SECONDS: z.coerce.number().min(0).default(10),
  EVIDENCE_SESSION_END_GRACE_MS: z.coerce.number().int().min(0).default(5_000),
  EVIDENCE_SWEEP_INTERVAL_MS: positiveInt.default(10_000),
  EVIDENCE_CONCURRENCY: positiveInt.default(2),
  EVIDENCE_RETENTION_DAYS: positiveInt.default(30),
  EVIDENCE_PURGE_INTERVAL_MS: positiveInt.default(3_600_000),
  EVIDENCE_PURGE_BATCH_SIZE: positiveInt.default(5_000),
  EVIDENCE_EXPORT_MAX_CLIPS: positiveInt.default(500),
  EVIDENCE_PDF_FONT_PATH: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  RULES_MAX_PER_CONTRACT: positiveInt.default(500),
  CHAT_BURST_WINDOW_MS: positiveInt.default(60_000),
  CHAT_BURST_MIN_COMPLAINTS: positiveInt.default(5),
  WEB_DIST_DIR: z.string().default(''),
  FEED_HEARTBEAT_MS: positiveInt.default(15_000),
  FEED_REPLAY_PAGE_SIZE: positiveInt.default(500),
  FEED_MAX_PENDING_EVENTS: positiveInt.default(10_000),
  FEED_MAX_BUFFERED_BYTES: positiveInt.default(4 * 1024 * 1024),
  PUBLIC_API_URL: z.string().default('http://127.0.0.1:3000'),
  WEBHOOK_SECRET_KEY: z
    .string()
    .default('')
    .refine((v) => v === '' || Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  WEBHOOK_SECRET_OVERLAP_MS: positiveInt.default(24 * 3600_000),
  WEBHOOK_ALLOWED_ADDRESSES: z.string().default(''),
  WEBHOOK_MAX_PER_MERCHANT: positiveInt.default(25),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  WEBHOOK_MAX_ATTEMPTS: positiveInt.default(14),
  WEBHOOK_BACKOFF_BASE_MS: positiveInt.default(60_000),
  WEBHOOK_BACKOFF_MAX_MS: positiveInt.default(4 * 3600_000),
  WEBHOOK_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(100),
  WEBHOOK_SLACK_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  WEBHOOK_CONCURRENCY: positiveInt.default(8),
  WEBHOOK_GROUP_COOLDOWN_MS: positiveInt.default(5 * 60_000),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

/** Thrown at startup when the environment is invalid; names every bad variable at once. */
export class ConfigError extends Error {}

/** Parses the environment once; fails fast naming each bad variable. Tests pass overrides instead of env. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return Object.freeze({ ...parsed.data, ...overrides });
}

import { createLogger, createRedis, loadConfig, onShutdown } from '@anchorwatch/runtime';
import { createPool } from '@anchorwatch/store';
import Fastify from 'fastify';
import { ingestApp } from './app.ts';
import { createIngestQueue } from './ingest-queue.ts';

const config = loadConfig();
const logger = createLogger(config, 'ingest');
const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
const redis = createRedis(config.REDIS_URL, 'producer');
const queue = createIngestQueue(redis, config);
let draining = false;

const app = Fastify({ loggerInstance: logger, trustProxy: true });
await app.register(ingestApp, { config, pool, redis, queue, isDraining: () => draining });

onShutdown(logger, config.SHUTDOWN_GRACE_MS, async () => {
  draining = true;
  await app.close();
  await queue.close();
  redis.disconnect();
  await pool.end();
});

await app.listen({ host: config.HOST, port: config.INGEST_PORT });

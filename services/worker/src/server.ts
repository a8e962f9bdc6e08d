import { createLogger, createRedis, loadConfig, onShutdown } from '@anchorwatch/runtime';
import { createPool } from '@anchorwatch/store';
import Fastify from 'fastify';
import { workerApp } from './app.ts';

const config = loadConfig();
const logger = createLogger(config, 'worker');
const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
const redis = createRedis(config.REDIS_URL, 'worker');
let draining = false;

const app = Fastify({ loggerInstance: logger });
await app.register(workerApp, { config, pool, redis, isDraining: () => draining });

onShutdown(logger, config.SHUTDOWN_GRACE_MS, async () => {
  draining = true;
  await app.close();
  redis.disconnect();
  await pool.end();
});

await app.listen({ host: config.HOST, port: config.WORKER_PORT });

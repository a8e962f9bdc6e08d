import { createLogger, loadConfig, onShutdown } from '@anchorwatch/runtime';
import { createPool } from '@anchorwatch/store';
import Fastify from 'fastify';
import { apiApp } from './app.ts';

const config = loadConfig();
const logger = createLogger(config, 'api');
const pool = createPool(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
let draining = false;

const app = Fastify({ loggerInstance: logger, requestIdHeader: 'x-request-id', trustProxy: true });
await app.register(apiApp, { config, pool, isDraining: () => draining });

onShutdown(logger, config.SHUTDOWN_GRACE_MS, async () => {
  draining = true;
  await app.close();
  await pool.end();
});

await app.listen({ host: config.HOST, port: config.API_PORT });

import { apiApp } from '@anchorwatch/api/app';
import { ingestApp } from '@anchorwatch/ingest/app';
import { createIngestQueue } from '@anchorwatch/ingest/ingest-queue';
import { createRedis, type Config } from '@anchorwatch/runtime';
import { createPool, type Pool } from '@anchorwatch/store';
import { workerApp } from '@anchorwatch/worker/app';
import Fastify, { type FastifyInstance } from 'fastify';

export interface Stack {
  config: Config;
  pool: Pool;
  apiUrl: string;
  ingestBaseUrl: string;
  api: FastifyInstance;
  ingest: FastifyInstance;
  worker: FastifyInstance | null;
  startWorker(): Promise<FastifyInstance>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

const address = (app: FastifyInstance): string => {
  const a = app.server.address();
  if (!a || typeof a === 'string') throw new Error('server is not listening on TCP');
  return `127.0.0.1:${a.port}`;
};

/**
 * The three services in this process, on real sockets on 127.0.0.1 (random ports), against the given
 * PostgreSQL and Redis (tests pass `testConfig()`, benchmarks their own database). The worker can be stopped and started to rehearse its absence.
 */
export async function startStack(config0: Config, options: { worker?: boolean } = {}): Promise<Stack> {
  const base: Config = Object.freeze({ ...config0, HOST: '127.0.0.1' });
  const pool = createPool(base.DATABASE_URL, base.DATABASE_POOL_SIZE);
  const producer = createRedis(base.REDIS_URL, 'producer');
  const queue = createIngestQueue(producer, base);

  const ingest = Fastify();
  await ingest.register(ingestApp, { config: base, pool, redis: producer, queue });
  await ingest.listen({ host: '127.0.0.1', port: 0 });
  const ingestBaseUrl = `ws://${address(ingest)}`;
  const config: Config = Object.freeze({ ...base, PUBLIC_INGEST_URL: ingestBaseUrl });

  const api = Fastify();
  await api.register(apiApp, { config, pool });
  await api.listen({ host: '127.0.0.1', port: 0 });

  const workerRedis = createRedis(base.REDIS_URL, 'worker');
  const stack: Stack = {
    config,
    pool,
    apiUrl: `http://${address(api)}`,
    ingestBaseUrl,
    api,
    ingest,
    worker: null,
    async startWorker() {
      const worker = Fastify();
      await worker.register(workerApp, { config, pool, redis: workerRedis });
      await worker.listen({ host: '127.0.0.1', port: 0 });
      stack.worker = worker;
      return worker;
    },
    async stopWorker() {
      await stack.worker?.close();
      stack.worker = null;
    },
    async close() {
      await stack.stopWorker();
      await ingest.close();
      await api.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
      producer.disconnect();
      workerRedis.disconnect();
      await pool.end();
    },
  };
  if (options.worker !== false) await stack.startWorker();
  return stack;
}

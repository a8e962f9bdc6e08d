import websocket from '@fastify/websocket';
import { pingRedis, registerHealthRoutes, type Config } from '@anchorwatch/runtime';
import type { IngestBatchJob } from '@anchorwatch/schemas';
import { pingDatabase, type Pool } from '@anchorwatch/store';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { IngestConnection } from './connection.ts';
import { enqueueBatch } from './ingest-queue.ts';
import { ingestSocketRoute } from './routes/ingest-socket.ts';

export interface IngestOptions {
  config: Config;
  pool: Pool;
  redis: Redis;
  queue: Queue<IngestBatchJob>;
  isDraining?: () => boolean;
}

/**
 * Registers the ingest service: health routes and the WebSocket route. On close it first queues every
 * connection's pending events, then closes the sockets ("going away"), so nothing received is lost.
 */
export async function ingestApp(app: FastifyInstance, options: IngestOptions): Promise<void> {
  const { config, pool, redis, queue } = options;
  const connections = new Set<IngestConnection>();

  await app.register(websocket, {
    options: { maxPayload: config.INGEST_SOCKET_MAX_PAYLOAD_BYTES },
    preClose: async function drainConnections(this: FastifyInstance) {
      await Promise.all([...connections].map((c) => c.drain()));
      for (const client of this.websocketServer.clients) client.close(1001, 'server shutting down');
    },
  });
  registerHealthRoutes(
    app,
    { database: () => pingDatabase(pool), redis: () => pingRedis(redis) },
    options.isDraining,
  );
  await app.register(ingestSocketRoute, {
    config,
    pool,
    connections,
    enqueue: (session, events) => enqueueBatch(queue, redis, session, events),
  });
}

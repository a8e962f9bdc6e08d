import { bearerToken, type Config } from '@anchorwatch/runtime';
import { AnchorwatchError, httpStatusOf, type ReceivedEvent } from '@anchorwatch/schemas';
import {
  findSessionByIngestToken,
  getSessionContext,
  recordConnectionClosed,
  recordConnectionOpened,
  touchConnection,
  type Pool,
  type SessionContext,
} from '@anchorwatch/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { IngestConnection } from '../connection.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ingestSession: SessionContext | null;
  }
}

export interface IngestRouteOptions {
  config: Config;
  pool: Pool;
  enqueue: (session: SessionContext, events: ReceivedEvent[]) => Promise<void>;
  connections: Set<IngestConnection>;
}

/** Close code sent when the session is ended while the socket is open. */
export const SESSION_ENDED_CLOSE_CODE = 4409;

const params = z.object({ id: z.string().uuid() });

function tokenOf(request: FastifyRequest): string | null {
  const header = bearerToken(request.headers.authorization);
  if (header) return header;
  const query = request.query as { token?: unknown };
  return typeof query.token === 'string' && query.token.length > 0 ? query.token : null;
}

/** Authenticates the session's ingest token before the upgrade: a refused client gets an HTTP error, not a socket. */
async function authenticate(pool: Pool, request: FastifyRequest): Promise<SessionContext> {
  const parsed = params.safeParse(request.params);
  const token = tokenOf(request);
  if (!token) throw new AnchorwatchError('unauthorized', 'send the ingest token as "Authorization: Bearer TOKEN" or ?token=');
  if (!parsed.success) throw new AnchorwatchError('not_found', 'session not found');
  const session = await findSessionByIngestToken(pool, parsed.data.id, token);
  if (!session) throw new AnchorwatchError('unauthorized', 'unknown session or wrong ingest token');
  if (session.status === 'ended') throw new AnchorwatchError('session_ended', 'this session has ended');
  return session;
}

/** `GET /v1/sessions/:id/ingest` (WebSocket): live transcript, chat and product-on-air events of one session. */
export async function ingestSocketRoute(app: FastifyInstance, options: IngestRouteOptions): Promise<void> {
  const { config, pool, connections } = options;
  app.decorateRequest('ingestSession', null);

  app.get(
    '/v1/sessions/:id/ingest',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        try {
          request.ingestSession = await authenticate(pool, request);
        } catch (err) {
          if (!(err instanceof AnchorwatchError)) throw err;
          return reply.code(httpStatusOf[err.code]).send({ error: { code: err.code, message: err.message } });
        }
      },
    },
    (socket, request) => {
      const session = request.ingestSession!;
      const log = request.log.child({ sessionId: session.id });
      const connection = new IngestConnection(socket, {
        limits: {
          maxFrameBytes: config.INGEST_MAX_FRAME_BYTES,
          maxEventsPerFrame: config.INGEST_MAX_EVENTS_PER_FRAME,
          maxTextLength: config.INGEST_MAX_TEXT_LENGTH,
        },
        maxEventsPerSecond: config.INGEST_MAX_EVENTS_PER_SECOND,
        batch: { maxEvents: config.INGEST_BATCH_MAX_EVENTS, lingerMs: config.INGEST_BATCH_LINGER_MS },
        enqueue: (events) => options.enqueue(session, events),
        logger: log,
      });
      connections.add(connection);
      log.info('ingest connected');
      // Evidence clips mark the time no connection was open; recording it never holds up the stream.
      const recorded = recordConnectionOpened(pool, session, new Date()).catch((err: unknown) => {
        log.warn({ err }, 'recording the connection failed');
        return null;
      });

      // The session may be ended through the API while the stream runs; notice it without a query per frame. The
      // same tick is the connection's heartbeat: if this process dies, evidence sees the connection end here.
      const recheck = setInterval(() => {
        void recorded
          .then((id) => (id === null ? undefined : touchConnection(pool, id, new Date())))
          .catch((err: unknown) => log.warn({ err }, 'connection heartbeat failed'));
        getSessionContext(pool, session.id).then(
          (current) => {
            if (current?.status !== 'ended') return;
            void connection.drain().then(() => socket.close(SESSION_ENDED_CLOSE_CODE, 'session ended'));
          },
          (err: unknown) => log.warn({ err }, 'session recheck failed'),
        );
      }, config.INGEST_SESSION_RECHECK_MS);

      socket.on('message', (data: Buffer) => connection.receive(data));
      socket.on('close', (code: number) => {
        clearInterval(recheck);
        connections.delete(connection);
        void connection.drain();
        const closedAt = new Date();
        void recorded
          .then((id) => (id === null ? undefined : recordConnectionClosed(pool, id, closedAt, code)))
          .catch((err: unknown) => log.warn({ err }, 'recording the disconnect failed'));
        log.info({ code }, 'ingest disconnected');
      });
      socket.on('error', (err: Error) => log.warn({ err }, 'ingest socket error'));
    },
  );
}

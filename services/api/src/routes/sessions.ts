import {
  createdSession,
  createSessionBody,
  errorBody,
  idParams,
  session,
  sessionEvent,
  sessionEventsQuery,
} from '@anchorwatch/schemas';
import { createSession, endSession, getSession, listSessionEventsInWindow, listSessions } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** Live sessions: each is one stream of one contract, with its own ingest token. */
export const sessionsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool, config }) => {
  app.post(
    '/v1/sessions',
    {
      preHandler: allow(),
      schema: {
        description: 'Open a live session; returns the ingest token (shown once) and the ingest URL.',
        body: createSessionBody,
        response: { 201: createdSession, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const created = await createSession(pool, principalOf(request).merchantId, request.body);
      const ingestUrl = `${config.PUBLIC_INGEST_URL.replace(/\/$/, '')}/v1/sessions/${created.id}/ingest`;
      return reply.code(201).send({ ...created, ingestUrl });
    },
  );

  app.get(
    '/v1/sessions',
    {
      preHandler: allow('staff', 'legal'),
      schema: { description: 'List sessions, newest first.', response: { 200: z.array(session) } },
    },
    async (request) => listSessions(pool, principalOf(request).merchantId),
  );

  app.get(
    '/v1/sessions/:id',
    {
      preHandler: allow('staff', 'legal'),
      schema: { description: 'One session.', params: idParams, response: { 200: session, 404: errorBody } },
    },
    async (request) => getSession(pool, principalOf(request).merchantId, request.params.id),
  );

  app.post(
    '/v1/sessions/:id/end',
    {
      preHandler: allow(),
      schema: {
        description: 'End a session: ingest refuses new connections; queued events are still analysed.',
        params: idParams,
        response: { 200: session, 404: errorBody },
      },
    },
    async (request) => endSession(pool, principalOf(request).merchantId, request.params.id),
  );

  app.get(
    '/v1/sessions/:id/events',
    {
      preHandler: allow('staff', 'legal'),
      schema: {
        description: 'Transcript and chat lines of a session between two stream offsets (seconds), oldest first.',
        params: idParams,
        querystring: sessionEventsQuery,
        response: { 200: z.array(sessionEvent), 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { merchantId } = principalOf(request);
      await getSession(pool, merchantId, request.params.id);
      return listSessionEventsInWindow(pool, request.params.id, request.query);
    },
  );
};

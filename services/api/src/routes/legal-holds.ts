import { createLegalHoldBody, errorBody, idParams, legalHold } from '@anchorwatch/schemas';
import { listLegalHolds, placeLegalHold, releaseLegalHold } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../plugins/audit.ts';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** Legal holds (roles legal and admin): while one is active, nothing of its contract or session is purged. */
export const legalHoldsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.post(
    '/v1/legal-holds',
    {
      preHandler: allow('legal'),
      schema: {
        description: 'Place a legal hold on a contract or a session (exactly one).',
        body: createLegalHoldBody,
        response: { 201: legalHold, 400: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const hold = await placeLegalHold(pool, p.merchantId, p.keyId, request.body);
      await audit(pool, request, 'legal_hold.place', { holdId: hold.id, contractId: hold.contractId, sessionId: hold.sessionId });
      return reply.code(201).send(hold);
    },
  );

  app.get(
    '/v1/legal-holds',
    {
      preHandler: allow('legal'),
      schema: { description: 'List legal holds, newest first (released ones too).', response: { 200: z.array(legalHold), 403: errorBody } },
    },
    async (request) => listLegalHolds(pool, principalOf(request).merchantId),
  );

  app.post(
    '/v1/legal-holds/:id/release',
    {
      preHandler: allow('legal'),
      schema: {
        description: 'Release a legal hold; purging may then reach what it kept.',
        params: idParams,
        response: { 200: legalHold, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const hold = await releaseLegalHold(pool, p.merchantId, p.keyId, request.params.id);
      await audit(pool, request, 'legal_hold.release', { holdId: hold.id });
      return hold;
    },
  );
};

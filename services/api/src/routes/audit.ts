import { auditEntry, auditQuery, errorBody } from '@anchorwatch/schemas';
import { listAudit } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** The append-only audit log of evidence access (admins only). */
export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.get(
    '/v1/audit',
    {
      preHandler: allow(),
      schema: {
        description: 'Audit log newest first: who viewed, exported or verified evidence or placed holds, when and from where.',
        querystring: auditQuery,
        response: { 200: z.array(auditEntry), 400: errorBody, 403: errorBody },
      },
    },
    async (request) => listAudit(pool, principalOf(request).merchantId, request.query),
  );
};

import { alert, errorBody, listAlertsQuery } from '@anchorwatch/schemas';
import { listAlerts } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** The merchant's alerts. */
export const alertsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.get(
    '/v1/alerts',
    {
      preHandler: allow('staff', 'legal'),
      schema: {
        description: 'List alerts newest first, filtered by session, product and creation time (since, exclusive).',
        querystring: listAlertsQuery,
        response: { 200: z.array(alert), 400: errorBody },
      },
    },
    async (request) => listAlerts(pool, principalOf(request).merchantId, request.query),
  );
};

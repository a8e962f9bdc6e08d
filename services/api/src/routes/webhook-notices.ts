import { webhookNotice, type WebhookNotice } from '@anchorwatch/schemas';
import { listWebhooks } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** Notices of disabled webhook endpoints, for every role: staff must know when alerts stop reaching Slack. */
export const webhookNoticesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.get(
    '/v1/webhook-notices',
    {
      preHandler: allow('staff', 'legal', 'ops'),
      schema: {
        description: 'Webhook endpoints that are disabled (failed for the whole retry schedule, or paused): host and reason only.',
        response: { 200: z.array(webhookNotice) },
      },
    },
    async (request): Promise<WebhookNotice[]> =>
      (await listWebhooks(pool, principalOf(request).merchantId)).flatMap((w) =>
        w.disabledAt
          ? [{ webhookId: w.id, format: w.format, host: new URL(w.url).host, description: w.description, disabledAt: w.disabledAt, disabledReason: w.disabledReason }]
          : [],
      ),
  );
};

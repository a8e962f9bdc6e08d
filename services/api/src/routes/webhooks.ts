import {
  AnchorwatchError,
  createdWebhook,
  createWebhookBody,
  deliveryParams,
  errorBody,
  idParams,
  listDeliveriesQuery,
  messageIdOf,
  queuedDelivery,
  rotatedSecret,
  updateWebhookBody,
  WEBHOOK_QUEUE,
  webhook,
  webhookDelivery,
  type WebhookJob,
} from '@anchorwatch/schemas';
import {
  countWebhooks,
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  recordDelivery,
  reopenDeadDelivery,
  rotateWebhookSecret,
  updateWebhook,
  withTransaction,
} from '@anchorwatch/store';
import {
  checkWebhookUrl,
  deliverJobId,
  deliverJobOptions,
  generateSigningSecret,
  parseAllowList,
  parseSecretKey,
  RefusedUrlError,
  sealSecret,
} from '@anchorwatch/webhooks';
import { Queue } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** Webhook endpoints of the caller's merchant, their delivery log and replays; ops and admins only. */
export const webhooksRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool, redis, config }) => {
  const allowList = parseAllowList(config.WEBHOOK_ALLOWED_ADDRESSES);
  const secretKey = config.WEBHOOK_SECRET_KEY ? parseSecretKey(config.WEBHOOK_SECRET_KEY) : null;
  const queue = new Queue<WebhookJob>(WEBHOOK_QUEUE, { connection: redis, prefix: config.QUEUE_PREFIX });
  app.addHook('onClose', async () => queue.close());
  app.addHook('preHandler', allow('ops'));

  const sealNewSecret = (): { secret: string; sealed: string } => {
    if (!secretKey) throw new AnchorwatchError('webhooks_not_configured', 'webhooks need WEBHOOK_SECRET_KEY to be set on the server');
    const secret = generateSigningSecret();
    return { secret, sealed: sealSecret(secret, secretKey) };
  };
  const checkUrl = async (url: string): Promise<void> => {
    try {
      await checkWebhookUrl(url, allowList);
    } catch (err) {
      if (err instanceof RefusedUrlError) throw new AnchorwatchError('webhook_url_refused', `webhook URL refused: ${err.message}`);
      throw err;
    }
  };
  const enqueue = async (deliveryId: string, jobId: string): Promise<void> => {
    try {
      await queue.add('deliver', { type: 'deliver', deliveryId }, deliverJobOptions(jobId, config.WEBHOOK_MAX_ATTEMPTS));
    } catch (err) {
      throw new AnchorwatchError('unavailable', 'cannot queue the delivery (Redis unreachable); try again', { cause: err });
    }
  };

  app.post(
    '/v1/webhooks',
    {
      schema: {
        description: 'Register a webhook endpoint (Standard Webhooks or Slack); the signing secret is shown once.',
        body: createWebhookBody,
        response: { 201: createdWebhook, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 503: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      if ((await countWebhooks(pool, merchantId)) >= config.WEBHOOK_MAX_PER_MERCHANT) {
        throw new AnchorwatchError('conflict', `at most ${config.WEBHOOK_MAX_PER_MERCHANT} webhooks per merchant (WEBHOOK_MAX_PER_MERCHANT)`);
      }
      await checkUrl(request.body.url);
      const { secret, sealed } = sealNewSecret();
      const created = await createWebhook(pool, merchantId, request.body, sealed);
      return reply.code(201).send({ ...created, secret });
    },
  );

  app.get(
    '/v1/webhooks',
    { schema: { description: 'List webhook endpoints (without secrets), with any disable notice.', response: { 200: z.array(webhook) } } },
    async (request) => listWebhooks(pool, principalOf(request).merchantId),
  );

  app.get(
    '/v1/webhooks/:id',
    { schema: { description: 'One webhook endpoint.', params: idParams, response: { 200: webhook, 404: errorBody } } },
    async (request) => getWebhook(pool, principalOf(request).merchantId, request.params.id),
  );

  app.patch(
    '/v1/webhooks/:id',
    {
      schema: {
        description: 'Change an endpoint; `enabled: true` re-enables one disabled after failing, `false` pauses it.',
        params: idParams,
        body: updateWebhookBody,
        response: { 200: webhook, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { merchantId } = principalOf(request);
      await getWebhook(pool, merchantId, request.params.id);
      if (request.body.url !== undefined) await checkUrl(request.body.url);
      return updateWebhook(pool, merchantId, request.params.id, request.body);
    },
  );

  app.delete(
    '/v1/webhooks/:id',
    { schema: { description: 'Delete an endpoint; its queued deliveries are dropped.', params: idParams, response: { 204: z.null(), 404: errorBody } } },
    async (request, reply) => {
      await deleteWebhook(pool, principalOf(request).merchantId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/webhooks/:id/rotate-secret',
    {
      schema: {
        description: 'Issue a new signing secret (shown once); the old one also signs until previousSecretExpiresAt.',
        params: idParams,
        response: { 200: rotatedSecret, 404: errorBody, 503: errorBody },
      },
    },
    async (request) => {
      const { secret, sealed } = sealNewSecret();
      const rotated = await rotateWebhookSecret(pool, principalOf(request).merchantId, request.params.id, sealed, config.WEBHOOK_SECRET_OVERLAP_MS);
      return { secret, ...rotated };
    },
  );

  app.post(
    '/v1/webhooks/:id/test',
    {
      schema: {
        description: 'Queue a test event to the endpoint; its outcome appears in the delivery log.',
        params: idParams,
        response: { 202: queuedDelivery, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      const target = await getWebhook(pool, merchantId, request.params.id);
      if (target.disabledAt) throw new AnchorwatchError('conflict', 'the endpoint is disabled; enable it first');
      const { id } = await recordDelivery(pool, {
        merchantId, webhookId: target.id, kind: 'test', dedupeKey: `test:${randomUUID()}`, alert: null, alertCount: 1,
      });
      await enqueue(id, deliverJobId(id));
      return reply.code(202).send({ deliveryId: id, messageId: messageIdOf(id) });
    },
  );

  app.get(
    '/v1/webhooks/:id/deliveries',
    {
      schema: {
        description: 'The delivery log, newest first: every attempt with status code and latency; `status=dead` is the dead-letter list.',
        params: idParams,
        querystring: listDeliveriesQuery,
        response: { 200: z.array(webhookDelivery), 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { merchantId } = principalOf(request);
      await getWebhook(pool, merchantId, request.params.id);
      return listDeliveries(pool, merchantId, request.params.id, request.query);
    },
  );

  app.post(
    '/v1/webhooks/:id/deliveries/:deliveryId/replay',
    {
      schema: {
        description: 'Send a dead-lettered delivery again (same webhook-id), with a fresh retry schedule.',
        params: deliveryParams,
        response: { 202: queuedDelivery, 404: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      const { id, deliveryId } = request.params;
      const target = await getWebhook(pool, merchantId, id);
      if (target.disabledAt) throw new AnchorwatchError('conflict', 'the endpoint is disabled; enable it (PATCH enabled: true) before replaying');
      await withTransaction(pool, (tx) => reopenDeadDelivery(tx, merchantId, id, deliveryId));
      await enqueue(deliveryId, `${deliverJobId(deliveryId)}-replay-${randomUUID()}`);
      return reply.code(202).send({ deliveryId, messageId: messageIdOf(deliveryId) });
    },
  );
};

import {
  alert,
  dismissAlertBody,
  errorBody,
  idParams,
  listFeedbackQuery,
  detectorFeedback,
  type AlertActionStatus,
} from '@anchorwatch/schemas';
import {
  changeAlertStatus,
  getAlert,
  listDetectorFeedback,
  recordAlertEvents,
  withTransaction,
  type Pool,
} from '@anchorwatch/store';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/**
 * Applies one lifecycle move and writes it to the alert outbox in the same transaction (so the feed and webhooks
 * hear of it exactly when it commits); returns the alert as it now is.
 */
async function moveAlert(
  pool: Pool,
  request: FastifyRequest,
  alertId: string,
  to: AlertActionStatus,
  reason: string | null,
): Promise<z.infer<typeof alert>> {
  const { merchantId, keyId } = principalOf(request);
  return withTransaction(pool, async (tx) => {
    await changeAlertStatus(tx, { merchantId, keyId }, alertId, to, reason);
    await recordAlertEvents(tx, [{ alertId, kind: 'status_changed' }]);
    return getAlert(tx, merchantId, alertId);
  });
}

const moveResponses = { 200: alert, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** What people do with an alert: acknowledge, resolve or dismiss it (with a reason kept as detector feedback). */
export const alertLifecycleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.get(
    '/v1/alerts/:id',
    {
      preHandler: allow('staff', 'legal'),
      schema: { description: 'One alert with its lifecycle.', params: idParams, response: { 200: alert, 404: errorBody } },
    },
    async (request) => getAlert(pool, principalOf(request).merchantId, request.params.id),
  );

  app.post(
    '/v1/alerts/:id/acknowledge',
    {
      preHandler: allow('staff'),
      schema: {
        description: 'Acknowledge an open alert: someone is looking at it. 409 invalid_transition otherwise.',
        params: idParams,
        response: moveResponses,
      },
    },
    async (request) => moveAlert(pool, request, request.params.id, 'acknowledged', null),
  );

  app.post(
    '/v1/alerts/:id/resolve',
    {
      preHandler: allow('staff'),
      schema: {
        description: 'Resolve an open or acknowledged alert: it was acted on. 409 invalid_transition otherwise.',
        params: idParams,
        response: moveResponses,
      },
    },
    async (request) => moveAlert(pool, request, request.params.id, 'resolved', null),
  );

  app.post(
    '/v1/alerts/:id/dismiss',
    {
      preHandler: allow('staff'),
      schema: {
        description: 'Dismiss an open or acknowledged alert with a reason, kept as feedback on the detector.',
        params: idParams,
        body: dismissAlertBody,
        response: moveResponses,
      },
    },
    async (request) => moveAlert(pool, request, request.params.id, 'dismissed', request.body.reason),
  );

  app.get(
    '/v1/feedback',
    {
      preHandler: allow(),
      schema: {
        description: 'Dismissals with their reasons (feedback on the detector), newest first; admins only.',
        querystring: listFeedbackQuery,
        response: { 200: z.array(detectorFeedback), 400: errorBody, 403: errorBody },
      },
    },
    async (request) => listDetectorFeedback(pool, principalOf(request).merchantId, request.query),
  );
};

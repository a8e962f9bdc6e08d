import { apiKey, createdKey, createKeyBody, errorBody, idParams } from '@anchorwatch/schemas';
import { createApiKey, listApiKeys, revokeApiKey } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** API keys of the caller's merchant; admins only. */
export const keysRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.addHook('preHandler', allow());

  app.post(
    '/v1/keys',
    {
      schema: {
        description: 'Create an API key with a role; the key is shown once.',
        body: createKeyBody,
        response: { 201: createdKey, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiKey(pool, principalOf(request).merchantId, request.body)),
  );

  app.get(
    '/v1/keys',
    { schema: { description: 'List live API keys (without secrets).', response: { 200: z.array(apiKey) } } },
    async (request) => listApiKeys(pool, principalOf(request).merchantId),
  );

  app.delete(
    '/v1/keys/:id',
    {
      schema: {
        description: 'Revoke an API key.',
        params: idParams,
        response: { 204: z.null(), 404: errorBody },
      },
    },
    async (request, reply) => {
      await revokeApiKey(pool, principalOf(request).merchantId, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

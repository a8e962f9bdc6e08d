import { contract, createContractBody, errorBody } from '@anchorwatch/schemas';
import { createContract, listContracts } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** Contracts with hosts ("anchors") over some of the merchant's products. */
export const contractsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.post(
    '/v1/contracts',
    {
      preHandler: allow(),
      schema: {
        description: 'Create a contract: the host and the contracted products.',
        body: createContractBody,
        response: { 201: contract, 400: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createContract(pool, principalOf(request).merchantId, request.body)),
  );

  app.get(
    '/v1/contracts',
    {
      preHandler: allow('staff', 'legal'),
      schema: { description: 'List the merchant\'s contracts.', response: { 200: z.array(contract) } },
    },
    async (request) => listContracts(pool, principalOf(request).merchantId),
  );
};

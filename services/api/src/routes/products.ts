import { createProductBody, errorBody, product } from '@anchorwatch/schemas';
import { createProduct, listProducts } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

/** The merchant's product catalogue. */
export const productsRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool }) => {
  app.post(
    '/v1/products',
    {
      preHandler: allow(),
      schema: {
        description: 'Add a product (with the aliases people use for it).',
        body: createProductBody,
        response: { 201: product, 400: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => reply.code(201).send(await createProduct(pool, principalOf(request).merchantId, request.body)),
  );

  app.get(
    '/v1/products',
    {
      preHandler: allow('staff', 'legal', 'ops'),
      schema: { description: 'List the merchant\'s products.', response: { 200: z.array(product) } },
    },
    async (request) => listProducts(pool, principalOf(request).merchantId),
  );
};

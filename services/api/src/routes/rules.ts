import { compileRulePattern } from '@anchorwatch/engine';
import { contractRule, contractRuleIdParams, contractRuleParams, errorBody, ruleBody, type RuleBody } from '@anchorwatch/schemas';
import { createRule, deleteRule, getRule, listRules, replaceRule, withTransaction } from '@anchorwatch/store';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow, principalOf } from '../plugins/auth.ts';
import type { RouteDeps } from './deps.ts';

// A regex RE2 cannot run in linear time, or one too large, is refused here, before it reaches a worker.
const checkPattern = (body: RuleBody): void => {
  if (body.kind === 'regex' && body.pattern) compileRulePattern(body.pattern);
};

const writeErrors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const ruleDescription =
  'kind keyword|phrase takes terms, regex an RE2 pattern (case-insensitive; no look-around), sentiment a threshold 0..1; ' +
  'scope host|chat|both. Live sessions pick up the change on their next batch.';

/** A contract's merchant rules: admins write them, staff and legal read them. */
export const rulesRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { pool, config }) => {
  app.post(
    '/v1/contracts/:contractId/rules',
    {
      preHandler: allow(),
      schema: {
        description: `Add a rule to a contract. ${ruleDescription}`,
        params: contractRuleParams,
        body: ruleBody,
        response: { 201: contractRule, ...writeErrors },
      },
    },
    async (request, reply) => {
      checkPattern(request.body);
      const { merchantId } = principalOf(request);
      const rule = await withTransaction(pool, (tx) =>
        createRule(tx, merchantId, request.params.contractId, request.body, config.RULES_MAX_PER_CONTRACT),
      );
      return reply.code(201).send(rule);
    },
  );

  app.get(
    '/v1/contracts/:contractId/rules',
    {
      preHandler: allow('staff', 'legal'),
      schema: {
        description: 'List a contract\'s rules, oldest first (the default rules every contract gets are in the README).',
        params: contractRuleParams,
        response: { 200: z.array(contractRule), 404: errorBody },
      },
    },
    async (request) => listRules(pool, principalOf(request).merchantId, request.params.contractId),
  );

  app.get(
    '/v1/contracts/:contractId/rules/:ruleId',
    {
      preHandler: allow('staff', 'legal'),
      schema: { description: 'One rule of a contract.', params: contractRuleIdParams, response: { 200: contractRule, 404: errorBody } },
    },
    async (request) => getRule(pool, principalOf(request).merchantId, request.params.contractId, request.params.ruleId),
  );

  app.put(
    '/v1/contracts/:contractId/rules/:ruleId',
    {
      preHandler: allow(),
      schema: {
        description: `Replace a rule's definition. ${ruleDescription}`,
        params: contractRuleIdParams,
        body: ruleBody,
        response: { 200: contractRule, ...writeErrors },
      },
    },
    async (request) => {
      checkPattern(request.body);
      const { merchantId } = principalOf(request);
      const { contractId, ruleId } = request.params;
      return withTransaction(pool, (tx) => replaceRule(tx, merchantId, contractId, ruleId, request.body));
    },
  );

  app.delete(
    '/v1/contracts/:contractId/rules/:ruleId',
    {
      preHandler: allow(),
      schema: {
        description: 'Delete a rule; live sessions stop applying it on their next batch.',
        params: contractRuleIdParams,
        response: { 204: z.null(), 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const { merchantId } = principalOf(request);
      await withTransaction(pool, (tx) => deleteRule(tx, merchantId, request.params.contractId, request.params.ruleId));
      return reply.code(204).send(null);
    },
  );
};

import { createRedis, registerHealthRoutes, type Config } from '@anchorwatch/runtime';
import { pingDatabase, type Pool } from '@anchorwatch/store';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerRateLimit } from './plugins/rate-limit.ts';
import { registerAuthentication } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWebPage } from './plugins/web-page.ts';
import { alertsRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { legalHoldsRoutes } from './routes/legal-holds.ts';
import { alertLifecycleRoutes } from './routes/alert-lifecycle.ts';
import { alertFeedRoutes } from './routes/alert-feed.ts';
import { contractsRoutes } from './routes/contracts.ts';
import { keysRoutes } from './routes/keys.ts';
import { productsRoutes } from './routes/products.ts';
import { rulesRoutes } from './routes/rules.ts';
import { sessionsRoutes } from './routes/sessions.ts';
import { webhookNoticesRoutes } from './routes/webhook-notices.ts';
import { webhooksRoutes } from './routes/webhooks.ts';

export interface ApiOptions {
  config: Config;
  pool: Pool;
  isDraining?: () => boolean;
}

/** Registers the whole API on a Fastify instance: error mapping, OpenAPI, health, and the authenticated /v1 routes. */
export async function apiApp(app: FastifyInstance, { config, pool, isDraining }: ApiOptions): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerOpenApi(app);
  registerHealthRoutes(app, { database: () => pingDatabase(pool) }, isDraining);
  await registerWebPage(app, config);

  await app.register(async (v1) => {
    // One command connection for the whole API; closed after every plugin that uses it.
    const redis = createRedis(config.REDIS_URL, 'producer');
    v1.addHook('onClose', async () => redis.disconnect());
    registerAuthentication(v1, pool);
    await registerRateLimit(v1, config, redis);
    const deps = { pool, redis, config };
    await v1.register(keysRoutes, deps);
    await v1.register(productsRoutes, deps);
    await v1.register(contractsRoutes, deps);
    await v1.register(sessionsRoutes, deps);
    await v1.register(alertsRoutes, deps);
    await v1.register(evidenceRoutes, deps);
    await v1.register(legalHoldsRoutes, deps);
    await v1.register(auditRoutes, deps);
    await v1.register(rulesRoutes, deps);
    await v1.register(alertLifecycleRoutes, deps);
    await v1.register(alertFeedRoutes, deps);
    await v1.register(webhooksRoutes, deps);
    await v1.register(webhookNoticesRoutes, deps);
  });
}

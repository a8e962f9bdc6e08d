import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => Promise<boolean>;

/**
 * Registers `/healthz` (the process answers) and `/readyz` (every dependency answers) on a service.
 * Readiness turns false while the service drains, so a load balancer stops sending it work.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  checks: Record<string, ReadinessCheck>,
  isDraining: () => boolean = () => false,
): void {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok', checks: {} }));
  app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((n) => checks[n]!().catch(() => false)));
    const status: Record<string, boolean> = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
    status.accepting = !isDraining();
    const ok = Object.values(status).every(Boolean);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: status });
  });
}

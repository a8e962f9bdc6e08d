import { appendAudit, type Queryable } from '@anchorwatch/store';
import type { FastifyRequest } from 'fastify';
import { principalOf } from './auth.ts';

/** Writes who did what to evidence, when and from where to the append-only audit log. */
export async function audit(
  db: Queryable,
  request: FastifyRequest,
  action: string,
  target: Record<string, unknown>,
): Promise<void> {
  const principal = principalOf(request);
  const userAgent = request.headers['user-agent'];
  await appendAudit(db, {
    merchantId: principal.merchantId,
    keyId: principal.keyId,
    role: principal.role,
    action,
    target,
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null,
  });
}

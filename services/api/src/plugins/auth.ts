import { bearerToken } from '@anchorwatch/runtime';
import { AnchorwatchError, type Role } from '@anchorwatch/schemas';
import { findPrincipalByKey, type Pool, type Principal } from '@anchorwatch/store';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Resolves the caller's API key on every request of the scope it is registered in; unknown keys get 401. */
export function registerAuthentication(app: FastifyInstance, pool: Pool): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const key = bearerToken(request.headers.authorization);
    if (!key) throw new AnchorwatchError('unauthorized', 'send an API key as "Authorization: Bearer KEY"');
    const principal = await findPrincipalByKey(pool, key);
    if (!principal) throw new AnchorwatchError('unauthorized', 'unknown or revoked API key');
    request.principal = principal;
  });
}

/** The authenticated caller; routes run only after authentication, so it is always set there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AnchorwatchError('unauthorized', 'not authenticated');
  return request.principal;
}

/** A preHandler that lets only the given roles through (admins always pass). */
export function allow(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const { role } = principalOf(request);
    if (role !== 'admin' && !roles.includes(role)) {
      throw new AnchorwatchError('forbidden', `this action needs one of the roles: ${['admin', ...roles].join(', ')}`);
    }
  };
}

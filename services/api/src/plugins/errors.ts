import { AnchorwatchError, httpStatusOf, type ErrorBody, type ErrorCode } from '@anchorwatch/schemas';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const codeForStatus = (status: number): ErrorCode =>
  status === 401 ? 'unauthorized'
  : status === 403 ? 'forbidden'
  : status === 404 ? 'not_found'
  : status === 409 ? 'conflict'
  : status === 429 ? 'rate_limited'
  : status === 503 ? 'unavailable'
  : status >= 500 ? 'internal'
  : 'validation_failed';

/** Maps every error to `{"error": {code, message, requestId}}` in one place; 5xx text never leaves the server. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AnchorwatchError, request, reply) => {
    let status: number;
    let code: ErrorCode;
    let message = err.message;
    if (err instanceof AnchorwatchError) {
      code = err.code;
      status = httpStatusOf[code];
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      code = 'validation_failed';
      status = 400;
      message = err.validation
        .map((v) => `${v.instancePath || err.validationContext || 'request'}: ${v.message}`)
        .join('; ');
    } else {
      status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
      code = codeForStatus(status);
    }
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      message = 'internal error';
    }
    const body: ErrorBody = { error: { code, message, requestId: request.id } };
    return reply.code(status).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: { code: 'not_found', message: 'route not found', requestId: request.id } };
    return reply.code(404).send(body);
  });
}

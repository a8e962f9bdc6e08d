import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { Config } from '@anchorwatch/runtime';
import type { ErrorBody } from '@anchorwatch/schemas';
import type { FastifyInstance } from 'fastify';

const defaultDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

// The page talks only to its own origin; nothing inline, no framing.
const pagePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; " +
  "media-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * Serves the built staff page (services/web) at `/` without authentication: it holds no data, and signs in with
 * an API key itself. When the page was never built, `/` answers 503 saying how to build it.
 */
export async function registerWebPage(app: FastifyInstance, config: Config): Promise<void> {
  const root = config.WEB_DIST_DIR || defaultDist;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'staff page not built; run `npm run build:web`');
    // Sent as is: the error handler hides 5xx messages, and this one is for the operator to read.
    app.get('/', { schema: { hide: true } }, async (request, reply) => {
      const body: ErrorBody = {
        error: { code: 'unavailable', message: 'the staff page is not built: run `npm run build:web` (npm start does it)', requestId: request.id },
      };
      return reply.code(503).send(body);
    });
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    setHeaders(reply, path) {
      reply.header('x-content-type-options', 'nosniff');
      if (/[/\\]assets[/\\]/.test(path)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        reply.header('cache-control', 'no-cache');
        reply.header('content-security-policy', pagePolicy);
        reply.header('referrer-policy', 'no-referrer');
      }
    },
  });
}

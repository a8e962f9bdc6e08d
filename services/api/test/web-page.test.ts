import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorBody } from '@anchorwatch/schemas';
import { createPool } from '@anchorwatch/store';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/config.ts';
import { apiApp } from '../src/app.ts';

describe('the staff page route', () => {
  it('answers 503 with a typed error saying how to build the page when it was never built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aw-web-'));
    const config = testConfig({ WEB_DIST_DIR: empty });
    const pool = createPool(config.DATABASE_URL, 1);
    const app = Fastify();
    try {
      await app.register(apiApp, { config, pool });
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(503);
      const body = res.json<ErrorBody>();
      expect(body.error.code).toBe('unavailable');
      expect(body.error.message).toContain('npm run build:web');
      // The API itself is unaffected.
      expect((await app.inject({ method: 'GET', url: '/v1/alerts' })).statusCode).toBe(401);
    } finally {
      await app.close();
      await pool.end();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

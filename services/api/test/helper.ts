import type { Config } from '@anchorwatch/runtime';
import { createPool, type Pool } from '@anchorwatch/store';
import Fastify, { type FastifyInstance } from 'fastify';

import { testConfig } from '../../../test/support/config.ts';
import { apiApp } from '../src/app.ts';

export interface ApiUnderTest {
  app: FastifyInstance;
  pool: Pool;
  url: string;
}

/** Builds the API on a real 127.0.0.1 socket for one test file; closed when the caller's scope ends. */
export async function buildApi(overrides: Partial<Config> = {}): Promise<ApiUnderTest> {
  const config = testConfig(overrides);
  const pool = createPool(config.DATABASE_URL, 4);
  const app = Fastify();
  await app.register(apiApp, { config, pool });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return { app, pool, url: `http://127.0.0.1:${address.port}` };
}

/** Closes what buildApi opened. */
export async function closeApi(api: ApiUnderTest): Promise<void> {
  await api.app.close();
  await api.pool.end();
}


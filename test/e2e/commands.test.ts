import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { createDetector, DEFAULT_RULES, detectStream } from '@anchorwatch/engine';
import { catalog as catalogSchema, ingestEvent } from '@anchorwatch/schemas';
import { dropDatabase } from '@anchorwatch/store';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/config.ts';
import { call, eventually } from '../support/http.ts';
import { startStack, type Stack } from '../support/stack.ts';

const run = promisify(execFile);
const cli = 'services/cli/bin/anchorwatch.js';
const sharedData = testConfig().ANCHORWATCH_SHARED_DATA;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack(testConfig(), { worker: false });
});
afterAll(() => stack.close());

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
};

describe('npx anchorwatch', () => {
  it('merchants create prints a merchant id and an admin key that works against the API', async () => {
    const { stdout } = await run('npx', ['--no-install', 'anchorwatch', 'merchants', 'create', '--name', 'Acme'], {
      env: { ...process.env, DATABASE_URL: stack.config.DATABASE_URL },
    });
    const created = JSON.parse(stdout) as { merchantId: string; apiKey: string };
    expect(created.merchantId).toMatch(/^[0-9a-f-]{36}$/);
    const keys = await call<{ role: string }[]>(stack.apiUrl, 'GET', '/v1/keys', created.apiKey);
    expect(keys.status).toBe(200);
    expect(keys.body.map((k) => k.role)).toEqual(['admin']);
  });

  it('refuses bad arguments with a usage message and exit code 2', async () => {
    await expect(run(process.execPath, [cli, 'merchants', 'create'])).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, [cli, 'frobnicate'])).rejects.toMatchObject({ code: 2 });
  });

  it('detect prints the same findings as the engine, one JSON line each', async () => {
    const dir = `${sharedData}/livecommerce-dev`;
    const { stdout } = await run(process.execPath, [
      cli, 'detect', '--catalog', `${dir}/catalog.json`, '--input', `${dir}/events.jsonl`, '--started-at', '2026-11-20T12:00:00Z',
    ], { maxBuffer: 10 * 1024 * 1024 });
    const printed = stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string });
    const catalog = catalogSchema.parse(JSON.parse(readFileSync(`${dir}/catalog.json`, 'utf8')));
    const events = readFileSync(`${dir}/events.jsonl`, 'utf8').trim().split('\n').map((l) => ingestEvent.parse(JSON.parse(l)));
    const detector = createDetector(catalog, { rules: DEFAULT_RULES });
    const expected = detectStream(detector, events, { startedAtMs: Date.parse('2026-11-20T12:00:00Z') });
    expect(printed.length).toBeGreaterThan(0);
    // Chat bursts follow the per-line findings; test/e2e/rules-parity.test.ts checks them against the worker.
    expect(printed.filter((f) => f.kind !== 'chat_burst')).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('npm start', () => {
  it('creates the database, runs all three services until SIGTERM, then stops cleanly', async () => {
    const url = new URL(stack.config.DATABASE_URL);
    url.pathname = `${url.pathname}_start`;
    const [api, ingest, worker] = [await freePort(), await freePort(), await freePort()];
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        QUEUE_PREFIX: `${stack.config.QUEUE_PREFIX}_start`,
        API_PORT: String(api),
        INGEST_PORT: String(ingest),
        WORKER_PORT: String(worker),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    try {
      for (const port of [api, ingest, worker]) {
        await eventually(async () => {
          const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
          return res?.status === 200 ? true : undefined;
        }, 30_000, 200);
      }
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await dropDatabase(url.toString());
    }
  });
});

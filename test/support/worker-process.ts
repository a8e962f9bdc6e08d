import { spawn, type ChildProcess } from 'node:child_process';
import type { Config } from '@anchorwatch/runtime';

/**
 * Starts the worker service as a child process on the stack's database, Redis and queue prefix, so a test can
 * SIGKILL it mid-job: a crash an in-process worker cannot rehearse. `env` overrides settings (strings, as in env).
 */
export function spawnWorker(config: Config, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'services/worker/src/server.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      WORKER_PORT: '0',
      WORKER_LOCK_DURATION_MS: '1000',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: 'ignore',
  });
}

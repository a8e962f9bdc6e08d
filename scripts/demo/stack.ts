import type { Config } from '@anchorwatch/runtime';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The running services: either found running (left alone) or started here (stopped by `stop`). */
export interface Stack {
  apiUrl: string;
  /** Set when this process started the stack; its output goes here instead of the demo's stdout. */
  logFile: string | null;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** The address to reach a local service at: a wildcard listen host is reached over loopback. */
function localUrl(config: Config, port: number): string {
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** True when `url` answers 200 within a second. */
async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** Waits until every readiness URL answers 200; fails naming the ones that never did. */
async function waitUntilReady(
  urls: string[],
  child: ChildProcess | null,
  logFile: string | null,
  signal: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let pending = urls;
  while (pending.length > 0) {
    signal.throwIfAborted();
    if (child && child.exitCode !== null) {
      throw new Error(`npm start exited with code ${child.exitCode} before the services were ready${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s: ${pending.join(', ')}${tail(logFile)}`);
    }
    const results = await Promise.all(pending.map(answers));
    pending = pending.filter((_, i) => !results[i]);
    if (pending.length > 0) await sleep(250, undefined, { signal });
  }
}

/** The last lines of the stack's log, to put the cause of a failed start next to the error. */
function tail(logFile: string | null): string {
  if (!logFile) return '';
  const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15);
  return `\nlast lines of ${logFile}:\n${lines.join('\n')}`;
}

/** Stops the stack started here: one SIGTERM to the launcher, which passes it on to each service once. */
async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(graceMs + 5000, false, { ref: false })]);
  // The launcher's group holds the three services; after the grace period nothing of it may stay behind.
  if (!stopped && child.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }
}

/**
 * Finds the API at the configured port or runs `npm start` (scripts/start.ts) and waits, bounded, until the
 * api, ingest and worker all report ready. An abort (Ctrl-C) while waiting stops what was started.
 */
export async function ensureStack(
  config: Config,
  options: { repoRoot: string; signal: AbortSignal; onSpawn: (logFile: string) => void },
): Promise<Stack> {
  const { repoRoot, signal } = options;
  const apiUrl = localUrl(config, config.API_PORT);
  const readiness = [config.API_PORT, config.INGEST_PORT, config.WORKER_PORT].map((p) => `${localUrl(config, p)}/readyz`);
  if (await answers(`${apiUrl}/healthz`)) {
    await waitUntilReady(readiness, null, null, signal);
    return { apiUrl, logFile: null, stop: async () => undefined };
  }

  const logFile = join(tmpdir(), `anchorwatch-demo-stack-${process.pid}.log`);
  const fd = openSync(logFile, 'w');
  // A process group of its own: Ctrl-C reaches only the demo, which then stops the stack with a single signal
  // (close-with-grace exits at once on a second one).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  options.onSpawn(logFile);
  const stop = () => stopChild(child, config.SHUTDOWN_GRACE_MS);
  // Last resort if the demo dies without running its cleanup: exit handlers can only act synchronously.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  try {
    await waitUntilReady(readiness, child, logFile, signal);
  } catch (err) {
    await stop();
    throw err;
  }
  return { apiUrl, logFile, stop };
}

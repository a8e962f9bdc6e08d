// `npm start`: prepares the database, then runs api, ingest and worker as three processes until SIGTERM/SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { createLogger, loadConfig } from '@anchorwatch/runtime';
import { ensureDatabase, migrate } from '@anchorwatch/store';
import { buildWeb } from '@anchorwatch/web/build';

const services = ['api', 'ingest', 'worker'] as const;
const config = loadConfig();
const logger = createLogger(config, 'start');

await ensureDatabase(config.DATABASE_URL);
const applied = await migrate(config.DATABASE_URL);
logger.info({ applied }, 'database ready');
// The staff page is built here (only when its sources changed) so a fresh clone serves it at `/`.
await buildWeb().then(
  () => logger.info('staff page built'),
  (err: unknown) => logger.error({ err }, 'staff page build failed; the API answers 503 at /'),
);

const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill(signal);
}

for (const name of services) {
  const child = spawn(process.execPath, ['--import', 'tsx', `services/${name}/src/server.ts`], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
    // Own process group: Ctrl-C in a terminal signals only this process, which then stops each service once,
    // instead of every service getting SIGINT from the terminal and SIGTERM from here (a "second signal").
    detached: true,
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      logger.error({ service: name, code, signal }, 'service exited; stopping the others');
      process.exitCode = 1;
      stopAll('SIGTERM');
    }
    if (children.size === 0) logger.info('all services stopped');
  });
}
logger.info(
  { api: `http://127.0.0.1:${config.API_PORT}`, ingest: config.PUBLIC_INGEST_URL, workerHealth: `http://127.0.0.1:${config.WORKER_PORT}/healthz` },
  'anchorwatch running',
);

process.on('SIGTERM', () => stopAll('SIGTERM'));
process.on('SIGINT', () => stopAll('SIGTERM'));

import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';

/**
 * Runs `close` once on SIGTERM/SIGINT or a fatal error, then exits; gives up after `graceMs` so a stuck
 * dependency cannot keep a pod alive forever.
 */
export function onShutdown(logger: Logger, graceMs: number, close: () => Promise<void>): void {
  closeWithGrace({ delay: graceMs, logger }, async ({ signal, err }) => {
    if (err) logger.error({ err }, 'fatal error, shutting down');
    else logger.info({ signal }, 'shutting down');
    await close();
  });
}

import type { Alert } from '@anchorwatch/schemas';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from './api-client.ts';

// `since` compares creation times, but a batch that began earlier can commit after a later one was read: look
// back this far on every poll and drop what was already seen.
const LOOKBACK_MS = 10_000;

/** Polls a session's alerts and reports each one once, oldest first, as it appears. */
export class AlertWatcher {
  private readonly seen = new Map<string, Alert>();
  private readonly stopping = new AbortController();
  private loop: Promise<void> | null = null;
  private lastNewAt = Date.now();

  constructor(
    private readonly api: ApiClient,
    private readonly sessionId: string,
    private readonly handlers: { onAlert: (alert: Alert) => void; onError: (err: Error) => void },
    private readonly intervalMs = 500,
  ) {}

  /** Every alert reported so far, oldest first. */
  get alerts(): Alert[] {
    return [...this.seen.values()];
  }

  /** Starts polling every `intervalMs` until `stop`. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Fetches once and reports the alerts not seen before. */
  async poll(): Promise<void> {
    const newest = Math.max(0, ...[...this.seen.values()].map((a) => Date.parse(a.createdAt)));
    const since = newest > 0 ? new Date(newest - LOOKBACK_MS).toISOString() : undefined;
    const fresh = (await this.api.listAlerts(this.sessionId, since)).filter((a) => !this.seen.has(a.id)).reverse();
    for (const alert of fresh) {
      this.seen.set(alert.id, alert);
      this.lastNewAt = Date.now();
      this.handlers.onAlert(alert);
    }
  }

  /** Resolves once no new alert has appeared for `quietMs` (counted from now at the earliest), or after `maxMs`. */
  async quiet(quietMs: number, maxMs: number, signal: AbortSignal): Promise<void> {
    const from = Date.now();
    const deadline = from + maxMs;
    while (Date.now() < deadline && Date.now() - Math.max(from, this.lastNewAt) < quietMs) {
      await sleep(100, undefined, { signal });
    }
  }

  /** Stops polling and waits for a poll in flight to finish. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    while (!signal.aborted) {
      await this.poll().catch((err: unknown) => {
        this.handlers.onError(err instanceof Error ? err : new Error(String(err)));
      });
      await sleep(this.intervalMs, undefined, { signal }).catch(() => undefined);
    }
  }
}

import {
  ALERT_EVENTS_CHANNEL,
  listUndispatchedAlertEvents,
  markAlertEventsDispatched,
  numberPendingAlertEvents,
  type Pool,
  type PoolClient,
} from '@anchorwatch/store';
import type { FastifyBaseLogger } from 'fastify';
import type { AlertSink } from './alert-sink.ts';

/** A sink refused a batch: the lead is kept and the same events are offered again after a pause. */
class SinkFailed extends Error {}

// One dispatcher per database leads: feed numbers must be handed out by one writer, in the order sinks hear them.
const LEADER_LOCK_KEY = 7_311_204_905_113n;

export interface DispatcherOptions {
  pool: Pool;
  sinks: AlertSink[];
  batchSize: number;
  pollMs: number;
  log: FastifyBaseLogger;
}

export interface AlertDispatcher {
  /** True while this process holds the leader lock and dispatches. */
  isLeader(): boolean;
  /** Stops after the batch in hand and gives up the leader lock. */
  close(): Promise<void>;
}

/**
 * Starts the outbox dispatcher: the leader (an advisory lock on a dedicated connection) numbers committed outbox
 * rows, hands them to every sink and marks them dispatched; the others stand by and take over when its connection
 * goes. It wakes on the commit notification and polls as a fallback.
 */
export function createAlertDispatcher(options: DispatcherOptions): AlertDispatcher {
  const { pool, sinks, batchSize, pollMs, log } = options;
  let leader: PoolClient | null = null;
  let closed = false;
  let wake: (() => void) | null = null;
  let pendingWake = false;

  const poke = (): void => {
    pendingWake = true;
    wake?.();
  };

  const pause = (): Promise<void> =>
    pendingWake
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(done, pollMs);
          function done(): void {
            clearTimeout(timer);
            wake = null;
            resolve();
          }
          wake = done;
        });

  const dropLeadership = (err?: Error): void => {
    if (!leader) return;
    leader.off('notification', poke);
    leader.off('error', onConnectionError);
    leader.release(err ?? true);
    leader = null;
  };

  function onConnectionError(err: Error): void {
    log.error({ err }, 'outbox dispatcher lost its connection');
    dropLeadership(err);
  }

  async function tryToLead(): Promise<void> {
    const client = await pool.connect();
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK_KEY]);
    if (!rows[0]?.ok) {
      client.release();
      return;
    }
    leader = client;
    client.on('notification', poke);
    client.on('error', onConnectionError);
    await client.query(`LISTEN ${ALERT_EVENTS_CHANNEL}`);
    log.info('outbox dispatcher leads');
  }

  async function dispatchAll(client: PoolClient): Promise<void> {
    for (;;) {
      pendingWake = false;
      await numberPendingAlertEvents(client, batchSize);
      const pending = await listUndispatchedAlertEvents(client, batchSize);
      if (pending.length === 0) return;
      const events = pending.map((p) => p.event);
      for (const sink of sinks) {
        try {
          await sink.deliver(events);
        } catch (err) {
          throw new SinkFailed(`alert sink ${sink.name} failed`, { cause: err });
        }
      }
      await markAlertEventsDispatched(client, pending.map((p) => p.seq));
      if (closed) return;
    }
  }

  const loop = (async () => {
    while (!closed) {
      try {
        if (!leader) await tryToLead();
        if (leader) await dispatchAll(leader);
      } catch (err) {
        // A sink failure keeps the lead and retries the same rows after a pause; a database failure gives it up.
        log.error({ err }, 'outbox dispatch failed; retrying');
        if (!(err instanceof SinkFailed)) dropLeadership(err instanceof Error ? err : undefined);
      }
      if (!closed) await pause();
    }
  })();

  return {
    isLeader: () => leader !== null,
    async close() {
      closed = true;
      poke();
      await loop;
      // The connection LISTENs and carries our listeners: destroy it rather than return it to the pool. Closing
      // it also releases the advisory lock.
      dropLeadership();
    },
  };
}

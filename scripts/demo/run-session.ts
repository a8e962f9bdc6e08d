import type { Alert, ErrorFrame } from '@anchorwatch/schemas';
import { AlertWatcher } from './alert-watcher.ts';
import { dim, formatAlert, formatSent } from './format.ts';
import { IngestSocket } from './replay.ts';
import { scheduleEvents, type SampleSession } from './sample-session.ts';
import type { DemoTenant } from './setup-tenant.ts';

/** What came of one replayed session. */
export interface SessionOutcome {
  sent: number;
  acked: number;
  refused: ErrorFrame[];
  /** The session's alerts once it ended, oldest first (retracted ones are gone from this list). */
  alerts: Alert[];
  /** Alerts printed during the run that the final list no longer holds. */
  retracted: Alert[];
}

const ACK_TIMEOUT_MS = 10_000;
// The worker raises an alert well under a second after receipt; wait this long without a new one before ending.
const QUIET_MS = 2_000;
const QUIET_MAX_MS = 15_000;

/**
 * Streams the sample into the tenant's live session at `speed`× real time while printing each line as it is sent
 * and each alert as it appears, then ends the session (also when interrupted) and reads the final alert list.
 */
export async function runSession(
  tenant: DemoTenant,
  sample: SampleSession,
  options: { speed: number; signal: AbortSignal },
): Promise<SessionOutcome> {
  const { api, session } = tenant;
  const { signal } = options;
  const zeroMs = Date.parse(session.startedAt ?? new Date().toISOString());
  const schedule = scheduleEvents(sample.events, tenant.productIdByKey, zeroMs);
  const productName = (id: string) => tenant.productNameById.get(id) ?? id;
  const watcher = new AlertWatcher(api, session.id, {
    onAlert: (alert) => console.log(formatAlert(alert, productName(alert.productId))),
    onError: (err) => console.log(dim(`   (reading alerts failed: ${err.message})`)),
  });

  const socket = await IngestSocket.connect(session.ingestUrl, session.ingestToken);
  let sent = 0;
  let acked = 0;
  watcher.start();
  try {
    sent = await socket.replay(schedule, {
      zeroMs,
      speed: options.speed,
      signal,
      onSend: (item) => console.log(formatSent(item, productName)),
    });
    acked = await socket.settle(schedule.map((s) => s.event.id), ACK_TIMEOUT_MS, signal);
    await socket.close();
    await watcher.quiet(QUIET_MS, QUIET_MAX_MS, signal);
  } finally {
    await socket.close();
    await watcher.stop();
    await api.endSession(session.id).catch((err: unknown) => console.log(`could not end the session: ${String(err)}`));
  }

  await watcher.poll();
  const alerts = (await api.listAlerts(session.id)).reverse();
  const kept = new Set(alerts.map((a) => a.id));
  return { sent, acked, refused: socket.errors, alerts, retracted: watcher.alerts.filter((a) => !kept.has(a.id)) };
}

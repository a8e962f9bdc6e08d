import { randomUUID } from 'node:crypto';
import type { Config } from '@anchorwatch/runtime';
import { messageIdOf } from '@anchorwatch/schemas';
import {
  disableWebhook,
  getDeliveryToSend,
  getWebhookTarget,
  markDeliveryDead,
  markDeliverySucceeded,
  recordAttempt,
  webhookSucceededSince,
  type DeliveryToSend,
  type Pool,
  type WebhookTarget,
} from '@anchorwatch/store';
import {
  alertPayload,
  evidenceUrlOf,
  openSecret,
  signPayload,
  slackAlertMessage,
  slackTestMessage,
  testPayload,
  type AllowList,
  type Resolver,
} from '@anchorwatch/webhooks';
import { DelayedError, type Job } from 'bullmq';
import type { EndpointGate } from './endpoint-gate.ts';
import { postWebhook, type SendResult } from './http-sender.ts';

export interface DeliverDeps {
  pool: Pool;
  config: Config;
  gate: EndpointGate;
  allow: AllowList;
  /** Key that opens the stored signing secrets; null when WEBHOOK_SECRET_KEY is unset. */
  secretKey: Buffer | null;
  resolve?: Resolver;
}

const GATE_RECHECK_MS = 1000;

export type DeliverOutcome = 'sent' | 'skipped' | 'dead';

/** The body and headers of one attempt: Standard Webhooks signed JSON, or a Slack Block Kit message. */
function buildRequest(d: DeliveryToSend, target: WebhookTarget, deps: DeliverDeps, at: Date): { body: string; headers: Record<string, string> } {
  const data =
    d.alert && d.product && d.session
      ? { alert: d.alert, product: d.product, session: d.session, count: d.alertCount, evidenceUrl: evidenceUrlOf(deps.config.PUBLIC_API_URL, d.alert.id) }
      : null;
  if (target.format === 'slack') {
    return { body: JSON.stringify(data ? slackAlertMessage(data) : slackTestMessage()), headers: {} };
  }
  const key = deps.secretKey;
  if (!key) throw new Error('WEBHOOK_SECRET_KEY is not set: cannot sign');
  const body = JSON.stringify(data ? alertPayload(data, at) : testPayload(target.id, at));
  const secrets = target.sealedSecrets.map((s) => openSecret(s, key));
  return { body, headers: { ...signPayload(secrets, messageIdOf(d.id), at, body) } };
}

/**
 * One attempt of one delivery. Waits its turn at the endpoint's gate (without spending an attempt), sends, logs
 * the attempt, and on failure throws so BullMQ retries on the webhook schedule; the last failure dead-letters the
 * delivery and disables the endpoint unless it received something since this delivery began.
 */
export async function processDelivery(deps: DeliverDeps, job: Job, token: string | undefined, deliveryId: string): Promise<DeliverOutcome> {
  const delivery = await getDeliveryToSend(deps.pool, deliveryId);
  if (!delivery || delivery.status !== 'pending') return 'skipped';
  const target = await getWebhookTarget(deps.pool, delivery.webhookId);
  if (!target || target.deleted || target.disabled) {
    // Kept in the dead-letter list: once the endpoint is enabled again it can be replayed.
    await markDeliveryDead(deps.pool, delivery.id);
    return 'dead';
  }

  const lease = randomUUID();
  const interval = target.format === 'slack' ? deps.config.WEBHOOK_SLACK_MIN_INTERVAL_MS : deps.config.WEBHOOK_MIN_INTERVAL_MS;
  const wait = await deps.gate.acquire(target.id, lease, deps.config.WEBHOOK_TIMEOUT_MS + 5000, interval);
  if (wait > 0) {
    // While a request is in flight the lease may end long before it expires; look again within a second or so
    // (jittered, so the jobs queued behind one endpoint do not wake together).
    await job.moveToDelayed(Date.now() + Math.min(wait, GATE_RECHECK_MS + Math.random() * GATE_RECHECK_MS / 4), token);
    throw new DelayedError();
  }
  let result: SendResult;
  try {
    const at = new Date();
    const { body, headers } = buildRequest(delivery, target, deps, at);
    result = await postWebhook(target.url, body, headers, { timeoutMs: deps.config.WEBHOOK_TIMEOUT_MS, allow: deps.allow, resolve: deps.resolve });
  } catch (err) {
    result = { ok: false, statusCode: null, latencyMs: 0, error: (err as Error).message, retryAfterMs: null };
  }
  // A crash before this line leaves the lease to expire on its own (timeout + 5 s).
  await deps.gate.release(target.id, lease, result.retryAfterMs ?? 0);
  await recordAttempt(deps.pool, delivery.id, result);
  if (result.ok) {
    await markDeliverySucceeded(deps.pool, delivery.id);
    return 'sent';
  }
  const attempts = job.opts.attempts ?? 1;
  if (job.attemptsMade + 1 >= attempts) {
    await markDeliveryDead(deps.pool, delivery.id);
    if (!(await webhookSucceededSince(deps.pool, target.id, new Date(job.timestamp)))) {
      await disableWebhook(deps.pool, target.id, `delivery ${delivery.id} failed ${attempts} times over the whole retry schedule (last: ${result.error})`);
    }
    return 'dead';
  }
  throw new Error(`delivery ${delivery.id} attempt failed: ${result.error}`);
}

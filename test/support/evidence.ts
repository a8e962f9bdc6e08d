import type { Config } from '@anchorwatch/runtime';
import type { EvidenceDetail, EvidenceSummary, IngestEvent } from '@anchorwatch/schemas';
import type { Pool } from '@anchorwatch/store';
import { testConfig } from './config.ts';
import { call, eventually } from './http.ts';
import { IngestClient } from './ingest-client.ts';
import type { Tenant } from './tenant.ts';
import type { Alert } from './types.ts';

/** Config for evidence tests: ended sessions are noticed and their clips finalised within a fraction of a second. */
export function evidenceTestConfig(overrides: Partial<Config> = {}): Config {
  return testConfig({
    INGEST_SESSION_RECHECK_MS: 200,
    EVIDENCE_SWEEP_INTERVAL_MS: 200,
    EVIDENCE_SESSION_END_GRACE_MS: 0,
    EVIDENCE_FINALISE_GRACE_MS: 0,
    ...overrides,
  });
}

/** A merchant's keys of every role, made through the API by its admin. */
export interface RoleKeys {
  admin: string;
  legal: string;
  staff: string;
  ops: string;
}

/** Creates a legal, a staff and an ops key for the tenant. */
export async function roleKeys(apiUrl: string, tenant: Tenant): Promise<RoleKeys> {
  const keys: Record<string, string> = { admin: tenant.adminKey };
  for (const role of ['legal', 'staff', 'ops']) {
    const res = await call<{ key: string }>(apiUrl, 'POST', '/v1/keys', tenant.adminKey, { role, name: `${role} key` });
    if (res.status !== 201) throw new Error(`key: ${res.status}`);
    keys[role] = res.body.key;
  }
  return keys as unknown as RoleKeys;
}

/** Sends events over one ingest socket and waits until all are acknowledged. */
export async function send(client: IngestClient, events: IngestEvent[]): Promise<void> {
  client.send(events);
  await client.waitForAcks(events.map((e) => e.id));
}

/** Waits until the session has `count` alerts and returns them. */
export async function alertsOf(apiUrl: string, key: string, sessionId: string, count: number): Promise<Alert[]> {
  return eventually(async () => {
    const res = await call<Alert[]>(apiUrl, 'GET', `/v1/alerts?sessionId=${sessionId}`, key);
    return res.body.length >= count ? res.body : undefined;
  }, 20_000);
}

/** Waits until the named events are stored. */
export async function storedEvents(pool: Pool, sessionId: string, ids: string[]): Promise<void> {
  await eventually(async () => {
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE session_id = $1 AND event_id = ANY($2)',
      [sessionId, ids],
    );
    return rows[0]!.n === ids.length ? true : undefined;
  }, 20_000);
}

/** Waits for the clip of an alert (through the legal API) and returns it in full. */
export async function clipOf(apiUrl: string, legalKey: string, alertId: string, timeoutMs = 20_000): Promise<EvidenceDetail> {
  const summary = await eventually(async () => {
    const res = await call<EvidenceSummary[]>(apiUrl, 'GET', `/v1/evidence?alertId=${alertId}`, legalKey);
    return res.body[0];
  }, timeoutMs);
  const detail = await call<EvidenceDetail>(apiUrl, 'GET', `/v1/evidence/${summary.id}`, legalKey);
  if (detail.status !== 200) throw new Error(`clip: ${detail.status}`);
  return detail.body;
}

/** A transcript line at `start` seconds lasting 1.5 s. */
export const line = (id: string, start: number, text: string): IngestEvent => ({
  type: 'transcript',
  id,
  start,
  end: start + 1.5,
  text,
  speaker: 'host',
  final: true,
});

/** A chat message `offset` seconds after stream start. */
export const chat = (id: string, startedAtMs: number, offset: number, text: string): IngestEvent => ({
  type: 'chat',
  id,
  ts: new Date(startedAtMs + offset * 1000).toISOString(),
  user: 'viewer1',
  text,
});

import type { Alert } from '@anchorwatch/schemas';
import { call, eventually } from './http.ts';
import { IngestClient } from './ingest-client.ts';
import type { Stack } from './stack.ts';
import type { LiveSession, Tenant } from './tenant.ts';

/**
 * Streams host lines into a live session over the ingest socket and returns the alerts they raised (one per
 * line expected), through the API, as a merchant would see them.
 */
export async function raiseAlerts(stack: Stack, tenant: Tenant, live: LiveSession, lines: { id: string; text: string; at: number }[]): Promise<Alert[]> {
  const client = await IngestClient.connect(live.session.ingestUrl, live.session.ingestToken);
  try {
    client.send(lines.map((l) => ({ type: 'transcript', id: l.id, start: l.at, end: l.at + 1, text: l.text, speaker: 'host', final: true })));
    await client.waitForAcks(lines.map((l) => l.id));
  } finally {
    await client.close();
  }
  const ids = new Set(lines.map((l) => l.id));
  return eventually(async () => {
    const res = await call<Alert[]>(stack.apiUrl, 'GET', `/v1/alerts?sessionId=${live.session.id}&limit=1000`, tenant.adminKey);
    const mine = res.body.filter((a) => ids.has(a.eventId));
    return new Set(mine.map((a) => a.eventId)).size === ids.size ? mine : undefined;
  });
}

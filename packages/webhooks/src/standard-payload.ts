import type { AlertRaisedData, WebhookPayload } from '@anchorwatch/schemas';

/** Where the evidence of an alert can be fetched (the API filters its evidence by alert). */
export const evidenceUrlOf = (publicApiUrl: string, alertId: string): string =>
  `${publicApiUrl.replace(/\/+$/, '')}/v1/evidence?alertId=${encodeURIComponent(alertId)}`;

/** The Standard Webhooks body of an alert notification. */
export function alertPayload(data: AlertRaisedData, at: Date): WebhookPayload {
  return { type: 'alert.raised', timestamp: at.toISOString(), data };
}

/** The body of a test event, sent on request to check an endpoint. */
export function testPayload(webhookId: string, at: Date): WebhookPayload {
  return {
    type: 'webhook.test',
    timestamp: at.toISOString(),
    data: { webhookId, message: 'Test event from Anchorwatch: your endpoint is reachable.' },
  };
}

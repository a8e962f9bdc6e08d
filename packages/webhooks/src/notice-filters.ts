import { severityRank, type Alert, type MuteWindow, type Severity } from '@anchorwatch/schemas';

/** What a webhook subscribes to. */
export interface WebhookFilters {
  minSeverity: Severity;
  productIds: readonly string[];
  sessionIds: readonly string[];
  muteWindows: readonly MuteWindow[];
}

/** True when the alert falls inside one of the webhook's mute windows (by when it was raised). */
export function isMuted(windows: readonly MuteWindow[], at: Date): boolean {
  const t = at.getTime();
  return windows.some((w) => Date.parse(w.startsAt) <= t && t < Date.parse(w.endsAt));
}

/** True when the webhook wants this alert: severity, product and session filters pass and it is not muted. */
export function wantsAlert(filters: WebhookFilters, alert: Alert): boolean {
  return (
    severityRank[alert.severity] >= severityRank[filters.minSeverity] &&
    (filters.productIds.length === 0 || filters.productIds.includes(alert.productId)) &&
    (filters.sessionIds.length === 0 || filters.sessionIds.includes(alert.sessionId)) &&
    !isMuted(filters.muteWindows, new Date(alert.createdAt))
  );
}

/** Repeats share this key: the same session, product and rule (Alertmanager-style grouping). */
export const groupKeyOf = (alert: Pick<Alert, 'sessionId' | 'productId' | 'rule'>): string =>
  `${alert.sessionId}:${alert.productId}:${alert.rule}`;

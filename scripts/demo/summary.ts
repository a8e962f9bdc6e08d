import { severityRank, type Severity } from '@anchorwatch/schemas';
import { bold, formatOffset } from './format.ts';
import type { SessionOutcome } from './run-session.ts';
import type { DemoTenant } from './setup-tenant.ts';

/** The closing lines: what was sent and acknowledged, the alerts by severity, and how to read them again. */
export function formatSummary(tenant: DemoTenant, outcome: SessionOutcome, elapsedMs: number): string[] {
  const { alerts, refused, retracted } = outcome;
  const bySeverity = (Object.keys(severityRank) as Severity[])
    .sort((a, b) => severityRank[b] - severityRank[a])
    .map((s) => [s, alerts.filter((a) => a.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const host = alerts.filter((a) => a.kind === 'host_negative').length;
  const lines = [
    '',
    bold(`Session ended after ${(elapsedMs / 1000).toFixed(1)} s of streaming and analysis.`),
    `  events   sent ${outcome.sent}, acknowledged ${outcome.acked}, refused ${refused.length}`,
    `  alerts   ${alerts.length}, ${host} from the host and ${alerts.length - host} from chat`,
  ];
  if (bySeverity.length > 0) lines.push(`           ${bySeverity.join(', ')}`);
  for (const error of refused) {
    lines.push(`  refused  ${error.id ?? error.ids?.join(',') ?? '?'}: ${error.code}: ${error.message}`);
  }
  for (const alert of retracted) {
    lines.push(`  retracted during the run: ${formatOffset(alert.offsetSeconds)} "${alert.text}"`);
  }
  lines.push(
    '',
    `Read them again (merchant ${tenant.merchantId}; this admin key is shown only here):`,
    `  curl -H "Authorization: Bearer ${tenant.apiKey}" "${tenant.api.alertsUrl(tenant.session.id)}"`,
  );
  return lines;
}

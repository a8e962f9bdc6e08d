import type { Alert } from '@anchorwatch/schemas';
import type { ScheduledEvent } from './sample-session.ts';

// Colour only a terminal; piped output stays plain text.
const tty = process.stdout.isTTY === true;
const paint = (code: string) => (text: string) => (tty ? `\u001b[${code}m${text}\u001b[0m` : text);

export const dim = paint('2');
export const bold = paint('1');
const red = paint('1;31');
const yellow = paint('1;33');

/** Stream seconds as `mm:ss.s`. */
export function formatOffset(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = (seconds - minutes * 60).toFixed(1).padStart(4, '0');
  return `${String(minutes).padStart(2, '0')}:${rest}`;
}

/** One line of the replayed stream, as it is sent. */
export function formatSent(item: ScheduledEvent, productName: (id: string) => string): string {
  const at = formatOffset(item.offset);
  const { event } = item;
  switch (event.type) {
    case 'transcript':
      return dim(`   ${at}  ${event.speaker.padEnd(6)} ${event.text}`);
    case 'chat':
      return dim(`   ${at}  chat   ${event.user}: ${event.text}`);
    case 'product_on_air':
      return dim(`   ${at}  ── on air: ${productName(event.productId)} ──`);
  }
}

/** How the engine tied the line to the product: by name, or by "this"/"it" while the product was on air. */
function formatVia(alert: Alert): string {
  const { via, text } = alert.explanation.product;
  return via === 'on_air' ? `"${text}" = product on air` : `named "${text}"`;
}

/** One alert as one line: offset, severity, product, who said what, the rule, and the delay after receipt. */
export function formatAlert(alert: Alert, productName: string): string {
  const severity = alert.severity.toUpperCase().padEnd(8);
  const who = alert.eventType === 'chat' ? `chat ${alert.speaker ?? '?'}` : (alert.speaker ?? 'host');
  const delayMs = Date.parse(alert.createdAt) - Date.parse(alert.eventReceivedAt);
  const head = `⚠ ${formatOffset(alert.offsetSeconds)}  ${severity} ${productName}`;
  const tail = `${alert.rule}, ${formatVia(alert)} · alerted ${delayMs} ms after receipt`;
  return `${alert.severity === 'low' ? yellow(head) : red(head)} · ${who}: "${alert.text}" · ${tail}`;
}
